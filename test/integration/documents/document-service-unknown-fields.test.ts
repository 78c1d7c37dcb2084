// The app's save keeps what this version does not know: Save and Save As carry the unknown fields of the file the document came from, never those of a file replaced.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentService, type Dialogs } from '../../../main/services/documents/document-service.js';
import { serializeBrief } from '../../../main/services/documents/brief-file.js';
import { newBrief } from '../../../shared/model/brief.js';
import { useTempDir } from '../../support/hooks.js';

const tmp = useTempDir('bb-docsvc-unknown-');
const answers: string[] = [];
const dialogs: Dialogs = { openBrief: async () => answers.shift() ?? null, saveBriefAs: async () => answers.shift() ?? null };
let service: DocumentService;

beforeEach(() => {
  service = new DocumentService({ userDataDir: join(tmp(), 'user-data'), dialogs });
});
afterEach(async () => {
  await service.shutdown();
});

/** A brief file of ours with an unknown field at the top and in meta (as a newer version would write). */
async function theirs(name: string, marker: string): Promise<string> {
  const file = join(tmp(), name);
  const json = JSON.parse(serializeBrief(newBrief({ title: name, template: 'one-pager', date: '2026-11-25' }))) as { meta: object };
  await writeFile(file, JSON.stringify({ [`${marker}Top`]: 1, ...json, meta: { ...json.meta, [`${marker}Meta`]: [marker] } }, null, 2));
  return file;
}

async function openFile(file: string) {
  answers.push(file);
  const r = await service.open();
  if (r.status !== 'opened') throw new Error(`expected opened, got ${r.status}`);
  return r.document;
}

describe('DocumentService save and Save As', () => {
  it('Save keeps the unknown fields in place; Save As to a new file carries them over', async () => {
    const file = await theirs('a.brief', 'fromA');
    const doc = await openFile(file);
    const edited = { ...doc.brief, meta: { ...doc.brief.meta, title: 'Edited' } };
    expect(await service.save(doc.handle, edited)).toMatchObject({ status: 'saved' });
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(Object.keys(saved)[0]).toBe('fromATop');
    expect(saved.meta.fromAMeta).toEqual(['fromA']);
    expect(saved.meta.title).toBe('Edited');

    const copy = join(tmp(), 'copy.brief');
    answers.push(copy);
    expect(await service.saveAs(doc.handle, edited)).toMatchObject({ status: 'saved' });
    const copied = JSON.parse(await readFile(copy, 'utf8'));
    expect(Object.keys(copied)[0]).toBe('fromATop');
    expect(copied.meta.fromAMeta).toEqual(['fromA']);
  });

  it('Save As over another brief does not take on that brief\'s unknown fields', async () => {
    const mine = await theirs('mine.brief', 'mine');
    const other = await theirs('other.brief', 'other');
    const doc = await openFile(mine);
    answers.push(other);
    expect(await service.saveAs(doc.handle, doc.brief)).toMatchObject({ status: 'saved' });
    const text = await readFile(other, 'utf8');
    expect(text).toContain('"mineTop"');
    expect(text).not.toContain('"otherTop"');
    expect(text).not.toContain('"otherMeta"');
  });
});
