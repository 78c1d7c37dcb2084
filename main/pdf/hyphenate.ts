// Hyphenation points for English words (hypher + TeX en-US patterns), memoized per word.
import Hypher from 'hypher';
import enUs from 'hyphenation.en-us';

let hypher: Hypher | null = null;
const cache = new Map<string, string[]>();
const MAX_CACHE = 100_000;

/** Only English patterns are bundled; other languages are set without hyphenation. */
export function hyphenationSupported(language: string): boolean {
  return /^en(\b|[-_])/i.test(language) || language.toLowerCase() === 'en';
}

/**
 * Syllables of a word, or [word] when it should not be hyphenated: short words, all-caps acronyms,
 * and anything that is not plain letters (numbers, URLs, mixed scripts).
 */
export function syllables(word: string): string[] {
  if (word.length < 6 || !/^[\p{Ll}\p{Lu}]+$/u.test(word) || word === word.toUpperCase()) return [word];
  let parts = cache.get(word);
  if (!parts) {
    hypher ??= new Hypher(enUs);
    parts = hypher.hyphenate(word);
    if (cache.size > MAX_CACHE) cache.clear();
    cache.set(word, parts);
  }
  return parts;
}
