// The `briefing` command as a whole process: a closed standard output ends it quietly; file-system failures read as one line.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/run.js';
import { recorder } from '../support/cli.js';
import { useTempDir } from '../support/hooks.js';
import { readPdfText } from '../support/read-pdf.js';

const root = path.resolve(import.meta.dirname, '../..');
/** The built command (`npm run build:node`), as `briefing` runs on a user's machine. */
const bin = path.join(root, 'bin/briefing.cjs');
const dir = useTempDir('briefing-cli-output-', 'all');
let example: string;

beforeAll(async () => {
  process.env.BRIEFING_TODAY = '2026-11-25';
  const name = (await fs.readdir(path.join(root, 'assets/examples'))).find((f) => f.endsWith('.brief'));
  example = path.join(root, 'assets/examples', name!);
});

/** Runs the built command with its stdout read by a reader that closes after `chunks` chunks (0: closed at once). */
async function withClosingReader(argv: string[], chunks: number): Promise<{ code: number | null; err: string; received: number }> {
  const child = spawn(process.execPath, [bin, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let received = 0;
  child.stderr.setEncoding('utf8').on('data', (d: string) => void (err += d));
  if (chunks === 0) child.stdout.destroy();
  else {
    child.stdout.on('data', () => {
      if (++received === chunks) child.stdout.destroy();
    });
  }
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  return { code, err, received };
}

const STACK_OR_EPIPE = /EPIPE|Error|\n\s+at /;

describe('a closed standard output', () => {
  it('`briefing list facts --json | head -1` ends quietly with exit 0', async () => {
    // The JSON is over 100 kB, more than a pipe holds: writes are still pending when the reader goes away.
    const r = await withClosingReader(['list', 'facts', '--json'], 1);
    expect(r.received).toBe(1);
    expect(r.err).not.toMatch(STACK_OR_EPIPE);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('`briefing export` writes its PDF and ends quietly when nobody reads its messages', async () => {
    const out = path.join(dir(), 'unread.pdf');
    const r = await withClosingReader(['export', example, '--out', out], 0);
    expect(r.err).not.toMatch(STACK_OR_EPIPE);
    expect(r.code).toBe(0);
    expect((await readPdfText(out)).numPages).toBeGreaterThan(0);
  });

  it('a usage error with nobody reading stdout still says its line on stderr, exit 2', async () => {
    const r = await withClosingReader(['frobnicate'], 0);
    expect(r.err.split('\n')[0]).toBe('briefing: unknown command "frobnicate"');
    expect(r.err).not.toMatch(STACK_OR_EPIPE);
    expect(r.code).toBe(2);
  });
});

describe('file-system failures', () => {
  it('are said in the words of the errno table, in one line naming the file', async () => {
    const folder = path.join(dir(), 'a-folder.pdf');
    await fs.mkdir(folder);
    const io = recorder();
    expect(await main(['export', example, '--out', folder], io)).toBe(1);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(/^briefing: .*a-folder\.pdf: is a folder — give the name of a file inside it; nothing was written$/);
  });
});
