// The words of a section's Markdown that a spell checker should look at: prose only, never references, URLs,
// code, link targets, HTML, portion marks such as (CUI) or (S//NF), acronyms, or words with digits.

export interface ProseWord {
  from: number;
  to: number;
  /** The word as checked: curly apostrophes made straight. */
  word: string;
}

/** Spans that are not prose, in the order they are looked for (the first to claim a character keeps it). */
const SKIP: RegExp[] = [
  /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[`~]*[ \t]*(?=\n|$)|$)/gm, // fenced code, to its closing fence or the end
  /^(?: {4}|\t)[^\n]*/gm, // indented code
  /(`+)[^`]*?\1/g, // inline code
  /\{\{[^{}\n]{0,300}\}\}/g, // {{fact:…}}, {{var:…}}, {{cite:…}}
  /\]\([^)\n]*\)/g, // a link's target
  /<[^>\n]*>/g, // HTML and autolinks
  /\b(?:https?:\/\/|mailto:|www\.)[^\s)\]>]+/gi, // bare URLs
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail addresses
  /\((?:[A-Z]{1,6}|[A-Z]{1,4}\/\/[^)\n]{0,80})\)/g, // portion marks: (U), (CUI), (S//REL TO USA, GBR)
  /^:::[^\n]*/gm, // container fences (::: callout)
];

const TOKEN = /[\p{L}\p{M}\p{N}'’]+/gu;
const ALNUM = /[\p{L}\p{N}]/u;

function skippedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of SKIP) for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  spans.sort((a, b) => a[0] - b[0]);
  return spans;
}

export function proseWords(text: string): ProseWord[] {
  const spans = skippedSpans(text);
  const out: ProseWord[] = [];
  let s = 0;
  for (const m of text.matchAll(TOKEN)) {
    let from = m.index;
    let raw = m[0];
    // Quotes around a word are not part of it ('word' or word’).
    const lead = raw.length - raw.replace(/^['’]+/, '').length;
    raw = raw.slice(lead).replace(/['’]+$/, '');
    from += lead;
    const to = from + raw.length;
    if (!raw) continue;
    while (s < spans.length && spans[s]![1] <= from) s++;
    let inside = false;
    for (let k = s; k < spans.length && spans[k]![0] < to; k++) if (spans[k]![1] > from) inside = true;
    if (inside) continue;
    if (/\p{N}/u.test(raw)) continue; // G7, 2025, 5nm
    const letters = raw.replace(/['’]s$/, '').replace(/['’]/g, '');
    if ([...letters].length < 2) continue;
    if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) continue; // AI, CHIPS, NATO, EU's
    // Joined to another word by _ (snake_case) is an identifier, not prose; _emphasis_ is prose.
    if ((text[to] === '_' && ALNUM.test(text[to + 1] ?? '')) || (text[from - 1] === '_' && ALNUM.test(text[from - 2] ?? ''))) continue;
    out.push({ from, to, word: raw.replace(/’/g, "'") });
  }
  return out;
}
