// Splits a section file into its YAML front matter (between `---` lines) and the Markdown body after it.

export interface FrontMatterSplit {
  yaml: string;
  /** File line of the first front-matter line (the one after the opening `---`). */
  yamlLine: number;
  body: string;
  /** File line of the first body line. */
  bodyLine: number;
}

/** Returns undefined when the file does not open with a `---` line or the closing `---` is missing. */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  // A UTF-8 byte-order mark (left by some Windows editors) must not hide the opening fence.
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const open = /^---[ \t]*\r?\n/.exec(src);
  if (!open) return undefined;
  const close = /^---[ \t]*(\r?\n|$)/m;
  const rest = src.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return undefined;
  const yaml = rest.slice(0, m.index);
  const body = rest.slice(m.index + m[0].length);
  const yamlLines = countLines(yaml);
  return { yaml, yamlLine: 2, body, bodyLine: 2 + yamlLines + 1 };
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
