// A glyph first met inside a composite (the period of an ellipsis) still maps to its character in later documents' text.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ComposedDoc } from '../../../shared/model/composed-doc.js';
import { findAssetsDir, renderPdf } from '../../../main/pdf/index.js';
import { sampleIssueBrief } from '../../fixtures/pdf/sample-doc.js';
import { allText, openPdf } from './read-pdf.js';

const root = mkdtempSync(path.join(tmpdir(), 'glyph-code-points-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The sample brief with one bold sentence put in front of its first paragraph. */
function withBold(text: string): ComposedDoc {
  const doc = structuredClone(sampleIssueBrief());
  const para = doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'paragraph');
  if (para?.kind !== 'paragraph') throw new Error('fixture has no paragraph');
  para.inlines = [{ kind: 'text', text, bold: true }, { kind: 'text', text: ' ' }, ...para.inlines];
  return doc;
}

describe('glyph code points across documents', () => {
  it('keeps a bold period in the text layer after a document whose bold ellipsis put the period glyph in a subset first', async () => {
    // A font folder of its own: fonts (and fontkit's glyph objects) are per folder and process.
    const fontsDir = path.join(root, 'fonts');
    cpSync(findAssetsDir(), fontsDir, { recursive: true });
    await renderPdf(withBold('Wait for it…'), { fontsDir });
    const later = await renderPdf(withBold('Concentrate on four technologies.'), { fontsDir });
    const text = (await allText(await openPdf(Buffer.from(later.bytes)))).join('\n');
    expect(text).toContain('Concentrate on four technologies.');
  });
});
