// The one IPC wrapper: refuses untrusted senders, validates against the channel table, wraps errors.
import { describe, expect, it } from 'vitest';
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
