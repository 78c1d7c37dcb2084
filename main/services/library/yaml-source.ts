// Parses YAML text keeping the syntax tree, so any value (or a missing key) can be traced back to its line.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type YAMLError } from 'yaml';

export interface YamlSyntaxError {
  line: number;
  message: string;
  /** A limit was hit (too many aliases), not a syntax mistake: the message says it all, with no syntax hint. */
  limit?: boolean;
}

/**
 * The alias limit of every YAML file read from a library (the `yaml` package's count, which weighs each alias
 * by the size of what it copies). A fact file has no need of aliases; an alias bomb ("billion laughs") expands
 * a few hundred bytes into gigabytes. js-yaml has no such limit, so the fast path leaves any file with an
 * alias to this parser (see mayHaveAliases).
 */
export const MAX_YAML_ALIAS_COUNT = 100;

const ALIAS_LIMIT_MESSAGE =
  `its YAML aliases (*name) expand into too many copies (the limit is ${MAX_YAML_ALIAS_COUNT}), which is refused as a resource-exhaustion attack — ` +
  'write the values out instead of using aliases';

/** Whether the text may hold an alias (`*name`); a false "yes" only costs the slower, bounded parse. */
export function mayHaveAliases(text: string): boolean {
  return text.includes('*');
}

export interface YamlSource {
  /** The document as plain data (with syntax errors: whatever the parser recovered). */
  value: unknown;
  errors: YamlSyntaxError[];
  /**
   * 1-based line of the node at `path`; when the path does not exist (a missing key), the line of the
   * deepest key that does, so "source.url is missing" points at `source:`.
   */
  lineAt(path: readonly PropertyKey[]): number;
}

/** `firstLine` is the file line the text starts on (front matter starts on line 2 of a section file). */
export function parseYaml(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  // prettyErrors off: we want yaml's one-line message, not its multi-line code excerpt.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const lineAt = (path: readonly PropertyKey[]) => lineOf(offsetAt(doc, path));
  const errors = doc.errors.map((e) => describeSyntaxError(doc, e, lineOf));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (err) {
    // yaml's own message ("Excessive alias count ...") names no file; the caller adds the file, we add the line.
    if (!(err instanceof ReferenceError)) throw err;
    return { value: undefined, errors: [...errors, { line: lineOf(firstAliasOffset(doc)), message: ALIAS_LIMIT_MESSAGE, limit: true }], lineAt };
  }
  return { value, errors, lineAt };
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * yaml reports an unclosed quote where the file ends; the useful line is where the quote was opened, which
 * is the start of the quoted scalar that runs up to the error.
 */
function describeSyntaxError(doc: Document, e: YAMLError, lineOf: (offset: number) => number): YamlSyntaxError {
  const message = oneLine(e.message);
  if (e.code === 'MISSING_CHAR' && /quote/.test(message)) {
    let opened: number | undefined;
    visit(doc, {
      Scalar(_key, node) {
        const range = node.range;
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && range && range[0] < e.pos[0] && range[1] >= e.pos[0]) {
          opened = range[0];
          return visit.BREAK;
        }
      },
    });
    if (opened !== undefined) return { line: lineOf(opened), message: 'a quoted text opened here is never closed' };
  }
  return { line: lineOf(e.pos[0]), message };
}

function offsetAt(doc: Document, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let best = rangeStart(node) ?? 0;
  /** Start of the key whose value `node` is: a missing key inside that value is reported there. */
  let parentKey: number | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return parentKey ?? best;
      parentKey = rangeStart(pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      parentKey = undefined;
      node = node.items[seg];
    } else break;
    if (node === undefined) break;
    best = rangeStart(node) ?? parentKey ?? best;
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

function oneLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}
