// DocumentService on real folders: the start screen's examples open as untitled copies (never written back), an id
// that is not an example is refused, and undo back to the saved state clears "unsaved" for the close question.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { examplesDir } from '../../../main/services/app-paths.js';
import { DocumentService, type Dialogs } from '../../../main/services/documents/document-service.js';
import { newBrief } from '../../../shared/model/brief.js';
import { useTempDir } from '../../support/hooks.js';

const tmp = useTempDir('examples-');
const answers: Array<string | null> = [];
const dialogs: Dialogs = { openBrief: async () => answers.shift() ?? null, saveBriefAs: async () => answers.shift() ?? null };
let examples: string;
let service: DocumentService;
const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

beforeEach(async () => {
  examples = join(tmp(), 'examples');
  await mkdir(examples);
  for (const name of ['one-pager.brief', 'decision-memo.brief']) await copyFile(join(examplesDir(), name), join(examples, name));
  // A damaged file among the examples is left out of the list, not a failure of it.
  await writeFile(join(examples, 'broken.brief'), '{ not json');
  service = new DocumentService({ userDataDir: join(tmp(), 'user'), dialogs, examplesDir: examples });
});

describe('examples', () => {
  it('lists the readable examples with their titles and templates', async () => {
    const list = await service.examples();
    expect(list.map((e) => [e.exampleId, e.template, e.marking])).toEqual([
      ['decision-memo', 'decision-memo', 'us-cui'],
      ['one-pager', 'one-pager', 'none'],
    ]);
    expect(list[1]!.title).toMatch(/^T12 at a Glance/);
  });

  it('opens an example as an untitled copy: Save asks for a place, and the example file keeps its bytes', async () => {
    const before = await sha(join(examples, 'one-pager.brief'));
    const r = await service.openExample('one-pager');
    if (r.status !== 'opened') throw new Error(`not opened: ${JSON.stringify(r)}`);
    expect(r.document).toMatchObject({ displayName: 'Untitled', hasFile: false, recovered: false });
    expect(r.document.brief.sections.length).toBeGreaterThan(0);
    const target = join(tmp(), 'mine.brief');
    answers.push(target);
    const edited = { ...r.document.brief, meta: { ...r.document.brief.meta, title: 'My talking points' } };
    expect((await service.save(r.document.handle, edited)).status).toBe('saved');
    expect(JSON.parse(await readFile(target, 'utf8')).meta.title).toBe('My talking points');
    expect(await sha(join(examples, 'one-pager.brief'))).toBe(before);
  });

  it('refuses an id that is not a listed example, including a path, in one line', async () => {
    for (const id of ['broken', '../examples/one-pager', 'nope']) {
      const r = await service.openExample(id);
      expect(r.status).toBe('failed');
      if (r.status === 'failed') expect(r.error.message).toBe('That example: is not among the bundled examples — choose one from the start screen');
    }
  });
});

describe('back to the saved state', () => {
  it('is not unsaved once the window says so, and its recovery copy goes', async () => {
    const doc = service.newDocument({ title: 'Memo', template: 'issue-brief', date: '2026-01-01' });
    answers.push(join(tmp(), 'memo.brief'));
    await service.save(doc.handle, doc.brief);
    service.markEdited(doc.handle, newBrief({ title: 'Memo, edited', template: 'issue-brief', date: '2026-01-01' }));
    expect(service.unsavedDocuments()).toEqual(['memo.brief']);
    await service.shutdown();
    // A later service (the next start) would offer the edit's recovery copy...
    const next = () => new DocumentService({ userDataDir: join(tmp(), 'user'), dialogs });
    expect((await next().pendingRecovery()).map((o) => o.title)).toEqual(['Memo, edited']);
    // ...until undo brings the brief back to the file.
    await service.markUnchanged(doc.handle);
    expect(service.unsavedDocuments()).toEqual([]);
    expect(await next().pendingRecovery()).toEqual([]);
  });
});
