// `briefing check --library DIR` as a real child process on each hostile folder: exit 1, one line naming the file, no stack.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/hooks.js';
import { buildHostile, HOSTILE_CASES } from './hostile-libraries.js';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = useTempDir('bb-hostile-cli-', 'all');

/** The command from source (tsx), so it checks this tree rather than whatever dist/ was last built from. */
function check(lib: string): { status: number | null; out: string[]; err: string } {
  // The spawn timeout bounds a hang (a FIFO read, /dev/zero); the CLI is expected to finish long before it.
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/entry.ts', 'check', '--library', lib], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout.split('\n').filter(Boolean), err: r.stderr };
}

describe.skipIf(process.platform === 'win32')('briefing check on hostile folders', () => {
  for (const c of HOSTILE_CASES) {
    it(`${c.name}: exits 1 with one line naming ${c.file}`, { timeout: 90_000 }, async () => {
      const folder = await buildHostile(dir(), c);
      const r = check(folder);
      expect(r.err).toBe('');
      expect(r.status).toBe(1);
      const where = path.join(folder, c.file) + (c.line === undefined ? '' : `:${c.line}`);
      const lines = r.out.filter((l) => l.startsWith(folder + path.sep));
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith(`${where}: `)).toBe(true);
      expect(lines[0]).toMatch(c.message);
      expect(r.out.at(-1)).toMatch(/^1 error, \d+ warnings?$/);
    });
  }
});
