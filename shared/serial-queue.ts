// Runs async tasks one after another (read-modify-write cycles, saves to one file); a failed task does not block the next.

const settle = (): void => undefined;

/** One queue: each task starts when the one before it has settled, whatever its outcome. */
export class SerialQueue {
  /** Never rejects, so one failure cannot stall the tasks queued after it. */
  private tail: Promise<void> = Promise.resolve();

  /** Queues `task`; the promise settles with the task's own result or error. */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(settle, settle);
    return result;
  }

  /** Resolves when every task queued so far has settled. */
  idle(): Promise<void> {
    return this.tail;
  }
}

/** One independent queue per key (a document, a file): tasks for different keys run side by side. */
export class KeyedSerialQueue<K> {
  private readonly tails = new Map<K, Promise<void>>();

  run<T>(key: K, task: () => T | Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(settle, settle);
    this.tails.set(key, tail);
    // Forget a key once its queue is empty, so a long session does not keep one entry per file ever touched.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves when every task queued so far for `key` (or, without a key, for every key) has settled. */
  async idle(key?: K): Promise<void> {
    if (key !== undefined) await this.tails.get(key);
    else await Promise.all(this.tails.values());
  }

  /** Keys with a task queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
