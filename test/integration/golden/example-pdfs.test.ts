// Behaviour lock: the SHA-256 of each bundled example's PDF (fixed date, fixed PDF ids) must not change by accident.
// A refactor keeps these bytes; an intended change of output updates golden.json and says why in the commit.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compose } from '../../../shared/compose/index.js';
import { renderPdf } from '../../../main/pdf/index.js';
import { readBriefFile } from '../../../main/services/documents/brief-file.js';
import { LibraryService } from '../../../main/services/library-service.js';
import { bundledLibraryDir, fontsDir } from '../../../main/services/app-paths.js';

const EXAMPLES = ['t12-issue-brief', 'decision-memo', 'one-pager', 'classified-sample'] as const;
const TODAY = new Date('2026-11-25T00:00:00Z');
// The creation date feeds pdfkit's document id, so fixing it fixes the ids too.
const CREATION = new Date('2026-11-25T09:30:00Z');
const golden = JSON.parse(await readFile(fileURLToPath(new URL('./golden.json', import.meta.url)), 'utf8')) as Record<string, string>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function render(name: string, pdfa: boolean): Promise<Uint8Array> {
  const library = new LibraryService([{ dir: bundledLibraryDir(), kind: 'bundled', readOnly: true }]);
  await library.load();
  const brief = await readBriefFile(fileURLToPath(new URL(`../../../assets/examples/${name}.brief`, import.meta.url)));
  const doc = compose(brief, library.library(), { today: TODAY });
  return (await renderPdf(doc, { pdfa, creationDate: CREATION, fontsDir: fontsDir() })).bytes;
}

describe('example PDFs are byte-identical to the recorded ones', () => {
  for (const name of EXAMPLES) {
    for (const pdfa of [false, true]) {
      const key = `${name}${pdfa ? '.pdfa' : ''}.pdf`;
      it(key, async () => {
        const bytes = await render(name, pdfa);
        if (process.env.UPDATE_GOLDEN) console.log(`GOLDEN ${key} ${sha256(bytes)}`);
        expect(golden[key], `no recorded hash for ${key}`).toMatch(/^[0-9a-f]{64}$/);
        expect(sha256(bytes)).toBe(golden[key]);
      });
    }
  }
});
