// Test support for vitest files: a temp folder or a fresh app (test/support/services.ts) per test, removed after it.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startApp, type TestApp, type TestAppOptions } from './services.js';
import { tempDir } from './temp.js';

/** Sets `make` up before each test (or once for the file) and `close` after; the getter fails outside a test. */
function useFixture<T>(make: () => Promise<T>, close: (value: T) => Promise<void>, scope: 'each' | 'all', what: string): () => T {
  let value: { current: T } | undefined;
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    value = { current: await make() };
  });
  after(async () => {
    if (value) await close(value.current);
    value = undefined;
  });
  return () => {
    if (!value) throw new Error(`${what}: used outside a test`);
    return value.current;
  };
}

/** A fresh temp folder for each test (`scope: 'all'`: one for the whole file); returns its path. */
export function useTempDir(prefix = 'bb-test-', scope: 'each' | 'all' = 'each'): () => string {
  const get = useFixture(() => tempDir(prefix), (t) => t.cleanup(), scope, 'useTempDir');
  return () => get().dir;
}

/** A fresh app for each test: real services on a temp user-data folder, called through dispatch. */
export function useApp(options: TestAppOptions = {}): () => TestApp {
  return useFixture(() => startApp(options), (app) => app.close(), 'each', 'useApp');
}
