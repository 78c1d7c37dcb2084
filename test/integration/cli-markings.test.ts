// The `briefing` markings contract: new --profile/--section ID:MARKING/--field, export's gate (exit 3), --draft and --release, on real files.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/run.js';
import { recorder } from '../support/cli.js';
import { useTempDir } from '../support/hooks.js';
import { readPdfText } from '../support/read-pdf.js';

const dir = useTempDir('briefing-cli-markings-', 'all');
const FIELDS = ['--field', 'classifiedBy=J. Roe, Director, Office of Exercises', '--field', 'derivedFrom=Multiple Sources', '--field', 'declassifyOn=20361231'];

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = recorder();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

const brief = (name: string) => path.join(dir(), name);
const exists = (file: string) => fs.stat(file).then(() => true, () => false);
const readJson = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as { meta: { marking: string; markingFields?: Record<string, string> }; sections: { sectionId?: string; marking?: string }[] };

beforeAll(() => {
  process.env.BRIEFING_TODAY = '2026-12-02';
});

describe('briefing new with markings', () => {
  it('writes the profile, each section marking in canonical portion text, and the block fields', async () => {
    const r = await cli(
      'new', '--template', 'issue-brief', '--title', 'Marked', '--profile', 'us-classified',
      '--section', 'priorities-ai:S//REL TO GBR, USA', '--section', 'context-china-challenge:secret//noforn', '--section', 'data-cross-border-flows:U',
      ...FIELDS, '--out', brief('marked.brief'),
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const b = await readJson(brief('marked.brief'));
    expect(b.meta.marking).toBe('us-classified');
    expect(b.meta.markingFields).toEqual({ classifiedBy: 'J. Roe, Director, Office of Exercises', derivedFrom: 'Multiple Sources', declassifyOn: '20361231' });
    expect(b.sections.map((s) => s.marking)).toEqual(['S//REL TO USA, GBR', 'S//NF', 'U']);
  });

  it('refuses an unknown marking on --section with one line naming the section, and writes nothing', async () => {
    const out = brief('bad-marking.brief');
    const r = await cli('new', '--template', 'issue-brief', '--title', 'Bad', '--profile', 'us-classified', '--section', 'priorities-ai:S//XX', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/--section priorities-ai: the marking "S\/\/XX" is not valid: "XX" is not a control/);
    expect(await exists(out)).toBe(false);
  });

  it('refuses a field the profile does not define, and a field value not in its form', async () => {
    const unknown = await cli('new', '--template', 'issue-brief', '--title', 'F', '--profile', 'us-classified', '--section', 'priorities-ai:U', '--field', 'author=X', '--out', brief('f1.brief'));
    expect(unknown.code).toBe(1);
    expect(unknown.err[0]).toContain('classifiedBy, derivedFrom, declassifyOn');
    const badDate = await cli('new', '--template', 'issue-brief', '--title', 'F', '--profile', 'us-classified', '--section', 'priorities-ai:U', '--field', 'declassifyOn=2036-12-31', '--out', brief('f2.brief'));
    expect(badDate.code).toBe(1);
    expect(badDate.err[0]).toMatch(/declassifyOn: "Declassify On" reads "2036-12-31", which is not in the expected form — a date written YYYYMMDD/);
  });

  it('refuses an unknown profile as a usage error listing the profiles', async () => {
    const r = await cli('new', '--template', 'issue-brief', '--title', 'P', '--profile', 'bogus', '--section', 'priorities-ai', '--out', brief('p.brief'));
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/--profile must be one of none, .*us-classified.*; got "bogus"/);
  });
});

describe('the marked examples', () => {
  const example = (name: string) => path.resolve(import.meta.dirname, '../../assets/examples', name);

  it('the decision memo is marked CUI with CUI and U portions and exports without a marking error', async () => {
    const out = brief('decision-memo.pdf');
    const r = await cli('export', example('decision-memo.brief'), '--out', out);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/, CUI\)$/);
    const text = await readPdfText(out);
    expect(text.text).toContain('(CUI)');
    expect(text.text).toContain('(U)');
    expect(text.pages[0]).toContain('Controlled by: Office of Technology Policy');
  });

  it('the classified sample mixes U, C, S//NF and S//REL TO portions, reads SECRET//NOFORN, and says it is for illustration only', async () => {
    const out = brief('classified-sample.pdf');
    const r = await cli('export', example('classified-sample.brief'), '--out', out);
    expect(r.code).toBe(0);
    const text = await readPdfText(out);
    for (const mark of ['(U)', '(C)', '(S//NF)', '(S//REL TO USA, GBR)']) expect(text.text).toContain(mark);
    for (const page of text.pages) expect(page).toContain('SECRET//NOFORN');
    expect(text.pages[0]).toContain('for illustration only');
    expect(text.pages[0]).toContain('Declassify On: 20361231');
  });
});

describe('briefing list profiles', () => {
  it('lists the four bundled profiles with their levels and block fields', async () => {
    const r = await cli('list', 'profiles', '--json');
    expect(r.code).toBe(0);
    const profiles = JSON.parse(r.out.join('\n')) as { id: string; levels: { portion: string }[]; block?: { fields: { name: string }[] } }[];
    expect(profiles.map((p) => p.id).sort()).toEqual(['nato', 'uk', 'us-classified', 'us-cui']);
    const us = profiles.find((p) => p.id === 'us-classified')!;
    expect(us.levels.map((l) => l.portion)).toEqual(['U', 'C', 'S', 'TS']);
    expect(us.block!.fields.map((f) => f.name)).toEqual(['classifiedBy', 'derivedFrom', 'declassifyOn']);
  });
});

describe('briefing export gate', () => {
  it('blocks an export with marking errors: exit 3, one line per error, no file, an existing file untouched', async () => {
    await cli('new', '--template', 'issue-brief', '--title', 'Gate', '--profile', 'us-classified', '--section', 'priorities-ai:S', '--section', 'context-china-challenge', '--out', brief('gate.brief'));
    const out = brief('gate.pdf');
    await fs.writeFile(out, '%PDF-1.7 an earlier export');
    const r = await cli('export', brief('gate.brief'), '--out', out);
    expect(r.code).toBe(3);
    const lines = r.err.filter((l) => l.includes('marking error:'));
    // The unmarked section and the three unfilled authority fields, each on its own line.
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => /section "The China challenge" has no marking/.test(l))).toBe(true);
    expect(lines.filter((l) => /is not filled in/.test(l))).toHaveLength(3);
    expect(r.err.at(-1)).toMatch(/4 marking error\(s\): nothing written .* --draft/);
    expect(await fs.readFile(out, 'utf8')).toBe('%PDF-1.7 an earlier export');
  });

  it('--draft exports anyway, with DRAFT — MARKINGS INCOMPLETE in the banner of every page', async () => {
    const out = brief('draft.pdf');
    const r = await cli('export', brief('gate.brief'), '--out', out, '--draft');
    expect(r.code).toBe(0);
    const text = await readPdfText(out);
    expect(text.pages.length).toBeGreaterThan(1);
    for (const page of text.pages) expect(page).toContain('DRAFT — MARKINGS INCOMPLETE · SECRET');
  });

  it('an unknown marking in a brief file exits 1, naming the section, even with --draft', async () => {
    const file = brief('unknown.brief');
    const b = JSON.parse(await fs.readFile(brief('marked.brief'), 'utf8')) as { sections: { marking?: string }[] };
    b.sections[1]!.marking = 'SECRET//SHINY';
    await fs.writeFile(file, JSON.stringify(b, null, 2));
    for (const extra of [[], ['--draft']]) {
      const r = await cli('export', file, '--out', brief('unknown.pdf'), ...extra);
      expect(r.code).toBe(1);
      expect(r.err.find((l) => l.includes('marking error:'))).toMatch(/section "The China challenge" is marked "SECRET\/\/SHINY": "SHINY" is not a control/);
      expect(await exists(brief('unknown.pdf'))).toBe(false);
    }
  });

  it('--release S --rel-to GBR leaves out the NOFORN section and says how many portions it left out', async () => {
    const out = brief('rel.pdf');
    const r = await cli('export', brief('marked.brief'), '--out', out, '--release', 'S', '--rel-to', 'GBR');
    expect(r.err.filter((l) => l.includes('marking error'))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/SECRET\/\/REL TO USA, GBR, releasable copy, 1 portion\(s\) left out/);
    const text = (await readPdfText(out)).pages.join('\n');
    expect(text).not.toContain('The China challenge');
    expect(text).toContain('Cross-border data flows');
  });

  it('refuses a release level the profile does not have, and --rel-to without --release', async () => {
    const bad = await cli('export', brief('marked.brief'), '--out', brief('x.pdf'), '--release', 'ULTRA');
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toMatch(/"ULTRA" is not a level of the US classification profile — use one of U, C, S, TS/);
    const usage = await cli('export', brief('marked.brief'), '--out', brief('x.pdf'), '--rel-to', 'GBR');
    expect(usage.code).toBe(2);
    expect(await exists(brief('x.pdf'))).toBe(false);
  });
});
