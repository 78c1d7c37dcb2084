// The built `briefing` command's start-up caches as a whole process: V8's code cache and the engine cache are written, reused, and survive damage.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../support/hooks.js';
import { allText, openPdf, qpdfCheck } from './pdf/read-pdf.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/briefing.cjs');
const example = path.join(root, 'assets/examples/decision-memo.brief');
const dir = useTempDir('briefing-cli-caches-', 'each');

async function briefing(argv: string[], cacheDir: string): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [bin, ...argv], { env: { ...process.env, BRIEFING_TODAY: '2026-11-25', BRIEFING_CACHE_DIR: cacheDir } });
}

const names = async (d: string) => (await fs.readdir(d)).sort();

describe('start-up caches of the built command', () => {
  it('keeps one code cache per kind of command, and starts from a damaged one as from none', async () => {
    const cache = path.join(dir(), 'cache');
    expect((await briefing(['--version'], cache)).stdout).toMatch(/^briefing \d+\.\d+\.\d+/);
    const [other] = (await names(cache)).filter((n) => n.startsWith('code-'));
    expect(other).toMatch(/-other\.bin$/);
    const good = await fs.readFile(path.join(cache, other!));
    expect(good.length).toBeGreaterThan(10_000);

    // Garbage where the cache was: V8 rejects it, the command still works, and a sound cache is written back.
    await fs.writeFile(path.join(cache, other!), Buffer.alloc(good.length, 7));
    expect((await briefing(['--version'], cache)).stdout).toMatch(/^briefing /);
    const rewritten = await fs.readFile(path.join(cache, other!));
    expect(rewritten.equals(Buffer.alloc(good.length, 7))).toBe(false);
    expect((await briefing(['--help'], cache)).stdout).toContain('briefing export');

    // An export keeps a code cache of its own (the engine's functions). An example brief is all in the engine cache
    // the build ships (dist/cache-seed), so nothing new is computed and no engine file of the user's is written.
    await briefing(['export', example, '--out', path.join(dir(), 'a.pdf')], cache);
    const all = await names(cache);
    expect(all.filter((n) => n.startsWith('code-'))).toHaveLength(2);
    expect(all.some((n) => /^code-.*-export\.bin$/.test(n))).toBe(true);
    const shipped = await fs.readdir(path.join(root, 'dist/cache-seed')).catch(() => []);
    expect(all.some((n) => /^engine-[0-9a-f]{32}\.json$/.test(n))).toBe(shipped.length === 0);
  });

  it('exports the same document with every cache cold, warm, damaged, or switched off', async () => {
    const cache = path.join(dir(), 'cache');
    const out = (name: string) => path.join(dir(), `${name}.pdf`);
    await briefing(['export', example, '--out', out('off'), '--pdfa'], 'off');
    await briefing(['export', example, '--out', out('cold'), '--pdfa'], cache);
    await briefing(['export', example, '--out', out('warm'), '--pdfa'], cache);
    for (const name of await names(cache)) {
      const file = path.join(cache, name);
      const bytes = await fs.readFile(file);
      await fs.writeFile(file, bytes.subarray(0, bytes.length >> 1));
    }
    await briefing(['export', example, '--out', out('damaged'), '--pdfa'], cache);
    // The process's own dates and document id differ run by run; everything drawn and tagged must not.
    const strip = (b: Buffer) => b.toString('latin1').replace(/D:\d{14}Z|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|\/ID \[[^\]]*\]/g, '');
    const reference = await fs.readFile(out('off'));
    for (const name of ['cold', 'warm', 'damaged']) {
      const bytes = await fs.readFile(out(name));
      expect(qpdfCheck(bytes), name).toMatchObject({ ok: true });
      expect((await allText(await openPdf(bytes))).join('\n'), name).toBe((await allText(await openPdf(reference))).join('\n'));
      expect(bytes.length, name).toBe(reference.length);
      expect(strip(bytes) === strip(reference), name).toBe(true);
    }
  });

  it('prints the phase split of an export with BRIEFING_PHASES=1, and nothing extra without it', async () => {
    const cache = path.join(dir(), 'cache');
    const out = path.join(dir(), 'p.pdf');
    const plain = await briefing(['export', example, '--out', out], cache);
    expect(plain.stderr).not.toContain('briefing-phases');
    const r = await run(process.execPath, [bin, 'export', example, '--out', out], { env: { ...process.env, BRIEFING_TODAY: '2026-11-25', BRIEFING_CACHE_DIR: cache, BRIEFING_PHASES: '1' } });
    const line = /^briefing-phases (.*)$/m.exec(r.stderr)?.[1];
    const phases = JSON.parse(line ?? '{}') as Record<string, number>;
    expect(Object.keys(phases)).toEqual(['boot', 'modules', 'library', 'compose', 'layout', 'write', 'output', 'exit', 'total']);
    for (const v of Object.values(phases)) expect(v).toBeGreaterThanOrEqual(0);
    const parts = Object.entries(phases).filter(([k]) => k !== 'total').reduce((n, [, v]) => n + v, 0);
    expect(Math.abs(parts - phases.total!)).toBeLessThan(1);
  });

  it('decodes HTML entities and breaks and shapes new text with the bundle’s lazy stand-ins (entities, unicode tries)', async () => {
    const brief = JSON.parse(await fs.readFile(path.join(root, 'assets/examples/one-pager.brief'), 'utf8')) as { sections: Record<string, unknown>[] };
    // A section the shipped engine cache has never seen: its words are shaped and its lines broken in this process.
    brief.sections.push({ kind: 'detached', id: 'entities', title: 'Caf&eacute; &amp; r&#233;sum&#xE9;', body: 'Zw&ouml;lf Partner &mdash; &ldquo;vertrauensw&uuml;rdige&rdquo; Netze, 5&nbsp;G &amp; mehr.' });
    const file = path.join(dir(), 'entities.brief');
    await fs.writeFile(file, JSON.stringify(brief));
    const out = path.join(dir(), 'entities.pdf');
    await briefing(['export', file, '--out', out], path.join(dir(), 'cache'));
    const text = (await allText(await openPdf(await fs.readFile(out)))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('CAFÉ & RÉSUMÉ'); // the template sets section titles in capitals
    expect(text).toContain('Zwölf Partner — “vertrauenswürdige” Netze, 5 G & mehr.');
  });

  it('writes the embedded manifest’s MD5 checksum as the file’s digest (the bundle hashes with Node’s MD5)', async () => {
    const out = path.join(dir(), 'm.pdf');
    await briefing(['export', example, '--out', out], path.join(dir(), 'cache'));
    const manifest = (await run('qpdf', ['--show-attachment=briefing-manifest.json', out], { encoding: 'buffer', maxBuffer: 1 << 24 })).stdout;
    const qdf = (await run('qpdf', ['--qdf', '--object-streams=disable', out, '-'], { encoding: 'latin1', maxBuffer: 1 << 26 })).stdout;
    expect(JSON.parse(manifest.toString('utf8'))).toBeTypeOf('object');
    expect(/\/CheckSum \(([0-9a-f]{32})\)/.exec(qdf)?.[1]).toBe(createHash('md5').update(manifest).digest('hex'));
  });
});
