// The most text one brief may compose to, counted as compose goes, so an oversized brief is refused before the expensive steps.
import { DocumentRefusedError } from '../errors.js';

/**
 * Characters one composed document may hold: about 500 pages of dense body text, far past any real brief
 * (the longest example is ~60 thousand). Past it, layout and writing stop being a matter of seconds; a 15 MB
 * section or a megabyte of variable references that each expand to a long value is refused here instead.
 */
export const MAX_COMPOSED_CHARS = 2_000_000;

const FIX = 'shorten it or split the brief into several';

/** Counts the text a compose run takes in (raw section text before parsing, then every expansion). */
export class TextBudget {
  private spent = 0;

  /** Adds `chars` for `place` ("the title", `section "key"`) and refuses as soon as the total passes the cap. */
  spend(chars: number, place: string): void {
    this.spent += chars;
    if (this.spent > MAX_COMPOSED_CHARS) {
      throw new DocumentRefusedError(
        `${place}: the brief's text passes ${MAX_COMPOSED_CHARS.toLocaleString('en-US')} characters (about 500 pages), the most one document may hold — ${FIX}`,
      );
    }
  }
}
