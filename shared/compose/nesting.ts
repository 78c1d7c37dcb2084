// Refuses a section whose Markdown reaches markdown-it's nesting cap, where the parser would silently drop the rest.
import type { Token } from 'markdown-it';
import { DocumentRefusedError } from '../errors.js';
import { MAX_MARKDOWN_NESTING } from '../markdown/setup.js';

/**
 * A container opened one level below the cap has its content cut off by markdown-it (it stops parsing there),
 * so reaching that level is refused with the line it starts at, instead of losing text from the PDF.
 */
export function checkNesting(tokens: readonly Token[], sectionKey: string): void {
  for (const t of tokens) {
    if (t.nesting === 1 && t.level >= MAX_MARKDOWN_NESTING - 1) {
      const line = t.map ? ` at line ${t.map[0] + 1} of its text` : '';
      throw new DocumentRefusedError(
        `section "${sectionKey}": lists or quotes nest too deep${line} (past ${MAX_MARKDOWN_NESTING} levels, counting each list and each item) — flatten them`,
      );
    }
  }
}
