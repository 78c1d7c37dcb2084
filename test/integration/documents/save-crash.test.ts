// Fault injection: a child saving briefs in a loop is SIGKILLed at random moments; every file left must be whole.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBriefFile, serializeBrief } from '../../../main/services/documents/brief-file.js';
import { faultBrief } from './fault-briefs.js';

const KILLS = 200;
/**
 * Kill delays after the first save begins are log-uniform over 1-400 ms: a save takes ~10-60 ms here and far
 * longer on a loaded machine, so this lands kills in every phase of the first save and in later ones, under any load.
 */
const killDelayMs = () => Math.exp(Math.random() * Math.log(400));

interface Run {
  begun: number | null;
  done: number | null;
  /** Wall time of the first save, when it finished before the kill. */
  firstSaveMs: number | null;
}

/** A saver process started ahead of time, waiting on stdin for the generation to start from. */
class Saver {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private readonly run: Run = { begun: null, done: null, firstSaveMs: null };
  private firstBeginAt = 0;
  private readonly exited: Promise<void>;
  readonly ready: Promise<void>;
  private onBegin: () => void = () => undefined;
  private stderr = '';

  constructor(script: string, target: string) {
    this.child = spawn(process.execPath, [script, target], { stdio: ['pipe', 'pipe', 'pipe'] });
    let markReady: () => void = () => undefined;
    this.ready = new Promise((resolve) => (markReady = resolve));
    let pending = '';
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [what, n] = line.split(' ');
        if (what === 'ready') markReady();
        if (what === 'begin') {
          this.run.begun = Number(n);
          this.onBegin();
        }
        if (what === 'done') {
          this.run.done = Number(n);
          this.run.firstSaveMs ??= performance.now() - this.firstBeginAt;
        }
      }
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    // Lines written just before the kill can still be in the pipe: wait for the stream to end too.
    const ended = new Promise((resolve) => this.child.stdout.on('end', resolve));
    this.exited = new Promise((resolve, reject) => {
      this.child.on('error', reject);
      this.child.on('exit', (_code, signal) =>
        signal === 'SIGKILL' ? void ended.then(() => resolve()) : reject(new Error(`saver exited by itself: ${this.stderr}`)),
      );
    });
    this.exited.catch(() => undefined);
  }

  /** Lets it save from generation `start`, kills it `delayMs` after its first save began, reports its last lines. */
  async killAfter(start: number, delayMs: number): Promise<Run> {
    this.onBegin = () => {
      this.onBegin = () => undefined;
      this.firstBeginAt = performance.now();
      setTimeout(() => this.child.kill('SIGKILL'), delayMs);
    };
    this.child.stdin.write(`${start}\n`);
    await this.exited;
    return this.run;
  }

  stop(): void {
    this.child.kill('SIGKILL');
  }
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
}

/** Reads a file left behind, checks it is a whole brief of one generation and returns that generation. */
async function wholeGeneration(path: string): Promise<number> {
  const brief = await readBriefFile(path);
  const gen = Number(brief.variables.gen);
  expect(await readFile(path, 'utf8')).toBe(serializeBrief(faultBrief(gen)));
  return gen;
}

describe('saveBriefFile killed at random moments', () => {
  let dir: string;
  let script: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bb-fault-'));
    // Bundled and minified once: `node --import tsx` costs ~0.5 s per start, which 200 restarts cannot afford;
    // plain node on the bundle starts in ~0.17 s here, and a spare saver starting in parallel hides part of that.
    script = join(dir, 'save-loop.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./save-loop.child.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      minify: true,
      outfile: script,
      logLevel: 'error',
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // ~50 s on an idle 2-core machine (Node's own start-up, ~0.13 s, is most of it); 65-100 s while other test
  // runs share the cores. The timeout leaves room for that.
  it(`leaves the brief and its .bak whole, previous or new, at each of ${KILLS} kills`, { timeout: 240_000 }, async () => {
    const work = join(dir, 'work');
    const target = join(work, 'loop.brief');
    const bak = `${target}.bak`;
    await mkdir(work);
    // Where in saveBriefFile each kill landed, read from what it left behind.
    const phases = { beforeFirstFile: 0, checkingExisting: 0, copyingBak: 0, bakReplaced: 0, writingNewFile: 0, targetReplaced: 0, betweenSaves: 0 };
    let savesCompleted = 0;
    const firstSaves: number[] = [];
    const started = performance.now();
    let onDisk: number | null = null;
    let temps = new Set<string>();
    let spare = new Saver(script, target);

    for (let kill = 0; kill < KILLS; kill++) {
      const start = (onDisk ?? -1) + 1;
      const saver = spare;
      await saver.ready;
      // The next saver starts up while this one saves, so restarts cost little wall time.
      spare = new Saver(script, target);
      const run = await saver.killAfter(start, killDelayMs());
      if (run.firstSaveMs !== null) firstSaves.push(run.firstSaveMs);
      const lastDone = run.done ?? onDisk;
      const inFlight = run.begun !== null && run.begun !== run.done ? run.begun : null;
      savesCompleted += run.done === null ? 0 : run.done - start + 1;

      const names = await readdir(work);
      for (const name of names) {
        if (name !== 'loop.brief' && name !== 'loop.brief.bak') expect(name).toMatch(/^\.loop\.brief(\.bak)?\.[0-9a-f]{8}\.tmp$/);
      }
      if (!names.includes('loop.brief')) {
        // Only possible before the very first save ever completed.
        expect(lastDone).toBeNull();
        phases.beforeFirstFile++;
        continue;
      }
      const gen = await wholeGeneration(target);
      expect([lastDone, inFlight]).toContain(gen);
      let bakGen: number | null = null;
      if (names.includes('loop.brief.bak')) {
        bakGen = await wholeGeneration(bak);
        // The .bak is the version before the target, or already the target while the next save is under way.
        expect(bakGen === gen - 1 || (bakGen === gen && inFlight === gen + 1)).toBe(true);
      }
      const newTemps = names.filter((n) => n.endsWith('.tmp') && !temps.has(n));
      temps = new Set(names.filter((n) => n.endsWith('.tmp')));
      if (inFlight === null) phases.betweenSaves++;
      else if (gen === inFlight) phases.targetReplaced++;
      else if (newTemps.some((n) => !n.includes('.bak.'))) phases.writingNewFile++;
      else if (bakGen === gen) phases.bakReplaced++;
      else if (newTemps.length > 0) phases.copyingBak++;
      else phases.checkingExisting++;
      onDisk = gen;
    }

    spare.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fault injection: ${KILLS} SIGKILLs in ${seconds.toFixed(1)} s (median first save ${median(firstSaves).toFixed(0)} ms, ` +
        `${savesCompleted} saves completed); kills by phase ${JSON.stringify(phases)}; ` +
        `temp files left behind ${temps.size}; every .brief/.bak whole and either the previous or the new version`,
    );
    // Guard against a vacuous pass: most kills must land inside a save of an existing file.
    expect(KILLS - phases.betweenSaves - phases.beforeFirstFile).toBeGreaterThan(KILLS / 2);
  });
});
