// RecoveryStore on a real temp folder: debounce, max wait, discard ordering, restart, damaged copies.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newBrief, type Brief } from '../../../shared/model/brief.js';
import { RecoveryStore } from '../../../main/services/documents/recovery.js';
import { useTempDir } from '../../support/hooks.js';
import { ManualClock } from './manual-clock.js';

let userData: string;
let clock: ManualClock;
let store: RecoveryStore;
const meta = { originalPath: '/briefs/memo.brief', displayName: 'memo.brief' };
const brief = (title: string): Brief => newBrief({ title, template: 'decision-memo', date: '2025-06-01' });

const tmp = useTempDir('bb-recovery-');
beforeEach(() => {
  userData = tmp();
  clock = new ManualClock();
  store = new RecoveryStore(userData, { clock });
});
afterEach(async () => {
  await store.idle();
});

describe('RecoveryStore', () => {
  it('writes a copy one second after the last edit, with the latest text', async () => {
    store.scheduleWrite('doc-1', brief('First draft'), meta);
    clock.advance(600);
    store.scheduleWrite('doc-1', brief('Second draft'), meta);
    clock.advance(999);
    await store.idle();
    expect(await store.list()).toEqual([]);
    clock.advance(1);
    await store.idle();
    const [entry, ...rest] = await store.list();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ docId: 'doc-1', ...meta, savedAt: clock.now() });
    expect(entry!.brief).toEqual(brief('Second draft'));
  });

  it('still writes during steady typing, at most five seconds after the first unsaved edit', async () => {
    for (let t = 0; t < 5000; t += 500) {
      store.scheduleWrite('doc-1', brief(`Draft ${t}`), meta);
      clock.advance(500);
    }
    await store.idle();
    expect((await store.list()).map((e) => e.brief.meta.title)).toEqual(['Draft 4500']);
  });

  it('discard removes the copy and cancels a scheduled write', async () => {
    store.scheduleWrite('doc-1', brief('A'), meta);
    await store.flush();
    expect(await readdir(join(userData, 'recovery'))).toEqual(['doc-1.json']);
    store.scheduleWrite('doc-1', brief('B'), meta);
    await store.discard('doc-1');
    clock.advance(2000);
    await store.idle();
    expect(await readdir(join(userData, 'recovery'))).toEqual([]);
  });

  it('a discard issued while a write is under way lands after it', async () => {
    store.scheduleWrite('doc-1', brief('A'), meta);
    clock.advance(1000); // the write starts now and is still in flight
    await store.discard('doc-1');
    expect(await store.list()).toEqual([]);
  });

  it('a new store on the same folder (after a crash) lists the copies, newest first', async () => {
    store.scheduleWrite('doc-1', brief('Older'), meta);
    clock.advance(1000);
    store.scheduleWrite('doc-2', brief('Newer'), { originalPath: null, displayName: 'Untitled' });
    clock.advance(1000);
    await store.idle();
    const after = new RecoveryStore(userData, { clock });
    expect((await after.list()).map((e) => [e.docId, e.brief.meta.title, e.originalPath])).toEqual([
      ['doc-2', 'Newer', null],
      ['doc-1', 'Older', '/briefs/memo.brief'],
    ]);
  });

  it('skips damaged copies and temp files without deleting them', async () => {
    store.scheduleWrite('doc-1', brief('Good'), meta);
    await store.flush();
    const dir = join(userData, 'recovery');
    await writeFile(join(dir, 'broken.json'), '{"format":');
    await writeFile(join(dir, '.doc-1.json.0a1b2c3d.tmp'), 'partial');
    expect((await store.list()).map((e) => e.docId)).toEqual(['doc-1']);
    expect((await readdir(dir)).sort()).toEqual(['.doc-1.json.0a1b2c3d.tmp', 'broken.json', 'doc-1.json']);
  });

  it('reports a failed write through onError and keeps going', async () => {
    const errors: string[] = [];
    const failing = new RecoveryStore(join(userData, 'file-not-folder'), { clock, onError: (_e, id) => errors.push(id) });
    await writeFile(join(userData, 'file-not-folder'), 'x');
    failing.scheduleWrite('doc-1', brief('A'), meta);
    await failing.flush();
    expect(errors).toEqual(['doc-1']);
  });

  it('rejects document ids that are not plain file names', () => {
    expect(() => store.scheduleWrite('../escape', brief('A'), meta)).toThrow(/invalid document id/);
  });
});
