// Packaging config: targets, .brief association, fuses locked down, no publish/auto-update, a supported Electron in devDependencies.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const builder = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;

describe('electron-builder.yml', () => {
  it('sets the security fuses', () => {
    expect(builder.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
    expect(builder.asar).toBe(true);
  });
  it('builds AppImage and deb, nsis and dmg, and opens .brief files', () => {
    const targets = (os: string) => (builder[os] as { target: string[] }).target;
    expect(targets('linux')).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(builder.fileAssociations).toEqual([expect.objectContaining({ ext: 'brief', role: 'Editor' })]);
  });
  it('has no update or publish configuration anywhere', () => {
    const keys = (o: unknown, at: string): string[] =>
      o && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => [`${at}${k}=${v === null ? 'null' : typeof v}`, ...keys(v, `${at}${k}.`)]) : [];
    const found = keys(builder, '').filter((k) => /(^|\.)(publish|[^.=]*update[^.=]*)=/i.test(k));
    expect(found).toEqual(['publish=null']);
  });
  it('keeps out source maps, TypeScript, tests and type packages', () => {
    expect(builder.files).toEqual(expect.arrayContaining(['!**/*.map', '!**/*.{ts,tsx,mts,cts}', '!**/node_modules/**/{test,tests,__tests__}/**', '!**/node_modules/@types/**']));
  });
  it('publishes nowhere (no auto-update feed)', () => {
    expect(builder.publish).toBeNull();
    expect(JSON.stringify(pkg)).not.toMatch(/electron-updater|update-electron-app/);
  });
  it('packages the built app and the bundled assets only', () => {
    expect(builder.files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/renderer/**', 'assets/**']));
  });
});

describe('package.json', () => {
  it('is on a supported Electron major (SECURITY.md: one of the latest three; 45 was current when last reviewed)', () => {
    const major = Number(/\d+/.exec(pkg.devDependencies!.electron!)![0]);
    expect(major).toBeGreaterThanOrEqual(45);
  });
  it('keeps electron and electron-builder in devDependencies and exposes the briefing bin', () => {
    expect(pkg.devDependencies).toHaveProperty('electron');
    expect(pkg.devDependencies).toHaveProperty('electron-builder');
    expect(pkg.dependencies).not.toHaveProperty('electron');
    expect(pkg.bin).toEqual({ briefing: 'bin/briefing.cjs' });
    for (const s of ['start', 'build', 'test', 'lint', 'typecheck', 'dist']) expect(pkg.scripts).toHaveProperty(s);
  });
});
