// Word counts as a reader sees the text: markup, link targets, citations and portion marks are not words.
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../shared/text/word-count.js';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['One two  three', 3],
    ['## A heading\n\n**Bold** and _italic_ text.', 6],
    ['See [the report](https://example.org/a-very-long-path) now.', 4],
    ['The U.S. spent 1,200 or 3.5% on chips; it doesn’t stop.', 11],
    ['Sales rose to {{fact:semis-sales-2024}} in 2024.{{cite:semis-sales-2024}}', 6],
    ['- first item\n- second item\n1. third item', 6],
    ['(S//NF) Allied plans stay here.', 4],
    ['(U) Open text', 2],
    ['state-of-the-art well-known', 2],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});
