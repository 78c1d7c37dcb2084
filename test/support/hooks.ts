// Test support for vitest files: a fresh app (test/support/services.ts) for each test, closed after it.
import { afterEach, beforeEach } from 'vitest';
import { startApp, type TestApp, type TestAppOptions } from './services.js';

/** Returns the current test's app; call it inside tests and hooks, not at module level. */
export function useApp(options: TestAppOptions = {}): () => TestApp {
  let app: TestApp | undefined;
  beforeEach(async () => {
    app = await startApp(options);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  return () => {
    if (!app) throw new Error('useApp: no app outside a test');
    return app;
  };
}
