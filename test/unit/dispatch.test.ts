// The one IPC wrapper: refuses untrusted senders, validates against the channel table, wraps errors.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBriefFile } from '../../main/services/documents/brief-file.js';
import { WritableLibrary } from '../../main/services/writable-library.js';
import type { Handlers } from '../../shared/ipc/channels.js';
import { dispatch } from '../../main/services/dispatch.js';
import { UserFacingError } from '../../shared/errors.js';
import { CHANNEL_NAMES, METHOD_NAMES } from '../../shared/ipc/names.js';
import { CHANNELS } from '../../shared/ipc/channels.js';

process.env.BRIEFING_QUIET = '1';
const trusted = { trusted: true, describe: 'test' };
let called = 0;
const handlers = {
  appInfo: async () => ({ name: 'x', version: '1' }),
  listSections: async () => {
    called++;
    return [];
  },
  searchLibrary: async () => {
    throw new UserFacingError('index unavailable');
  },
  assembleBrief: async () => {
    throw new Error('boom');
  },
} as unknown as Handlers;

describe('dispatch', () => {
  it('has one channel name and one schema for every method', () => {
    expect(Object.keys(CHANNELS).sort()).toEqual([...METHOD_NAMES].sort());
    expect(new Set(Object.values(CHANNEL_NAMES)).size).toBe(METHOD_NAMES.length);
  });

  it('refuses an untrusted sender without calling the handler', async () => {
    called = 0;
    const r = await dispatch(handlers, 'listSections', [], { trusted: false, describe: 'iframe' });
    expect(r).toEqual({ ok: false, error: { message: expect.stringMatching(/refused/) } });
    expect(called).toBe(0);
  });

  it('validates arguments against the channel schema', async () => {
    const bad = await dispatch(handlers, 'searchLibrary', [42], trusted);
    expect(bad.ok).toBe(false);
    const extra = await dispatch(handlers, 'searchLibrary', ['x', { kinds: ['fact'], evil: true }], trusted);
    expect(extra.ok).toBe(false);
    const tooMany = await dispatch(handlers, 'listSections', ['unexpected'], trusted);
    expect(tooMany.ok).toBe(false);
    const ok = await dispatch(handlers, 'listSections', [], trusted);
    expect(ok).toEqual({ ok: true, value: [] });
  });

  it('passes user-facing errors through and reports unexpected ones without a stack', async () => {
    const user = await dispatch(handlers, 'searchLibrary', ['x'], trusted);
    expect(user).toEqual({ ok: false, error: { message: 'index unavailable' } });
    const spec = { title: 'T', template: 'one-pager', date: '2026-01-01', sectionIds: [] };
    const boom = await dispatch(handlers, 'assembleBrief', [spec], trusted);
    expect(boom.ok).toBe(false);
    expect(!boom.ok && boom.error.message).toBe('Something went wrong: boom');
  });
});

describe('dispatch names files without their folders', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'briefing-dispatch-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** The error envelope of one call whose handler is a real service failing on real files in `dir`. */
  async function failure(method: 'openDocument' | 'reloadLibraries' | 'listFacts' | 'searchLibrary', fn: () => Promise<unknown>, args: unknown[] = []): Promise<string> {
    const envelope = await dispatch({ [method]: fn } as unknown as Handlers, method, args, trusted);
    expect(envelope.ok).toBe(false);
    const message = envelope.ok ? '' : envelope.error.message;
    expect(message).not.toContain(dir);
    expect(message).not.toMatch(/(^|[\s'"(])\/(tmp|var|private|home)\//);
    return message;
  }

  it('a damaged .brief is named by its file name', async () => {
    const file = path.join(dir, 'damaged.brief');
    await writeFile(file, '{ "format": "briefing-builder/brief", ');
    expect(await failure('openDocument', () => readBriefFile(file))).toMatch(/^damaged\.brief: is not valid JSON: the file ends too early/);
  });

  it('a read-only team library is named by its folder name', async () => {
    const team = path.join(dir, 'team-lib');
    await mkdir(team);
    await writeFile(path.join(team, 'library.yaml'), 'id: team\nname: Team\nversion: "1"\n');
    const lib = new WritableLibrary(team, { kind: 'team', readOnly: true });
    expect(await failure('reloadLibraries', () => lib.deleteFact('any-fact'))).toContain('team-lib is read-only');
  });

  it("an unexpected error keeps Node's words but not the folder", async () => {
    const message = await failure('listFacts', () => readFile(path.join(dir, 'gone', 'facts.yaml')));
    expect(message).toBe("Something went wrong: ENOENT: no such file or directory, open 'facts.yaml'");
  });

  it('invalid arguments are worded by the shared formatter', async () => {
    const message = await failure('searchLibrary', async () => [], [42]);
    expect(message).toBe('invalid arguments for searchLibrary: [0] should be text but is 42');
  });
});

