// Paragraph step 1, collect: styled pieces (text-runs.ts) -> words, the spaces between them and forced breaks.
import type { Piece } from './text-runs.js';

/** Text of one piece inside a word (a word spans pieces where its style changes). */
export interface WordSpan {
  piece: number;
  text: string;
}

/**
 * What collect finds, in reading order, handed over as it is found (no list of tokens is built: a long
 * paragraph has many words, and the next step looks at each once). Runs of spaces are already collapsed: a
 * space is only reported between two words (never first, never after a forced break, never trailing), in the
 * piece of its first space character.
 */
export interface TokenSink {
  /** A word in one piece (the common case). */
  word(piece: number, text: string): void;
  /** A word whose style changes inside it. */
  mixedWord(spans: WordSpan[]): void;
  space(piece: number): void;
  /** A forced line break; one always ends the paragraph. */
  forcedBreak(): void;
}

/** Split the pieces into words, spaces and breaks for `sink`. */
export function tokenize(pieces: Piece[], sink: TokenSink): void {
  /** Spans of the word being read (it may continue into the next piece). */
  let word: WordSpan[] = [];
  /** Piece of a space waiting to be reported before the next word (-1: none). */
  let pendingSpace = -1;
  /** Whether anything was reported yet, and whether the last thing was a forced break. */
  let started = false;
  let afterBreak = false;
  const beforeWord = () => {
    if (pendingSpace >= 0 && started) sink.space(pendingSpace);
    pendingSpace = -1;
    started = true;
    afterBreak = false;
  };
  const flushWord = () => {
    if (!word.length) return;
    beforeWord();
    if (word.length === 1) sink.word(word[0]!.piece, word[0]!.text);
    else sink.mixedWord(word);
    word = [];
  };
  const forcedBreak = () => {
    sink.forcedBreak();
    started = true;
    afterBreak = true;
  };
  for (let pi = 0; pi < pieces.length; pi++) {
    const p = pieces[pi]!;
    if (p.brk) {
      flushWord();
      forcedBreak();
      pendingSpace = -1;
      continue;
    }
    const text = p.text;
    let i = 0;
    while (i < text.length) {
      const sp = text.indexOf(' ', i);
      const end = sp < 0 ? text.length : sp;
      if (end > i) {
        if (sp >= 0 && word.length === 0) {
          // Common case: a whole word in one piece.
          beforeWord();
          sink.word(pi, text.slice(i, end));
        } else word.push({ piece: pi, text: text.slice(i, end) });
      }
      if (sp < 0) break;
      // A space ends the word; runs of spaces collapse into one.
      if (word.length) {
        flushWord();
        pendingSpace = pi;
      } else if (started && pendingSpace < 0 && !afterBreak) pendingSpace = pi;
      i = sp + 1;
    }
  }
  flushWord();
  forcedBreak();
}
