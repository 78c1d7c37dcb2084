// The PDF writer's own gate: a ComposedDoc that carries refused links (bypassing compose) gets no annotation for them.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../main/pdf/index.js';
import type { Inline } from '../../../shared/model/composed-doc.js';
import { sampleIssueBrief } from '../../fixtures/pdf/sample-doc.js';
import { useTempDir } from '../../support/hooks.js';
import { readPdfText } from '../../support/read-pdf.js';
import { pdfUris } from './pdf-uris.js';

const dir = useTempDir('bb-hostile-writer-');
const REFUSED = ['javascript:app.alert(1)', 'file:///etc/passwd', 'smb://host/share', ' https://leading.space.example', 'ms-msdt:x'];

describe('link annotations in the PDF writer', () => {
  it('writes /URI only for allowed addresses; refused ones stay as text', { timeout: 60_000 }, async () => {
    const doc = sampleIssueBrief();
    const link = (url: string): Inline[] => [{ kind: 'text', text: `site ${url} ` , href: url }];
    const inlines = [...link('https://example.org/fine'), ...link('mailto:desk@example.org'), ...REFUSED.flatMap(link)];
    doc.sections = [{ key: 's', title: 'S', blocks: [{ kind: 'paragraph', inlines }] }];
    doc.notes = [{ n: 1, text: 'A note.', url: 'smb://notes.example/x' }];
    const pdf = path.join(dir(), 'writer.pdf');
    await writeFile(pdf, (await renderPdf(doc, { creationDate: new Date('2021-05-04T12:00:00Z') })).bytes);
    expect(pdfUris(pdf).sort()).toEqual(['https://example.org/fine', 'mailto:desk@example.org']);
    expect((await readPdfText(pdf)).text).toContain('site javascript:app.alert(1)');
  });
});
