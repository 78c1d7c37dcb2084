// Endnotes: one note per source (title, publisher, date, address), numbered by first use; "Ibid." straight after itself.
import { describe, expect, it } from 'vitest';
import { compose } from '../../shared/compose/index.js';
import { assembleBrief } from '../../shared/assemble.js';
import { emptyLibrary, type Fact, type Library, type Source } from '../../shared/model/library.js';
import type { Block, ComposedDoc, Inline } from '../../shared/model/composed-doc.js';
import type { Brief } from '../../shared/model/brief.js';
import { buildManifest } from '../../main/services/audit-manifest.js';
import { withProfiles } from '../support/marking-profiles.js';

const TODAY = new Date('2026-11-25T00:00:00Z');

const REPORT: Source = { title: 'Allied Report', publisher: 'Think Tank', date: '2021-04-30', url: 'https://example.org/report' };
const SPEECH: Source = { title: 'A Speech', publisher: 'The Office', date: '2021-04', url: 'https://example.org/speech' };

function fact(id: string, source: Source, extra: Partial<Fact> = {}): Fact {
  return {
    id,
    statement: `Statement ${id}.`,
    asOf: '2021-05-01',
    review: { by: '2030-01-01' },
    source,
    tags: { technologies: [], countries: [], topics: [] },
    ...extra,
  };
}

function library(): Library {
  const l = withProfiles(emptyLibrary());
  l.facts.set('r1', fact('r1', REPORT, { asOf: '2021-03-01' }));
  l.facts.set('r2', fact('r2', REPORT, { asOf: '2021-04-15' }));
  l.facts.set('r3', fact('r3', REPORT));
  l.facts.set('s1', fact('s1', SPEECH));
  // The same title, publisher and address, revised: another date is another edition.
  l.facts.set('r-rev', fact('r-rev', { ...REPORT, date: '2022-01-10' }));
  l.facts.set('r-secret', fact('r-secret', REPORT, { marking: 'S' }));
  l.facts.set('r-secret-2', fact('r-secret-2', REPORT, { marking: 'S' }));
  return l;
}

/** A brief of one detached section; `marking` gives it the us-classified profile and that section marking. */
function briefWith(body: string, l: Library, marking?: string): Brief {
  const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: [], ...(marking ? { meta: { marking: 'us-classified' } } : {}) }, l);
  brief.sections.push({ kind: 'detached', id: 'd', title: 'Notes', body, ...(marking ? { marking } : {}), style: 'normal' });
  return brief;
}

const inlineText = (inl: Inline[]) => inl.map((i) => (i.kind === 'text' || i.kind === 'placeholder' ? i.text : i.kind === 'note' ? `[${i.n}]` : '')).join('');
const bodyText = (doc: ComposedDoc) =>
  doc.sections[0]!.blocks
    .filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph')
    .map((b) => inlineText(b.inlines))
    .join('\n');
const list = (doc: ComposedDoc) => doc.notes.map((n) => `${n.n}. ${n.portion ? `${n.portion} ` : ''}${n.text}${n.url ? ` ${n.url}` : ''}`);

describe('endnotes: one note per source', () => {
  it('two facts from the same source share one note, and both citations carry its number', () => {
    const l = library();
    const doc = compose(briefWith('First {{fact:r1}} then {{fact:s1}} then {{fact:r2}}.', l), l, { today: TODAY });
    expect(bodyText(doc)).toBe('First Statement r1.[1] then Statement s1.[2] then Statement r2.[1].');
    expect(list(doc)).toEqual(['1. Allied Report, Think Tank, April 30, 2021. https://example.org/report', '2. A Speech, The Office, April 2021. https://example.org/speech']);
    // The note names the source only: the facts' own as-of dates (March 1, April 15) are in neither note.
    expect(doc.notes[0]!.factIds).toEqual(['r1', 'r2']);
    expect(doc.notes[1]!.factIds).toEqual(['s1']);
  });

  it('facts from different sources get a note each, numbered by first use', () => {
    const l = library();
    const doc = compose(briefWith('{{cite:s1}} and {{cite:r1}}.', l), l, { today: TODAY });
    expect(bodyText(doc)).toBe('[1] and [2].');
    expect(doc.notes.map((n) => [n.n, n.factIds, n.url])).toEqual([
      [1, ['s1'], 'https://example.org/speech'],
      [2, ['r1'], 'https://example.org/report'],
    ]);
  });

  it('consecutive citations of one source repeat its number, so the list never needs Ibid. for them', () => {
    const l = library();
    const doc = compose(briefWith('{{fact:r1}} {{fact:r2}} {{value:r3}}\n\n{{cite:r1}} {{cite:s1}} {{cite:r3}}', l), l, { today: TODAY });
    expect(bodyText(doc)).toBe('Statement r1.[1] Statement r2.[1] [no value: r3][1]\n[1] [2] [1]');
    expect(doc.notes).toHaveLength(2);
    expect(doc.notes.map((n) => n.text)).not.toContain('Ibid.');
    expect(doc.notes[0]!.factIds).toEqual(['r1', 'r2', 'r3']);
  });

  it('a source with another date at the same address is another edition: its own note, written in full', () => {
    const l = library();
    const doc = compose(briefWith('{{cite:r1}} {{cite:r-rev}}', l), l, { today: TODAY });
    expect(bodyText(doc)).toBe('[1] [2]');
    expect(list(doc)).toEqual([
      '1. Allied Report, Think Tank, April 30, 2021. https://example.org/report',
      '2. Allied Report, Think Tank, January 10, 2022. https://example.org/report',
    ]);
  });

  it('a note whose source repeats the note straight before it (another portion mark) is written "Ibid." under its own mark', () => {
    const l = library();
    const doc = compose(briefWith('{{cite:r1}} {{cite:r-secret}} {{cite:r-secret-2}} {{cite:r2}}', l, 'S'), l, { today: TODAY });
    // The unclassified and the secret facts from one source cannot share a note marked once.
    expect(bodyText(doc)).toBe('[1] [2] [2] [1]');
    expect(list(doc)).toEqual(['1. (U) Allied Report, Think Tank, April 30, 2021. https://example.org/report', '2. (S) Ibid.']);
    expect(doc.notes.map((n) => n.factIds)).toEqual([['r1', 'r2'], ['r-secret', 'r-secret-2']]);
  });

  it('the same source after a note of another source is written in full again, never "Ibid."', () => {
    const l = library();
    const doc = compose(briefWith('{{cite:r1}} {{cite:s1}} {{cite:r-secret}}', l, 'S'), l, { today: TODAY });
    expect(list(doc)).toEqual([
      '1. (U) Allied Report, Think Tank, April 30, 2021. https://example.org/report',
      '2. (U) A Speech, The Office, April 2021. https://example.org/speech',
      '3. (S) Allied Report, Think Tank, April 30, 2021. https://example.org/report',
    ]);
  });

  it('a releasable copy numbers only what it holds: the note it keeps is written in full', () => {
    const l = library();
    const brief = briefWith('(S) Secret {{cite:r-secret}}.\n\nOpen {{cite:r1}}.', l, 'U');
    const full = compose(brief, l, { today: TODAY });
    expect(list(full)).toEqual(['1. (S) Allied Report, Think Tank, April 30, 2021. https://example.org/report', '2. (U) Ibid.']);
    const copy = compose(brief, l, { today: TODAY, release: { level: 'U' } });
    expect(list(copy)).toEqual(['1. (U) Allied Report, Think Tank, April 30, 2021. https://example.org/report']);
  });

  it('the audit manifest still names every fact a shared note stands for', () => {
    const l = library();
    const brief = briefWith('{{fact:r1}} {{fact:s1}} {{fact:r2}}', l);
    const doc = compose(brief, l, { today: TODAY });
    const manifest = buildManifest(doc, brief, { file: 'x.brief', sha256: '0'.repeat(64), hashOf: 'document' }, { name: 'Briefing Builder', version: '0' }, l);
    expect(manifest.facts.map((f) => f.id)).toEqual(['r1', 'r2', 's1']);
  });
});
