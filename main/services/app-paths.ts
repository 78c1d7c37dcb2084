// Where the app's bundled files live (and its version, from its package.json), whether run from the sources, dist/ or the asar.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function moduleDir(): string {
  // esbuild's CommonJS bundles have __dirname; vitest/tsx run this file as an ES module.
  return typeof __dirname !== 'undefined' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
}

let cachedRoot: string | undefined;

/** The folder holding assets/ (the repo root in development, the app folder or asar when packaged). */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = moduleDir();
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'assets', 'fonts'))) return (cachedRoot = dir);
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find the app's assets folder above ${moduleDir()}`);
}

export const bundledLibraryDir = (): string => path.join(appRoot(), 'assets', 'library');
export const markingProfilesDir = (): string => path.join(appRoot(), 'assets', 'markings');
export const fontsDir = (): string => path.join(appRoot(), 'assets', 'fonts');
export const examplesDir = (): string => path.join(appRoot(), 'assets', 'examples');
export const rendererDir = (): string => path.join(appRoot(), 'dist', 'renderer');

let cachedVersion: string | undefined;

/** The app's version: the one in package.json, so the window's About and `briefing --version` cannot drift apart. */
export function appVersion(): string {
  if (cachedVersion) return cachedVersion;
  const { version } = JSON.parse(fs.readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof version !== 'string') throw new Error(`${path.join(appRoot(), 'package.json')} has no version`);
  return (cachedVersion = version);
}
