// Lays out the Linux package with electron-builder (`--dir`, offline) on a stand-in Electron distribution, then
// reads what it made: the asar's contents (built app, assets and fonts; no tests, maps, sources or devDependencies)
// and the fuse wire electron-builder flipped in the executable.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { build, Platform, type Configuration } from 'electron-builder';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../../..');
/** The marker @electron/fuses looks for; the wire follows it: version byte, length byte, one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse order of wire version 1 (@electron/fuses FuseV1Options). */
const FUSES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'] as const;
/** Electron's own defaults, so a fuse electron-builder failed to flip shows up as unchanged. */
const ELECTRON_DEFAULTS = '10110001';

let tmp: string;
let appDir: string;
let files: string[];

/**
 * Electron's runtime cannot be downloaded here, so electron-builder gets a folder shaped like an unzipped release:
 * an `electron` executable (a shell stub carrying a fuse wire at Electron's defaults), `version`, a licence, `resources/`.
 */
async function standInElectronDist(dir: string, version: string): Promise<void> {
  await fs.mkdir(path.join(dir, 'resources'), { recursive: true });
  const stub = Buffer.concat([Buffer.from('#!/bin/sh\necho "Electron stand-in for packaging tests"\nexit 1\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from(ELECTRON_DEFAULTS)]);
  await fs.writeFile(path.join(dir, 'electron'), stub, { mode: 0o755 });
  await fs.writeFile(path.join(dir, 'version'), version);
  await fs.writeFile(path.join(dir, 'LICENSE'), 'Electron stand-in: no licence text needed for a layout test\n');
}

function fuseWire(executable: Buffer): Record<string, boolean> {
  const at = executable.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const length = executable[at + 1]!;
  return Object.fromEntries(FUSES.slice(0, length).map((name, i) => [name, executable[at + 2 + i] === 0x31]));
}

beforeAll(async () => {
  for (const built of ['dist/main/main.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html']) {
    await fs.access(path.join(repo, built)).catch(() => {
      throw new Error(`packaging: ${built} is missing; run \`npm run build\` first (the test command does)`);
    });
  }
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-package-'));
  const electronVersion = (JSON.parse(await fs.readFile(path.join(repo, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  await standInElectronDist(path.join(tmp, 'electron-dist'), electronVersion);
  const config = parse(await fs.readFile(path.join(repo, 'electron-builder.yml'), 'utf8')) as Configuration;
  await build({
    projectDir: repo,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { ...config, electronDist: path.join(tmp, 'electron-dist'), directories: { ...config.directories, output: path.join(tmp, 'out') } },
  });
  appDir = path.join(tmp, 'out', 'linux-unpacked');
  files = listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false });
}, 120_000);
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

describe('electron-builder --dir layout', () => {
  it('holds the built main, preload and renderer, the bundled library and examples, and the fonts', () => {
    for (const f of ['/package.json', '/dist/main/main.cjs', '/dist/main/preload.cjs', '/dist/renderer/index.html', '/assets/library/library.yaml', '/node_modules/pdfkit/package.json']) expect(files, f).toContain(f);
    expect(files.filter((f) => /^\/dist\/renderer\/assets\/index-[^/]+\.js$/.test(f))).toHaveLength(1);
    expect(files.filter((f) => /^\/assets\/fonts\/[^/]+\.ttf$/.test(f)).length).toBeGreaterThanOrEqual(4);
    expect(files.some((f) => f.startsWith('/assets/examples/') && f.endsWith('.brief'))).toBe(true);
    const shipped = JSON.parse(extractFile(path.join(appDir, 'resources', 'app.asar'), 'package.json').toString('utf8')) as { main: string };
    expect(files).toContain(`/${shipped.main}`);
  });
  it('holds no tests, source maps, TypeScript sources or sources of our own', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /\/(test|tests|__tests__)\//.test(f) || /\.(test|spec)\.[cm]?js$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^\/(main|renderer|shared|test|scripts|docs|bin)\//.test(f))).toEqual([]);
  });
  it('holds no devDependency that no shipped package depends on', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const asar = path.join(appDir, 'resources', 'app.asar');
    const manifests = files.filter((f) => /^\/node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(f) || f === '/package.json');
    const needed = new Set(manifests.flatMap((m) => Object.keys((JSON.parse(extractFile(asar, m.slice(1)).toString('utf8')) as { dependencies?: object }).dependencies ?? {})));
    const shippedDev = Object.keys(pkg.devDependencies).filter((d) => files.includes(`/node_modules/${d}/package.json`) && !needed.has(d));
    expect(shippedDev).toEqual([]);
    for (const tool of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript', 'esbuild', 'playwright-core']) expect(files, tool).not.toContain(`/node_modules/${tool}/package.json`);
  });
  it('flips the fuses in the executable as electron-builder.yml says', async () => {
    const executable = await fs.readFile(path.join(appDir, 'briefing-builder'));
    expect(fuseWire(executable)).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
