// A real library folder whose fact, section, country, forum and technology are all called "constructor" loads, searches and composes like any other id.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compose } from '../../../shared/compose/index.js';
import { assembleBrief } from '../../../shared/assemble.js';
import type { Block, Inline } from '../../../shared/model/composed-doc.js';
import { loadLibrary } from '../../../main/services/library/load.js';
import { tempDir } from '../../support/temp.js';

const TODAY = new Date('2026-11-25T00:00:00Z');
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir('bb-proto-ids-');
  cleanup = t.cleanup;
  dir = path.join(t.dir, 'lib');
  await mkdir(path.join(dir, 'facts'), { recursive: true });
  await mkdir(path.join(dir, 'sections'), { recursive: true });
  await writeFile(path.join(dir, 'library.yaml'), 'id: proto-lib\nname: Prototype names\nversion: "1"\n');
  // "constructor" is the one Object.prototype member the id pattern (lowercase, digits, hyphens) admits.
  await writeFile(
    path.join(dir, 'facts/constructor.yaml'),
    [
      '- id: constructor',
      '  statement: The constructor fact is a plain fact.',
      '  asOf: 2026-01-01',
      '  review:',
      '    by: 2030-01-01',
      '  source:',
      '    title: Source',
      '    publisher: Pub',
      '    date: 2026-01-01',
      '    url: https://example.org/c',
      '  tags:',
      '    technologies: [constructor]',
      '    countries: [constructor]',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(dir, 'technologies.yaml'), '- id: constructor\n  name: Constructor tech\n  priority: core\n');
  await writeFile(path.join(dir, 'countries.yaml'), '- id: constructor\n  name: Constructia\n  forums: [constructor]\n  strengths: [constructor]\n  facts: [constructor]\n');
  await writeFile(
    path.join(dir, 'forums.yaml'),
    '- id: constructor\n  name: Constructor Forum\n  kind: forum\n  members: [constructor]\n  technologies: [constructor]\n  description: A forum.\n  facts: [constructor]\n',
  );
  await writeFile(
    path.join(dir, 'sections/constructor.md'),
    '---\nid: constructor\ntitle: Constructor section\ntopic: context\nrevision: 1\ntags:\n  technologies: [constructor]\n---\n' +
      'Says {{fact:constructor}} and {{cite:tostring}}.\n\n```briefing-table\nquery: technology-partners\ntechnology: constructor\n```\n',
  );
});
afterEach(() => cleanup());

const inlineText = (inl: Inline[]) => inl.map((i) => (i.kind === 'text' || i.kind === 'placeholder' ? i.text : i.kind === 'note' ? `[${i.n}]` : '')).join('');

describe('a library keyed by "constructor"', () => {
  it('loads every item by that id and composes the section, its fact, its table and its unknown citation', async () => {
    const { library, problems } = await loadLibrary(dir);
    // The only problem is the deliberate unknown citation; nothing is mistaken for Object.prototype.constructor.
    expect(problems.map((p) => p.message).join('\n')).toContain('tostring');
    expect(problems).toHaveLength(1);
    for (const map of [library.facts, library.sections, library.countries, library.forums, library.technologies]) {
      expect([...map.keys()]).toEqual(['constructor']);
    }
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['constructor'] }, library);
    expect(Object.keys(brief.pins)).toEqual(['constructor']);
    const doc = compose(brief, library, { today: TODAY });
    const blocks: Block[] = doc.sections[0]!.blocks;
    const para = blocks.find((b) => b.kind === 'paragraph');
    expect(para && para.kind === 'paragraph' ? inlineText(para.inlines) : '').toBe('Says The constructor fact is a plain fact.[1] and [missing fact: tostring].');
    const table = blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' ? table.rows.map((r) => r.map(inlineText)) : []).toEqual([['Constructia', 'Partner', 'Constructor Forum']]);
    expect(doc.warnings.map((w) => [w.code, w.factId])).toEqual([['missing-fact', 'tostring']]);
    expect(doc.meta.keywords).toEqual(['Constructor tech']);
  });
});
