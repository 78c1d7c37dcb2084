// Packaging config: fuses locked down, no publish/auto-update, electron tooling only in devDependencies.
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
    });
    expect(builder.asar).toBe(true);
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
  it('keeps electron and electron-builder in devDependencies and exposes the briefing bin', () => {
    expect(pkg.devDependencies).toHaveProperty('electron');
    expect(pkg.devDependencies).toHaveProperty('electron-builder');
    expect(pkg.dependencies).not.toHaveProperty('electron');
    expect(pkg.bin).toEqual({ briefing: 'bin/briefing.cjs' });
    for (const s of ['start', 'build', 'test', 'lint', 'typecheck', 'dist']) expect(pkg.scripts).toHaveProperty(s);
  });
});
