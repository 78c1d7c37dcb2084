// DocumentService with fake dialogs and a manual clock on real temp folders: open, save, recent, recovery.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newBrief, type Brief } from '../../../shared/model/brief.js';
import { readBriefFile } from '../../../main/services/documents/brief-file.js';
import { DocumentService, fileNameFor, type Dialogs } from '../../../main/services/documents/document-service.js';
import type { OpenResult } from '../../../shared/model/document-handles.js';
import { useTempDir } from '../../support/hooks.js';
import { ManualClock } from './manual-clock.js';

/** Dialog answers queued by the test; asks are recorded so suggested names can be checked. */
class FakeDialogs implements Dialogs {
  readonly answers: Array<string | null> = [];
  readonly asked: string[] = [];
  async openBrief() {
    this.asked.push('open');
    return this.next();
  }
  async saveBriefAs(suggestedName: string) {
    this.asked.push(`save as ${suggestedName}`);
    return this.next();
  }
  private next(): string | null {
    if (this.answers.length === 0) throw new Error('unexpected dialog');
    return this.answers.shift()!;
  }
}

let root: string;
let userData: string;
let docs: string;
let clock: ManualClock;
let dialogs: FakeDialogs;
let service: DocumentService;
const fixtures = new URL('../../fixtures/briefs/', import.meta.url);

const makeService = () => new DocumentService({ userDataDir: userData, dialogs, clock });
const brief = (title: string): Brief => newBrief({ title, template: 'issue-brief', date: '2025-06-01' });

const tmp = useTempDir('bb-docsvc-');
beforeEach(async () => {
  root = tmp();
  userData = join(root, 'userData');
  docs = join(root, 'docs');
  await Promise.all([mkdir(userData), mkdir(docs)]);
  clock = new ManualClock();
  dialogs = new FakeDialogs();
  service = makeService();
});
afterEach(async () => {
  await service.shutdown();
});

function opened(result: OpenResult) {
  if (result.status !== 'opened') throw new Error(`expected opened, got ${JSON.stringify(result)}`);
  return result.document;
}

async function openFixture(name: string, as = name) {
  const path = join(docs, as);
  await copyFile(new URL(name, fixtures), path);
  dialogs.answers.push(path);
  return { path, result: await service.open() };
}

describe('DocumentService', () => {
  it('opens through the dialog and returns plain data with an opaque handle and the file name only', async () => {
    const { path, result } = await openFixture('valid-v1.brief', 'quantum.brief');
    const doc = opened(result);
    expect(doc).toMatchObject({ displayName: 'quantum.brief', hasFile: true, recovered: false });
    expect(doc.handle).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(result)).not.toContain(docs);
    expect(structuredClone(result)).toEqual(result);
    expect(doc.brief).toEqual(await readBriefFile(path));
  });

  it('reports a cancelled dialog, a damaged file by name, and a file already open', async () => {
    dialogs.answers.push(null);
    expect(await service.open()).toEqual({ status: 'canceled' });

    const { result } = await openFixture('syntax-error.brief');
    expect(result).toEqual({
      status: 'failed',
      error: { file: 'syntax-error.brief', reason: expect.stringMatching(/^is not valid JSON: .* line 6, column 5/), message: expect.stringMatching(/^syntax-error\.brief: is not valid JSON/) },
    });
    expect(JSON.stringify(result)).not.toContain(docs);

    const first = opened((await openFixture('valid-v1.brief', 'a.brief')).result);
    dialogs.answers.push(join(docs, 'a.brief'));
    expect(await service.open()).toEqual({ status: 'already-open', handle: first.handle });
  });

  it('saves a new document through Save As, suggesting a safe name and adding the extension', async () => {
    const doc = service.newDocument({ title: 'Quantum: what/why?', template: 'issue-brief', date: '2025-06-01' });
    expect(doc).toMatchObject({ displayName: 'Untitled', hasFile: false });
    dialogs.answers.push(join(docs, 'quantum'));
    const edited = { ...doc.brief, variables: { partner: 'Japan' } };
    expect(await service.save(doc.handle, edited)).toEqual({ status: 'saved', displayName: 'quantum.brief' });
    expect(dialogs.asked).toEqual(['save as Quantum- what-why-.brief']);
    expect(await readBriefFile(join(docs, 'quantum.brief'))).toEqual(edited);
    // The second save goes to the same file without a dialog.
    expect(await service.save(doc.handle, brief('Renamed'))).toEqual({ status: 'saved', displayName: 'quantum.brief' });
    expect(dialogs.asked).toHaveLength(1);
  });

  it('refuses to overwrite a damaged file, keeps the user text in recovery, and replaces only when asked', async () => {
    const target = join(docs, 'damaged.brief');
    await copyFile(new URL('truncated.brief', fixtures), target);
    const before = createHash('sha256').update(await readFile(target)).digest('hex');
    const doc = service.newDocument({ title: 'Mine', template: 'one-pager' });
    dialogs.answers.push(target);
    const result = await service.saveAs(doc.handle, brief('Mine'));
    expect(result).toMatchObject({ status: 'failed', canReplace: true, error: { file: 'damaged.brief', reason: expect.stringMatching(/^was not saved: the file already there is not a brief/) } });
    expect(createHash('sha256').update(await readFile(target)).digest('hex')).toBe(before);
    const offers = await makeService().pendingRecovery();
    expect(offers).toEqual([{ recoveryId: doc.handle, displayName: 'Untitled', title: 'Mine', savedAt: clock.now(), hasFile: false }]);

    dialogs.answers.push(target);
    expect(await service.saveAs(doc.handle, brief('Mine'), { replace: true })).toEqual({ status: 'saved', displayName: 'damaged.brief' });
    expect((await readBriefFile(target)).meta.title).toBe('Mine');
    expect(await makeService().pendingRecovery()).toEqual([]);
  });

  it('recovery: an edit is copied after the debounce, a crash offers it, restore returns it, save removes it', async () => {
    const { path, result } = await openFixture('valid-v1.brief', 'memo.brief');
    const doc = opened(result);
    const edited: Brief = { ...doc.brief, meta: { ...doc.brief.meta, title: 'Edited, not saved' } };
    service.markEdited(doc.handle, edited);

    clock.advance(900);
    expect(await makeService().pendingRecovery()).toEqual([]);
    clock.advance(100);
    // The app "crashes" here: a new service on the same user data folder finds the copy.
    const afterCrash = makeService();
    await vi.waitFor(async () => expect(await afterCrash.pendingRecovery()).toHaveLength(1));
    const [offer] = await afterCrash.pendingRecovery();
    expect(offer).toEqual({ recoveryId: doc.handle, displayName: 'memo.brief', title: 'Edited, not saved', savedAt: clock.now(), hasFile: true });

    const restored = opened(await afterCrash.restore(offer!.recoveryId));
    expect(restored).toMatchObject({ displayName: 'memo.brief', hasFile: true, recovered: true });
    expect(restored.brief).toEqual(edited);
    expect((await readBriefFile(path)).meta.title).toBe('Allied cooperation on quantum sensing');

    expect(await afterCrash.save(restored.handle, restored.brief)).toEqual({ status: 'saved', displayName: 'memo.brief' });
    expect((await readBriefFile(path)).meta.title).toBe('Edited, not saved');
    expect(await makeService().pendingRecovery()).toEqual([]);
  });

  it('keeps the recovery copy when an edit arrives while saving', async () => {
    const doc = opened((await openFixture('valid-v1.brief', 'memo.brief')).result);
    const v1 = { ...doc.brief, variables: { step: '1' } };
    const v2 = { ...doc.brief, variables: { step: '2' } };
    service.markEdited(doc.handle, v1);
    const saving = service.save(doc.handle, v1);
    service.markEdited(doc.handle, v2);
    expect(await saving).toMatchObject({ status: 'saved' });
    clock.advance(1000);
    const later = makeService();
    await vi.waitFor(async () => expect(await later.pendingRecovery()).toHaveLength(1));
    expect(opened(await later.restore(doc.handle)).brief.variables).toEqual({ step: '2' });
  });

  it('close and discardRecovery drop the copy; restoring an unknown copy fails politely', async () => {
    const doc = service.newDocument({ title: 'Scratch', template: 'one-pager' });
    service.markEdited(doc.handle, doc.brief);
    await service.shutdown();
    expect(await makeService().pendingRecovery()).toHaveLength(1);
    await service.close(doc.handle);
    expect(await makeService().pendingRecovery()).toEqual([]);

    const other = service.newDocument({ title: 'Other', template: 'one-pager' });
    service.markEdited(other.handle, other.brief);
    await service.shutdown();
    const next = makeService();
    await next.discardRecovery(other.handle);
    expect(await next.pendingRecovery()).toEqual([]);
    expect(await next.restore(other.handle)).toMatchObject({ status: 'failed', error: { file: 'The recovery copy' } });
  });

  it('explains a save that fails in the file system and keeps the text in a recovery copy', async () => {
    const folder = join(docs, 'sub');
    await mkdir(folder);
    const doc = opened((await openFixture('valid-v1.brief', 'sub/memo.brief')).result);
    await rm(folder, { recursive: true });
    const edited = { ...doc.brief, variables: { unsaved: 'yes' } };
    expect(await service.save(doc.handle, edited)).toEqual({
      status: 'failed',
      canReplace: false,
      error: {
        file: 'memo.brief',
        reason: 'could not be saved: its folder no longer exists. Your changes are kept in a recovery copy — save them elsewhere with Save As…',
        message: expect.stringMatching(/^memo\.brief: could not be saved/),
      },
    });
    const [offer] = await makeService().pendingRecovery();
    expect(opened(await makeService().restore(offer!.recoveryId)).brief).toEqual(edited);
  });

  it('will not save over a file that is open under another handle', async () => {
    const a = opened((await openFixture('valid-v1.brief', 'a.brief')).result);
    const b = service.newDocument({ title: 'B', template: 'one-pager' });
    dialogs.answers.push(join(docs, 'a.brief'));
    expect(await service.saveAs(b.handle, brief('B'))).toMatchObject({ status: 'failed', canReplace: false, error: { reason: expect.stringMatching(/is open in another window/) } });
    expect(a.handle).not.toBe(b.handle);
  });
});

describe('unsaved changes', () => {
  it('lists documents edited since their last save, and forgets them once saved', async () => {
    const doc = service.newDocument({ title: 'Draft', template: 'one-pager', date: '2025-06-01' });
    expect(service.unsavedDocuments()).toEqual([]);
    service.markEdited(doc.handle, brief('Draft 2'));
    expect(service.unsavedDocuments()).toEqual(['Untitled']);
    dialogs.answers.push(join(docs, 'draft.brief'));
    await service.save(doc.handle, brief('Draft 2'));
    expect(service.unsavedDocuments()).toEqual([]);
    service.markEdited(doc.handle, brief('Draft 3'));
    expect(service.unsavedDocuments()).toEqual(['draft.brief']);
    await service.close(doc.handle);
    expect(service.unsavedDocuments()).toEqual([]);
  });
});

describe('recent list', () => {
  it('keeps the 10 most recent, newest first, with stable ids and names only', async () => {
    for (let i = 0; i < 12; i++) {
      await writeFile(join(docs, `b${i}.brief`), JSON.stringify(brief(`B${i}`)));
      clock.advance(1000);
      dialogs.answers.push(join(docs, `b${i}.brief`));
      const doc = opened(await service.open());
      await service.close(doc.handle);
    }
    const items = await service.recent();
    expect(items.map((i) => i.displayName)).toEqual(Array.from({ length: 10 }, (_, i) => `b${11 - i}.brief`));
    expect(Object.keys(items[0]!).sort()).toEqual(['displayName', 'folder', 'openedAt', 'recentId']);
    expect(items[0]!.folder).toBe('docs');
    expect(JSON.stringify(items)).not.toContain(docs);

    const reopened = opened(await makeService().openRecent(items[3]!.recentId));
    expect(reopened.brief.meta.title).toBe('B8');
    const again = await service.recent();
    expect(again[0]).toMatchObject({ recentId: items[3]!.recentId, displayName: 'b8.brief' });
  });

  it('prunes files that no longer exist and reports a vanished one by name', async () => {
    for (const name of ['keep.brief', 'gone.brief']) {
      await writeFile(join(docs, name), JSON.stringify(brief(name)));
      dialogs.answers.push(join(docs, name));
      await service.close(opened(await service.open()).handle);
    }
    const [gone] = await service.recent();
    await unlink(join(docs, 'gone.brief'));
    expect(await service.openRecent(gone!.recentId)).toMatchObject({ status: 'failed', error: { file: 'gone.brief', reason: expect.stringMatching(/^was not found/) } });
    expect((await service.recent()).map((i) => i.displayName)).toEqual(['keep.brief']);
    expect(await service.openRecent('no-such-id')).toMatchObject({ status: 'failed' });
  });

  it('treats a damaged recent.json as empty', async () => {
    await writeFile(join(userData, 'recent.json'), '{ not json');
    expect(await service.recent()).toEqual([]);
  });
});

describe('fileNameFor', () => {
  it.each([
    ['Quantum: what/why?', 'Quantum- what-why-'],
    ['  ..hidden  ', 'hidden'],
    ['a\u0000b\nc', 'a-b-c'],
    ['', 'Untitled'],
    ['///', '-'],
  ])('%j -> %j', (title, name) => {
    expect(fileNameFor(title)).toBe(name);
  });
});
