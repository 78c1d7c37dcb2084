// The one markdown-it configuration: HTML off, our {{fact:...}} / {{var:...}} references, ::: containers.
import MarkdownItFactory, { type MarkdownIt, type StateInline, type Token } from 'markdown-it';
import container from 'markdown-it-container';
import { isAllowedUrl } from '../model/url-policy.js';

export type RefKind = 'fact' | 'value' | 'cite' | 'var';
export const REF_PATTERN = /\{\{\s*(fact|value|cite|var)\s*:\s*([A-Za-z0-9_-]+)\s*\}\}/g;

/** Containers a section may use: `::: pullquote`, `::: summary Title`, `::: pagebreak`. */
export const CONTAINERS = ['pullquote', 'summary', 'pagebreak'] as const;

/**
 * Deepest block nesting (lists and quotes inside each other) markdown-it builds. Past it markdown-it drops the
 * rest of the section without a word, so compose refuses a section that reaches it (shared/compose/nesting.ts);
 * it also bounds every recursive walk of the tree, in compose and in layout. Real briefs nest four or five.
 */
export const MAX_MARKDOWN_NESTING = 20;

function refRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x7b /* { */ || state.src.charCodeAt(start + 1) !== 0x7b) return false;
  const re = /^\{\{\s*(fact|value|cite|var)\s*:\s*([A-Za-z0-9_-]+)\s*\}\}/;
  const m = re.exec(state.src.slice(start));
  if (!m) return false;
  if (!silent) {
    const token = state.push('bb_ref', '', 0);
    token.meta = { kind: m[1] as RefKind, id: m[2] };
    token.content = m[0];
  }
  state.pos += m[0].length;
  return true;
}

let shared: MarkdownIt | undefined;

/**
 * Link targets refused while one parse runs. markdown-it gives validateLink the URL only (no env), and parsing
 * is synchronous, so parseMarkdown sets this for the length of its own parse.
 */
let refusedSink: string[] | undefined;

/**
 * markdown-it's own check refuses only javascript:, vbscript:, file: and most data: URLs; ours is the one URL
 * policy. A refused link is left in the text as written (plain text), never turned into a link token.
 */
function validateLink(url: string): boolean {
  if (isAllowedUrl(url, 'body')) return true;
  refusedSink?.push(url);
  return false;
}

/** A configured parser (cached: markdown-it instances are reusable and parsing is pure). */
export function markdown(): MarkdownIt {
  if (shared) return shared;
  // html: false — nothing from a library or brief is ever executed or passed through as markup.
  const md = new MarkdownItFactory({ html: false, linkify: false, typographer: true, maxNesting: MAX_MARKDOWN_NESTING });
  md.validateLink = validateLink;
  md.inline.ruler.before('text', 'bb_ref', refRule);
  // '{' is one of markdown-it's terminator characters, so the 'text' rule stops there and ours gets a turn.
  for (const name of CONTAINERS) md.use(container, name);
  shared = md;
  return md;
}

/** Parses Markdown (`inline`: one line, such as a title) and says which link targets the URL policy refused. */
export function parseMarkdown(src: string, inline = false): { tokens: Token[]; refusedLinks: string[] } {
  const refusedLinks: string[] = [];
  refusedSink = refusedLinks;
  try {
    const tokens = inline ? (markdown().parseInline(src, {})[0]?.children ?? []) : markdown().parse(src, {});
    return { tokens, refusedLinks };
  } finally {
    refusedSink = undefined;
  }
}

/** All references in a Markdown body, in order of appearance. */
export function findRefs(body: string): { kind: RefKind; id: string; index: number }[] {
  const out: { kind: RefKind; id: string; index: number }[] = [];
  for (const m of body.matchAll(REF_PATTERN)) out.push({ kind: m[1] as RefKind, id: m[2]!, index: m.index ?? 0 });
  return out;
}
