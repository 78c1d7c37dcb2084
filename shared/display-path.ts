// Names files the way the window may show them: an absolute path in a message becomes its base name.

/** Characters that end an unquoted path in a message (a path with spaces only survives whole inside quotes). */
const PATH_CHARS = String.raw`[^\s'"“”‘’\`,;:()<>\[\]]`;

/** A quoted absolute path (POSIX, drive letter or UNC), as Node's own messages write them: '/tmp/x y/a.brief'. */
const QUOTED = new RegExp(String.raw`(['"“‘])((?:/|[A-Za-z]:[\\/]|\\\\)[^'"”’\n]*?)(['"”’])`, 'g');
/** An unquoted one; a slash after a word, a colon or another slash is a URL or a relative path, not the start of one. */
const UNQUOTED = new RegExp(String.raw`(?<![\w.~:/\\-])(?:/(?=[^\s/])|[A-Za-z]:\\|\\\\(?=\w))${PATH_CHARS}*`, 'g');

/** The last part of a path ("/home/ana/briefs/memo.brief" → "memo.brief"). */
export function baseName(p: string): string {
  const parts = p.split(/[\\/]+/).filter((s) => s !== '');
  return parts[parts.length - 1] ?? p;
}

/** `text` with every absolute path replaced by its base name; a sentence's closing full stop stays outside the path. */
export function hideAbsolutePaths(text: string): string {
  return text
    .replace(QUOTED, (_m, open: string, p: string, close: string) => `${open}${baseName(p)}${close}`)
    .replace(UNQUOTED, (m) => {
      const trail = /\.+$/.exec(m)?.[0] ?? '';
      return baseName(m.slice(0, m.length - trail.length)) + trail;
    });
}
