// history: whole-Brief undo/redo steps, coalescing of typing into one step, redo cleared by a new edit, the step limit.
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../shared/model/brief.js';
import { commit, redo, startHistory, undo, type BriefHistory } from '../../../renderer/src/state/history.js';
import { briefOf, detached } from './briefs.js';

/** A brief per step, told apart by the body of its one section. */
const step = (text: string): Brief => briefOf(detached('s', { body: text }));
const bodies = (h: BriefHistory) => ({
  past: h.past.map((b) => b.sections[0]!.body),
  present: h.present.sections[0]!.body,
  future: h.future.map((b) => b.sections[0]!.body),
});

describe('brief history', () => {
  it('undoes and redoes whole states in order', () => {
    let h = startHistory(step('a'));
    h = commit(h, step('b'));
    h = commit(h, step('c'));
    expect(bodies(h)).toEqual({ past: ['a', 'b'], present: 'c', future: [] });
    h = undo(h);
    expect(bodies(h)).toEqual({ past: ['a'], present: 'b', future: ['c'] });
    h = undo(h);
    expect(bodies(h)).toEqual({ past: [], present: 'a', future: ['b', 'c'] });
    h = redo(h);
    expect(bodies(h)).toEqual({ past: ['a'], present: 'b', future: ['c'] });
    h = redo(h);
    expect(bodies(h)).toEqual({ past: ['a', 'b'], present: 'c', future: [] });
  });

  it('returns the same history when there is nothing to undo or redo, or the commit changes nothing', () => {
    const h = startHistory(step('a'));
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
    expect(commit(h, h.present)).toBe(h);
    expect(commit(h, h.present, 'body:s')).toBe(h);
  });

  it('merges consecutive commits with the same key into one undo step', () => {
    let h = startHistory(step(''));
    for (const text of ['T', 'Ty', 'Typ', 'Type']) h = commit(h, step(text), 'body:s');
    expect(bodies(h)).toEqual({ past: [''], present: 'Type', future: [] });
    expect(bodies(undo(h)).present).toBe('');
  });

  it('starts a new step when the key changes, and for every commit without a key', () => {
    let h = startHistory(step('0'));
    h = commit(h, step('1'), 'meta:title');
    h = commit(h, step('2'), 'meta:title');
    h = commit(h, step('3'), 'meta:subtitle');
    h = commit(h, step('4'));
    h = commit(h, step('5'));
    expect(bodies(h).past).toEqual(['0', '2', '3', '4']);
    expect(h.coalesceKey).toBeNull();
  });

  it('does not merge typing after an undo into the step that was undone', () => {
    let h = startHistory(step(''));
    h = commit(h, step('a'), 'body:s');
    h = commit(h, step('ab'), 'body:s');
    h = undo(h);
    expect(h.coalesceKey).toBeNull();
    h = commit(h, step('x'), 'body:s');
    h = commit(h, step('xy'), 'body:s');
    expect(bodies(h)).toEqual({ past: [''], present: 'xy', future: [] });
    // Neither does redo leave the key open.
    h = undo(h);
    h = redo(h);
    h = commit(h, step('xyz'), 'body:s');
    expect(bodies(h).past).toEqual(['', 'xy']);
  });

  it('drops the redo steps on a new edit, with a key or without', () => {
    let h = startHistory(step('a'));
    h = commit(h, step('b'), 'k');
    h = commit(h, step('c'));
    h = undo(h);
    expect(bodies(h).future).toEqual(['c']);
    expect(bodies(commit(h, step('d')))).toEqual({ past: ['a', 'b'], present: 'd', future: [] });
    expect(bodies(commit(h, step('d'), 'k'))).toEqual({ past: ['a', 'b'], present: 'd', future: [] });
  });

  it('keeps the last 200 steps', () => {
    let h = startHistory(step('0'));
    for (let i = 1; i <= 205; i++) h = commit(h, step(String(i)));
    expect(h.past).toHaveLength(200);
    expect(bodies(h).past[0]).toBe('5');
    expect(bodies(h).present).toBe('205');
    for (let i = 0; i < 200; i++) h = undo(h);
    expect(bodies(h).present).toBe('5');
    expect(undo(h)).toBe(h);
  });

  it('never changes the history it is given', () => {
    const h = Object.freeze(commit(startHistory(step('a')), step('b')));
    const before = bodies(h);
    undo(h);
    redo(undo(h));
    commit(h, step('c'), 'k');
    expect(bodies(h)).toEqual(before);
  });
});
