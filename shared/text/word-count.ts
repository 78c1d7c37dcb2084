// Word counts of a section's Markdown as a reader will see it: markup and link targets do not count, a fact or
// variable reference counts as one word (it prints as a value), citation marks count as none.

const CITE = /\{\{\s*cite:[^}]*\}\}/g;
const REF = /\{\{[^}]*\}\}/g;
const LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const MARKUP = /[#>*_`~|\\]+/g;
/** A word: letters or digits, with inner apostrophes, hyphens, dots or commas (U.S., 3.5, 1,200, don't). */
const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

export function countWords(markdown: string): number {
  const text = markdown
    .replace(CITE, ' ')
    .replace(REF, ' ref ')
    .replace(LINK, ' $1 ')
    // Portion marks such as (S//NF) open a portion; they are markings, not words.
    .replace(/^\s*\((?:[A-Z]{1,4}(?:\/\/[^)]*)?)\)/gm, ' ')
    .replace(MARKUP, ' ')
    .replace(/^\s*(?:[-+]|\d+[.)])\s+/gm, ' ');
  return text.match(WORD)?.length ?? 0;
}
