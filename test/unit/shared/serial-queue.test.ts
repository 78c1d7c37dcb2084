// SerialQueue / KeyedSerialQueue: tasks run in order, a failure does not block the next, keys are independent.
import { describe, expect, it } from 'vitest';
import { KeyedSerialQueue, SerialQueue } from '../../../shared/serial-queue.js';

/** A promise the test settles by hand, to hold a task open. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SerialQueue', () => {
  it('runs tasks one after another, in the order they were queued', async () => {
    const q = new SerialQueue();
    const log: string[] = [];
    const first = gate();
    const a = q.run(async () => {
      log.push('a starts');
      await first.promise;
      log.push('a ends');
      return 'a';
    });
    const b = q.run(() => {
      log.push('b runs');
      return 'b';
    });
    await tick();
    expect(log).toEqual(['a starts']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('a failed task rejects its own promise and the next task still runs', async () => {
    const q = new SerialQueue();
    const failed = q.run(async () => {
      throw new Error('disk full');
    });
    const thrownSync = q.run(() => {
      throw new Error('bad input');
    });
    const next = q.run(async () => 'after');
    await expect(failed).rejects.toThrow('disk full');
    await expect(thrownSync).rejects.toThrow('bad input');
    expect(await next).toBe('after');
  });

  it('idle() waits for every task queued so far and never rejects', async () => {
    const q = new SerialQueue();
    const g = gate();
    let done = false;
    void q.run(async () => {
      await g.promise;
      done = true;
    });
    q.run(async () => {
      throw new Error('ignored by idle');
    }).catch(() => undefined);
    const idle = q.idle();
    await tick();
    expect(done).toBe(false);
    g.open();
    await idle;
    expect(done).toBe(true);
  });
});

describe('KeyedSerialQueue', () => {
  it('keeps each key in order while other keys run alongside', async () => {
    const q = new KeyedSerialQueue<string>();
    const log: string[] = [];
    const holdA = gate();
    void q.run('a', async () => {
      await holdA.promise;
      log.push('a1');
    });
    const a2 = q.run('a', () => log.push('a2'));
    const b1 = q.run('b', () => log.push('b1'));
    await b1;
    // b ran while a's first task was still open; a's second waits for its first.
    expect(log).toEqual(['b1']);
    holdA.open();
    await a2;
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('a failure in one key blocks neither that key nor another', async () => {
    const q = new KeyedSerialQueue<string>();
    await expect(q.run('doc', async () => Promise.reject(new Error('write failed')))).rejects.toThrow('write failed');
    expect(await q.run('doc', () => 'retried')).toBe('retried');
    expect(await q.run('other', () => 'fine')).toBe('fine');
  });

  it('idle(key) waits for that key only; idle() for all; empty queues are forgotten', async () => {
    const q = new KeyedSerialQueue<string>();
    const holdA = gate();
    const holdB = gate();
    let aDone = false;
    let bDone = false;
    void q.run('a', async () => {
      await holdA.promise;
      aDone = true;
    });
    void q.run('b', async () => {
      await holdB.promise;
      bDone = true;
    });
    expect(q.size).toBe(2);
    const idleA = q.idle('a');
    const idleAll = q.idle();
    holdA.open();
    await idleA;
    expect([aDone, bDone]).toEqual([true, false]);
    holdB.open();
    await idleAll;
    expect(bDone).toBe(true);
    await tick();
    expect(q.size).toBe(0);
    await q.idle('never-used');
  });
});
