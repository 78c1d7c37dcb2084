// app:// path resolution: files of the renderer bundle only, never outside the root or of other types.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath, mimeType } from '../../../main/electron/protocol-paths.js';

const root = path.resolve('/opt/app/dist/renderer');

describe('resolveAppPath', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppPath('app://briefing/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://briefing/assets/index-1.js', root)).toBe(path.join(root, 'assets/index-1.js'));
    expect(resolveAppPath('app://briefing/assets/a%20b.css', root)).toBe(path.join(root, 'assets/a b.css'));
  });
  it('keeps dot segments the URL parser resolves inside the root', () => {
    expect(resolveAppPath('app://briefing/../../etc/passwd.js', root)).toBe(path.join(root, 'etc/passwd.js'));
    expect(resolveAppPath('app://briefing/%2e%2e/%2e%2e/etc/x.js', root)).toBe(path.join(root, 'etc/x.js'));
  });
  it.each([
    'app://briefing/..%2f..%2fsecret.js',
    'app://briefing/assets/%00.js',
    'app://briefing/assets/..\\..\\x.js',
    'app://briefing/%E0%A4%A',
    'app://other/index.html',
    'https://briefing/index.html',
    'app://briefing/package.json.exe',
    'app://briefing/secrets.txt',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
  it('serves known types with the right MIME type', () => {
    expect(mimeType('/x/a.js')).toMatch(/javascript/);
    expect(mimeType('/x/a.unknown')).toBe('application/octet-stream');
  });
});
