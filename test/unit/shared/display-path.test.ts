// hideAbsolutePaths: absolute paths in a message become base names; URLs, relative paths and prose stay.
import { describe, expect, it } from 'vitest';
import { baseName, hideAbsolutePaths } from '../../../shared/display-path.js';

describe('hideAbsolutePaths', () => {
  it('replaces POSIX, Windows and UNC paths by their base name', () => {
    expect(hideAbsolutePaths('/tmp/abc123/memo.brief: is not valid JSON')).toBe('memo.brief: is not valid JSON');
    expect(hideAbsolutePaths('the team library /home/ana/team-lib is read-only')).toBe('the team library team-lib is read-only');
    // Unquoted, a path with a space is cut at the space: what is left names no folder above it.
    expect(hideAbsolutePaths('read /home/ana/My Briefs/x.brief')).toBe('read My Briefs/x.brief');
    expect(hideAbsolutePaths('cannot open C:\\Users\\ana\\briefs\\memo.brief.')).toBe('cannot open memo.brief.');
    expect(hideAbsolutePaths('on \\\\server\\share\\team\\library.yaml')).toBe('on library.yaml');
    expect(hideAbsolutePaths("ENOENT: no such file or directory, open '/tmp/x y/a.brief'")).toBe("ENOENT: no such file or directory, open 'a.brief'");
    expect(hideAbsolutePaths('the folder /srv/libs/team-a/ has no library.yaml')).toBe('the folder team-a has no library.yaml');
  });

  it('leaves URLs, relative paths and slashes in prose alone', () => {
    const text = 'see https://example.org/a/b; sections/context.md:4 and/or 1/2 — a / b (YYYY-MM-DD)';
    expect(hideAbsolutePaths(text)).toBe(text);
  });

  it('baseName takes the last part with either separator', () => {
    expect(baseName('/a/b/c.brief')).toBe('c.brief');
    expect(baseName('C:\\a\\b\\')).toBe('b');
  });
});
