// "Still true" reviews through the channels on real temp folders: written to the personal library's reviews.yaml,
// reloaded by a second app, applied in compose (the stale warning goes), removable; a corrupt file is a
// line-numbered problem and is never overwritten.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../shared/model/brief.js';
import { startApp, TEST_TODAY } from '../../support/services.js';
import { useApp } from '../../support/hooks.js';

const app = useApp();
const call: ReturnType<typeof app>['call'] = (method, ...args) => app().call(method, ...args);
const reviewsFile = () => path.join(app().userDataDir, 'library', 'reviews.yaml');
const TODAY = TEST_TODAY.toISOString().slice(0, 10);

/** A brief citing one fact in its own text. */
async function briefCiting(factId: string): Promise<Brief> {
  const brief = await call('assembleBrief', { title: 'Review test', template: 'issue-brief', date: TODAY, sectionIds: [] });
  return { ...brief, sections: [{ kind: 'detached', id: 'own', title: 'Own', body: `The figure: {{fact:${factId}}}.\n`, style: 'normal' }] };
}

async function staleFactId(): Promise<string> {
  const stale = (await call('listFacts')).filter((f) => f.stale && f.source?.kind === 'bundled');
  expect(stale.length).toBeGreaterThan(10);
  return stale[0]!.fact.id;
}

const staleWarnings = async (brief: Brief) => (await call('composeBrief', brief)).warnings.filter((w) => w.code === 'stale-fact');

describe('fact reviews', () => {
  it('records a review in reviews.yaml: the warning goes, the fact lists the override, a second app reads it back', async () => {
    const id = await staleFactId();
    const brief = await briefCiting(id);
    expect(await staleWarnings(brief)).toHaveLength(1);
    const before = (await call('listFacts')).find((f) => f.fact.id === id)!;

    expect(await call('reviewFact', { fact: id, reviewedOn: TODAY, note: 'Checked against the 2026 report.' })).toEqual({ ok: true });
    const text = await readFile(reviewsFile(), 'utf8');
    expect(text).toContain(`fact: ${id}`);
    expect(text).toContain(`reviewedOn: "${TODAY}"`);
    expect(await staleWarnings(brief)).toEqual([]);

    const after = (await call('listFacts')).find((f) => f.fact.id === id)!;
    expect(after.stale).toBe(false);
    expect(after.review).toEqual({ reviewedOn: TODAY, note: 'Checked against the 2026 report.', ownDue: before.reviewDue });
    expect(after.reviewDue > TODAY).toBe(true);
    // The bundled fact itself is unchanged: the review is an override beside it, not a copy.
    expect(after.fact).toEqual(before.fact);
    expect(await call('listFactReviews')).toEqual([{ factId: id, reviewedOn: TODAY, note: 'Checked against the 2026 report.', statement: before.fact.statement, ownDue: before.reviewDue }]);

    const second = await startApp({ userDataDir: app().userDataDir });
    try {
      expect((await second.call('composeBrief', brief)).warnings.filter((w) => w.code === 'stale-fact')).toEqual([]);
      expect((await second.call('listLibraries')).libraries.find((l) => l.kind === 'personal')?.problemCount).toBe(0);
    } finally {
      await second.close();
    }

    expect(await call('removeFactReview', id)).toEqual({ removed: true });
    expect(await staleWarnings(brief)).toHaveLength(1);
    expect(await call('listFactReviews')).toEqual([]);
    expect(await call('removeFactReview', id)).toEqual({ removed: false });
  });

  it('refuses a review dated after today or not a day, as field errors, writing nothing', async () => {
    const id = await staleFactId();
    expect(await call('reviewFact', { fact: id, reviewedOn: '2999-01-01' })).toMatchObject({ ok: false, errors: [{ field: 'reviewedOn' }] });
    expect(await call('reviewFact', { fact: id, reviewedOn: '2026-11' })).toMatchObject({ ok: false, errors: [{ field: 'reviewedOn' }] });
    await expect(readFile(reviewsFile())).rejects.toThrow();
  });

  it('keeps a second review of the same fact as one entry (replaced), with comments written by hand', async () => {
    const id = await staleFactId();
    await writeFile(reviewsFile(), `# my own reviews\n- fact: ${id}\n  reviewedOn: "2026-01-02"\n`);
    await call('reloadLibraries');
    expect(await call('reviewFact', { fact: id, reviewedOn: TODAY })).toEqual({ ok: true });
    const text = await readFile(reviewsFile(), 'utf8');
    expect(text).toContain('# my own reviews');
    expect(text.match(/fact: /g)).toHaveLength(1);
    expect(text).toContain(TODAY);
  });

  it('reports a corrupt reviews file with its line, keeps the warning, and never overwrites the file', async () => {
    const id = await staleFactId();
    const corrupt = `- fact: ${id}\n  reviewedOn: "2026-11-01"\n- fact: Bad Id\n  reviewedOn: "2026-11-31"\n`;
    await writeFile(reviewsFile(), corrupt);
    const overview = await call('reloadLibraries');
    const personal = overview.libraries.find((l) => l.kind === 'personal')!;
    expect(personal.problemCount).toBe(2);
    expect(personal.problems[0]).toMatch(/^reviews\.yaml:3: review #2: /);
    expect(personal.problems[1]).toMatch(/^reviews\.yaml:4: review #2: /);
    // The valid review is still applied.
    expect(await staleWarnings(await briefCiting(id))).toEqual([]);

    await expect(call('reviewFact', { fact: id, reviewedOn: TODAY })).rejects.toThrow(/reviews\.yaml:3 has a problem .* it is not overwritten/);
    await expect(call('removeFactReview', id)).rejects.toThrow(/not overwritten/);
    expect(await readFile(reviewsFile(), 'utf8')).toBe(corrupt);

    await writeFile(reviewsFile(), `- fact: ${id}\n  reviewedOn: [unclosed\n`);
    const broken = (await call('reloadLibraries')).libraries.find((l) => l.kind === 'personal')!;
    expect(broken.problems[0]).toMatch(/^reviews\.yaml:\d+: YAML syntax error/);
    expect(await staleWarnings(await briefCiting(id))).toHaveLength(1);
  });
});
