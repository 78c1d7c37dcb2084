// main/docx on a hand-made composed document: nested numbering, link schemes, rich table cells, repeated notes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../main/docx/index.js';
import type { ComposedDoc, Inline } from '../../../shared/model/composed-doc.js';
import { useTempDir } from '../../support/hooks.js';
import { all, part, readDocx, textOf } from './docx-parts.js';

const dir = useTempDir('briefing-docx-writer-');
const t = (text: string, extra: Partial<Extract<Inline, { kind: 'text' }>> = {}): Inline => ({ kind: 'text', text, ...extra });
const para = (...inlines: Inline[]) => ({ kind: 'paragraph' as const, inlines });

const DOC: ComposedDoc = {
  template: 'one-pager',
  paper: 'a4',
  language: 'en-GB',
  meta: { title: 'Hand-made', authors: ['A. Author'], date: 'May 4, 2021', keywords: ['k1', 'k2'] },
  marking: { profile: 'us-classified', profileName: 'US classification', overall: 'U', banner: 'UNCLASSIFIED', firstPageBlock: [], draft: false },
  sections: [
    {
      key: 's1',
      title: 'Part',
      blocks: [
        { kind: 'heading', level: 1, id: 'part-one', inlines: [t('Part one')] },
        para(t('Safe '), t('site', { href: 'https://example.org/a?b=1&c=2' }), t(' mail ', {}), t('us', { href: 'mailto:desk@example.org' }), t(' bad ', {}), t('script', { href: 'javascript:alert(1)' }), t(' file', { href: 'file:///etc/passwd' }), { kind: 'note', n: 1 }),
        { kind: 'list', ordered: false, items: [[para(t('one')), { kind: 'list', ordered: true, items: [[para(t('two')), { kind: 'list', ordered: false, items: [[para(t('three'))]] }]] }]] },
        { kind: 'table', header: [[t('Name', { italic: true })], [t('Link')]], rows: [[[t('bold', { bold: true })], [t('x', { href: 'https://example.org/x' }), { kind: 'note', n: 1 }]]], caption: 'Table 1' },
        para(t('Again'), { kind: 'note', n: 1 }, { kind: 'placeholder', text: '[missing fact: f]' }),
      ],
    },
  ],
  notes: [{ n: 1, text: 'Source, Publisher, 2021.', url: 'https://example.org/source' }],
  warnings: [],
};

describe('renderDocx', () => {
  it('nests list levels in real numbering, keeps only http(s)/mailto links, rich cells, one endnote for a repeated note', async () => {
    const out = path.join(dir(), 'hand.docx');
    await fs.writeFile(out, (await renderDocx(DOC)).bytes);
    const d = await readDocx(out);
    const body = part(d, 'word/document.xml');
    expect(all(body, /<w:ilvl w:val="(\d)"\/><w:numId w:val="[1-9]\d*"\/>/)).toEqual(['0', '1', '2']);
    const rels = part(d, 'word/_rels/document.xml.rels');
    const links = all(rels, /Type="[^"]*\/hyperlink" Target="([^"]+)"/).map((l) => l.replace(/&amp;/g, '&'));
    expect(links.sort()).toEqual(['https://example.org/a?b=1&c=2', 'https://example.org/x', 'mailto:desk@example.org']);
    // The refused links stay as text, so nothing of the sentence is lost.
    expect(textOf(body)).toContain('script file');
    const table = body.slice(body.indexOf('<w:tbl>'), body.indexOf('</w:tbl>'));
    expect(table).toContain('<w:tblHeader/>');
    expect(table).toMatch(/<w:i\/>.*Name/s);
    expect(table).toMatch(/<w:b\/>.*bold/s);
    expect(table).toContain('<w:hyperlink');
    expect(all(body, /<w:endnoteReference w:id="(\d+)"/)).toEqual(['1']);
    expect(all(body, /NOTEREF (_RefNote\d+)/)).toEqual(['_RefNote1', '_RefNote1']);
    expect(body).toContain('<w:highlight w:val="yellow"/>');
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(part(d, 'word/styles.xml')).toMatch(/<w:lang w:val="en-GB"/);
    expect(textOf(Object.entries(d.xml).filter(([n]) => n.startsWith('word/header')).map(([, x]) => x).join(''))).toContain('UNCLASSIFIED');
  });
});
