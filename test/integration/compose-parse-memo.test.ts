// Every example brief composes to the same ComposedDoc with the Markdown parse memo cold, warm and frozen.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compose, type ComposeOptions } from '../../shared/compose/index.js';
import { clearMarkdownMemo, parseMarkdown } from '../../shared/markdown/setup.js';
import type { Library } from '../../shared/model/library.js';
import { readBriefFile } from '../../main/services/documents/brief-file.js';
import { LibraryService } from '../../main/services/library-service.js';
import { bundledLibraryDir, examplesDir } from '../../main/services/app-paths.js';
import { freezeTokens } from '../support/freeze-tokens.js';

const TODAY = new Date('2026-11-25T00:00:00Z');
const examples = (await readdir(examplesDir())).filter((f) => f.endsWith('.brief')).sort();

let library: Library;
beforeAll(async () => {
  const service = new LibraryService([{ dir: bundledLibraryDir(), kind: 'bundled', readOnly: true }]);
  await service.load();
  library = service.library();
});
beforeEach(() => clearMarkdownMemo());

/** The ordinary copy, the preview's draft, and a releasable copy (which leaves portions out before reading them). */
const VARIANTS: [string, ComposeOptions][] = [
  ['copy', { today: TODAY }],
  ['draft', { today: TODAY, draft: true }],
  ['release U', { today: TODAY, release: { level: 'U' } }],
];

describe('compose with the parse memo cold and warm', () => {
  it('finds the examples', () => expect(examples.length).toBeGreaterThanOrEqual(4));

  for (const file of examples) {
    it(file, async () => {
      const brief = await readBriefFile(path.join(examplesDir(), file));
      for (const [name, options] of VARIANTS) {
        clearMarkdownMemo();
        const cold = compose(brief, library, options);
        // (A brief with no marking profile has nothing releasable: its releasable copy is empty.)
        if (!options.release) expect(cold.sections.length, name).toBeGreaterThan(0);
        const warm = compose(brief, library, options);
        expect(warm, name).toEqual(cold);
        // The same, composing from parses frozen deep: a write to a memoized token throws.
        clearMarkdownMemo();
        for (const s of brief.sections) {
          freezeTokens(parseMarkdown(s.body).tokens);
          freezeTokens(parseMarkdown(s.title, true).tokens);
        }
        expect(compose(brief, library, options), name).toEqual(cold);
        expect(compose(brief, library, options), name).toEqual(cold);
      }
    });
  }
});
