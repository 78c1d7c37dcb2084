// Parses YAML text keeping the syntax tree, so any value (or a missing key) can be traced back to its line.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type YAMLError } from 'yaml';

export interface YamlSyntaxError {
  line: number;
  message: string;
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
  return {
    value: doc.toJS(),
    errors: doc.errors.map((e) => describeSyntaxError(doc, e, lineOf)),
    lineAt: (path) => lineOf(offsetAt(doc, path)),
  };
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
