// Generators of the pathological inputs of issue 15 (briefs as JSON text, a search query), shared by the bounds tests and the bad-input benchmark.
import { BRIEF_FORMAT, BRIEF_VERSION } from '../../../shared/model/brief.js';

interface BriefParts {
  title?: string;
  sections?: { id: string; title: string; body: string }[];
  variables?: Record<string, string>;
  extra?: Record<string, unknown>;
}

/** A valid brief (issue-brief template) with detached sections, as the JSON text of a .brief file. */
export function briefText(parts: BriefParts = {}): string {
  return JSON.stringify({
    format: BRIEF_FORMAT,
    version: BRIEF_VERSION,
    meta: { title: parts.title ?? 'Bounds', template: 'issue-brief', paper: 'letter', date: '2026-11-25', authors: ['A. Author'], marking: 'none', language: 'en-US' },
    sections: (parts.sections ?? [{ id: 's1', title: 'Part', body: 'Text.' }]).map((s) => ({ kind: 'detached', ...s })),
    variables: parts.variables ?? {},
    pins: {},
    ...parts.extra,
  });
}

/** Enough paragraphs after the title for several pages, so the running header appears. */
const PAGES_OF_TEXT = Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} of plain body text that fills the pages.`).join('\n\n');

/** A brief whose title is one word of `n` characters. */
export const longTitleBrief = (n: number) => briefText({ title: 't'.repeat(n), sections: [{ id: 's1', title: 'Part', body: PAGES_OF_TEXT }] });

/** One unbreakable word of `n` characters in a body (letters cycling, so a lost or repeated chunk shows). */
export function longWord(n: number): string {
  const abc = 'abcdefghijklmnopqrstuvwxyz';
  let s = '';
  for (let i = 0; s.length < n; i++) s += abc.repeat(40).slice(i % 26, i % 26 + 1000);
  return s.slice(0, n);
}
export const longWordBrief = (n: number) => briefText({ sections: [{ id: 's1', title: 'Part', body: longWord(n) }] });

/** `n` sections with empty titles. */
export const emptyTitlesBrief = (n: number) => briefText({ sections: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, title: '', body: 'Text.' })) });

/** A section of about `bytes` characters of ordinary words. */
export const bigSectionBrief = (bytes: number) => briefText({ sections: [{ id: 'big', title: 'Big', body: 'word '.repeat(Math.ceil(bytes / 5)) }] });

/** About `bytes` of `{{var:v}}` references, each expanding to a 110-character value. */
export const variableRefsBrief = (bytes: number) =>
  briefText({ sections: [{ id: 'refs', title: 'Refs', body: '{{var:v}} '.repeat(Math.ceil(bytes / 10)) }], variables: { v: 'long value '.repeat(10) } });

/** `n` unclosed lists as the value of `format` (the brief is not even valid JSON). */
export const deepFormatBrief = (n: number) => briefText().replace(`"${BRIEF_FORMAT}"`, '['.repeat(n));
/** `n` nested lists as the value of `version`, closed (valid JSON). */
export const deepVersionBrief = (n: number) => briefText().replace(`"version":${BRIEF_VERSION}`, `"version":${'['.repeat(n)}${']'.repeat(n)}`);
/** An unknown field nested `n` objects deep (valid JSON, valid brief otherwise). */
export const deepUnknownFieldBrief = (n: number) => briefText().replace(/}$/, `,"extra":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`);

/** Markdown quotes nested `n` deep. */
export const nestedQuotesBrief = (n: number) => briefText({ sections: [{ id: 'quotes', title: 'Quotes', body: `Intro.\n\n${'> '.repeat(n)}deep` }] });

/** A search of `n` characters made of real-looking words. */
export function longQuery(n: number): string {
  const words = ['semiconductor', 'quantum', 'alliance', 'standards', 'export', 'controls', 'research', 'funding'];
  let q = '';
  for (let i = 0; q.length < n; i++) q += `${words[i % words.length]}${i} `;
  return q.slice(0, n);
}
