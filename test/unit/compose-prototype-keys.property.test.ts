// Property: every id-keyed lookup of compose (facts, pins, variables, sections, technologies, countries, forums, marking profiles and levels) is safe for Object.prototype's member names and random ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compose } from '../../shared/compose/index.js';
import { Brief, BRIEF_FORMAT, BRIEF_VERSION } from '../../shared/model/brief.js';
import type { Block, ComposedDoc, Inline } from '../../shared/model/composed-doc.js';
import { emptyLibrary, type Fact, type Library } from '../../shared/model/library.js';
import { blockLines } from '../../shared/markings/block.js';
import { parseMarking } from '../../shared/markings/marking.js';
import { withProfiles } from '../support/marking-profiles.js';
import { layoutDocument } from '../../main/pdf/index.js';

const TODAY = new Date('2026-11-25T00:00:00Z');
/** constructor, __proto__, toString, hasOwnProperty, __defineGetter__, ... (whatever this Node has). */
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
/** Names a {{fact:...}} or {{var:...}} reference can carry (the Markdown rule's character class). */
const anyId = fc.oneof(fc.constantFrom(...PROTO_NAMES), fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/));

function fact(id: string): Fact {
  return {
    id,
    statement: `Statement of ${id}.`,
    asOf: '2026-01-01',
    review: { by: '2030-01-01' },
    source: { title: `Source ${id}`, publisher: 'Pub', date: '2026-01-01', url: `https://example.org/${id}` },
    tags: { technologies: [], countries: [], topics: [] },
  };
}

/** A library that knows exactly one id of each kind, "known" (plus a technology table that uses them). */
function library(): Library {
  const l = emptyLibrary();
  l.facts.set('known', fact('known'));
  l.technologies.set('known', { id: 'known', name: 'Known tech', priority: 'core' });
  l.countries.set('known', { id: 'known', name: 'Knownland', candidate: false, forums: [], strengths: ['known'], facts: [] });
  return l;
}

function brief(body: string, extra: { sectionId?: string; marking?: string; sectionMarking?: string; variables?: Record<string, string> } = {}): Brief {
  const marking = extra.sectionMarking ? { marking: extra.sectionMarking } : {};
  const parsed = Brief.parse({
    format: BRIEF_FORMAT,
    version: BRIEF_VERSION,
    meta: { title: 'T', template: 'issue-brief', date: '2026-11-25', marking: extra.marking ?? 'none' },
    sections: [{ kind: 'detached', id: 'd1', title: 'Detached', body, ...marking }],
    variables: extra.variables ?? {},
  });
  // A linked section id is any string here (the schema would refuse "__proto__" before compose sees it).
  if (extra.sectionId === undefined) return parsed;
  return { ...parsed, sections: [{ kind: 'linked', sectionId: extra.sectionId, revision: 1, title: 'Linked', body, style: 'normal', ...marking }] };
}

const inlineText = (inl: Inline[]) => inl.map((i) => (i.kind === 'text' || i.kind === 'placeholder' ? i.text : '')).join('');
function bodyText(doc: ComposedDoc): string {
  const walk = (blocks: Block[]): string =>
    blocks
      .map((b) => (b.kind === 'paragraph' ? inlineText(b.inlines) : b.kind === 'table' ? b.rows.flat().map(inlineText).join(' ') : ''))
      .filter((t) => t !== '')
      .join('\n');
  return doc.sections.map((s) => walk(s.blocks)).join('\n');
}

describe('id-keyed lookups in compose are safe for any string', () => {
  it('an unknown fact id (fact, value, cite) is a missing-fact warning and a placeholder, never a throw', () => {
    fc.assert(
      fc.property(anyId, fc.constantFrom('fact', 'value', 'cite'), (id, kind) => {
        fc.pre(id !== 'known');
        const doc = compose(brief(`Before {{${kind}:${id}}} after.`), library(), { today: TODAY });
        expect(doc.warnings.filter((w) => w.code === 'missing-fact').map((w) => w.factId)).toEqual([id]);
        expect(bodyText(doc)).toContain(`[missing fact: ${id}]`);
        expect(doc.notes).toEqual([]);
      }),
      { numRuns: 300, examples: PROTO_NAMES.map((n) => [n, 'fact'] as [string, string]) },
    );
  });

  it('a fact pinned under a prototype name is found by that name', () => {
    for (const id of PROTO_NAMES) {
      const b = brief(`See {{fact:${id}}}`);
      // Set as an own property: a literal `{ __proto__: ... }` would set the prototype instead.
      const pins: Record<string, Fact> = {};
      Object.defineProperty(pins, id, { value: fact(id), enumerable: true, writable: true, configurable: true });
      const doc = compose({ ...b, pins }, library(), { today: TODAY });
      expect(bodyText(doc)).toBe(`See Statement of ${id}.`);
      expect(doc.notes.map((n) => n.factIds)).toEqual([[id]]);
      expect(doc.warnings).toEqual([]);
    }
  });

  it('an unknown variable is an unknown-variable warning and a [name] placeholder, never Object.prototype text', () => {
    fc.assert(
      fc.property(anyId, (name) => {
        fc.pre(name !== 'other');
        const doc = compose(brief(`Value: {{var:${name}}}.`, { variables: { other: 'x' } }), library(), { today: TODAY });
        expect(doc.warnings.map((w) => [w.code, w.variable])).toEqual([['unknown-variable', name]]);
        expect(bodyText(doc)).toBe(`Value: [${name}].`);
      }),
      { numRuns: 300, examples: PROTO_NAMES.map((n) => [n] as [string]) },
    );
  });

  it('a variable named like a prototype member is substituted when the brief sets it', () => {
    for (const name of PROTO_NAMES.filter((n) => n !== '__proto__')) {
      const doc = compose(brief(`Value: {{var:${name}}}.`, { variables: { [name]: 'set' } }), library(), { today: TODAY });
      expect(bodyText(doc)).toBe('Value: set.');
      expect(doc.warnings).toEqual([]);
    }
  });

  it('linked section ids, marking profiles and section markings named like prototype members are unknown, with an error', () => {
    const profiles = withProfiles(library()).markingProfiles;
    const us = profiles.get('us-classified')!;
    fc.assert(
      fc.property(anyId, (id) => {
        // Real profile ids and level or control names ("uk", "U", "S", "NF", ...) are known, not unknown.
        fc.pre(!profiles.has(id) && id !== 'none' && !parseMarking(us, id).ok);
        const linked = compose(brief('Text.', { sectionId: id }), library(), { today: TODAY });
        expect(bodyText(linked)).toBe('Text.');
        const profile = compose(brief('Text.', { marking: id }), withProfiles(library()), { today: TODAY });
        expect(profile.warnings.map((w) => [w.code, w.severity])).toEqual([['unknown-marking', 'error']]);
        expect(profile.warnings[0]!.message).toContain(`marking profile "${id}", which no library provides`);
        expect(profile.marking.banner).toBe('');
        const level = compose(brief('Text.', { marking: 'us-classified', sectionMarking: id }), withProfiles(library()), { today: TODAY });
        expect(level.warnings.map((w) => w.code)).toContain('unknown-marking');
        expect(level.marking.banner).toBe('UNCLASSIFIED');
        expect(JSON.stringify(level)).not.toContain('[object');
      }),
      { numRuns: 200, examples: PROTO_NAMES.map((n) => [n] as [string]) },
    );
    expect(profiles.has('constructor')).toBe(false);
  });

  it('a technology table naming a prototype member (or a country in an unknown forum) is a bad-table warning or a plain row', () => {
    fc.assert(
      fc.property(anyId, (id) => {
        const table = (tech: string) => '```briefing-table\nquery: technology-partners\ntechnology: ' + tech + '\n' + id + ': x\n```\n';
        const doc = compose(brief(table(id)), library(), { today: TODAY });
        expect(doc.warnings.map((w) => w.code)).toEqual(id.toLowerCase() === 'known' ? [] : ['bad-table']);
        // A country whose forum id is a prototype name: the id itself is shown, not a function's source.
        const l = library();
        l.countries.get('known')!.forums = [id];
        const row = compose(brief(table('known')), l, { today: TODAY });
        expect(bodyText(row)).toContain(`Knownland Partner ${id}`);
      }),
      { numRuns: 200, examples: PROTO_NAMES.map((n) => [n] as [string]) },
    );
  });

  it('block fields named like prototype members are never filled from Object.prototype', () => {
    const us = withProfiles(library()).markingProfiles.get('us-classified')!;
    const secret = parseMarking(us, 'S');
    if (!secret.ok) throw new Error(secret.message);
    for (const name of PROTO_NAMES) {
      const lines = blockLines(us, secret.marking, { [name]: 'x' });
      expect(lines).toEqual(['Classified By: [not set]', 'Derived From: [not set]', 'Declassify On: [not set]']);
    }
  });

  it('the layout refuses a template id named like a prototype member as unknown', () => {
    const doc = compose(brief('Text.'), library(), { today: TODAY });
    for (const name of PROTO_NAMES) {
      expect(() => layoutDocument({ ...doc, template: name as ComposedDoc['template'] })).toThrow(`unknown template "${name}"`);
    }
  });
});
