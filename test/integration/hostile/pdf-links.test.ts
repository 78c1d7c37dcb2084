// A hostile library and a hostile brief exported through the `briefing export` command: every /URI left in the PDF is http(s) or mailto.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/run.js';
import { BRIEF_FORMAT, BRIEF_VERSION } from '../../../shared/model/brief.js';
import { recorder } from '../../support/cli.js';
import { useTempDir } from '../../support/hooks.js';
import { readPdfText } from '../../support/read-pdf.js';
import { factYaml } from './hostile-libraries.js';
import { pdfUris } from './pdf-uris.js';

const dir = useTempDir('bb-hostile-pdf-', 'all');

/** Schemes a viewer may act on: run script, open a local or network file, start a Windows troubleshooter. */
const HOSTILE_URLS = ['javascript:alert(1)', 'file:///etc/passwd', 'smb://attacker.example/share', 'data:text/html,<b>x</b>', 'ms-msdt:/id PCWDiagnostic'];

const HOSTILE_BODY = [
  'Fine: [web](https://example.org/ok) and [mail](mailto:desk@example.org).',
  'Hostile: [script](javascript:alert(1)), [file](file:///etc/passwd), [share](smb://attacker.example/share),',
  '[data](data:text/html,hello), <ms-msdt:/id>, [ref][r] and ![img](file:///etc/hostname).',
  '',
  '[r]: vbscript:msgbox',
  '',
].join('\n');

async function hostileLibrary(root: string): Promise<string> {
  const lib = path.join(root, 'hostile-team');
  await mkdir(path.join(lib, 'facts'), { recursive: true });
  await mkdir(path.join(lib, 'sections'), { recursive: true });
  await writeFile(path.join(lib, 'library.yaml'), 'id: hostile-team\nname: Hostile team\nversion: "1"\n');
  await writeFile(path.join(lib, 'facts', 'good.yaml'), factYaml('good-fact'));
  await writeFile(path.join(lib, 'facts', 'bad.yaml'), HOSTILE_URLS.map((u, i) => factYaml(`bad-${i}`, u)).join(''));
  const cites = HOSTILE_URLS.map((_u, i) => `{{cite:bad-${i}}}`).join(' ');
  await writeFile(path.join(lib, 'sections', 'links.md'), `---\nid: hostile-links\ntitle: Links\ntopic: context\nrevision: 1\n---\n${HOSTILE_BODY}\nCited {{fact:good-fact}} and ${cites}.\n`);
  return lib;
}

function hostileBrief(sectionBody: string): unknown {
  const pins = Object.fromEntries(
    HOSTILE_URLS.map((url, i) => [
      `pin-${i}`,
      { id: `pin-${i}`, statement: `Pinned figure ${i}.`, asOf: '2025-01-01', review: { maxAgeDays: 3650 }, source: { title: 'Report', publisher: 'Example', date: '2025-01-01', url }, tags: { technologies: [], countries: [], topics: [] } },
    ]),
  );
  return {
    format: BRIEF_FORMAT,
    version: BRIEF_VERSION,
    meta: { title: 'Hostile brief', template: 'issue-brief', date: '2026-11-01', authors: ['Tester'] },
    sections: [
      { kind: 'linked', sectionId: 'hostile-links', revision: 1, title: 'Links', body: sectionBody },
      { kind: 'detached', id: 'own', title: 'Pinned [title link](smb://x/y)', body: `${HOSTILE_BODY}\nPinned: ${HOSTILE_URLS.map((_u, i) => `{{fact:pin-${i}}}`).join(' ')}.\n` },
    ],
    variables: {},
    pins,
  };
}

describe('links in exported PDFs', () => {
  let pdf = '';
  let stderr = '';
  let check: { code: number; out: string[] };

  beforeAll(async () => {
    process.env.BRIEFING_TODAY = '2026-11-25';
    const lib = await hostileLibrary(dir());
    const sectionBody = (await readFile(path.join(lib, 'sections', 'links.md'), 'utf8')).split('---\n')[2]!;
    const briefFile = path.join(dir(), 'hostile.brief');
    await writeFile(briefFile, JSON.stringify(hostileBrief(sectionBody), null, 2));
    pdf = path.join(dir(), 'hostile.pdf');
    const io = recorder();
    const code = await main(['export', briefFile, '--out', pdf, '--library', lib], io);
    expect(code, io.err.join('\n')).toBe(0);
    stderr = io.err.join('\n');
    const checkIo = recorder();
    check = { code: await main(['check', '--library', lib], checkIo), out: checkIo.out };
  }, 120_000);

  it('only http(s) and mailto addresses are left as /URI, and the good ones are', () => {
    const found = pdfUris(pdf);
    expect(found.length).toBeGreaterThan(0);
    for (const u of found) expect(u, u).toMatch(/^(https?:\/\/|mailto:)/);
    expect(found).toEqual(expect.arrayContaining(['https://example.org/ok', 'mailto:desk@example.org', 'https://example.org/report']));
  });

  it('refused body links and pinned addresses stay readable as plain text, with a warning each', async () => {
    const text = (await readPdfText(pdf)).text.replace(/\s+/g, ' ');
    // The Markdown of a refused link is left as written (pdf.js may read a space in at a line break).
    expect(text).toMatch(/\[script\]\( ?javascript:alert\(1\)\)/);
    expect(text).toContain('[share](smb://attacker.example/share)');
    // Each pinned address is printed in its endnote as text.
    for (const url of HOSTILE_URLS) expect(text).toContain(`Report, Example, January 1, 2025. ${url}`);
    expect(stderr).toMatch(/the link to "javascript:alert\(1\)" is shown as plain text/);
    expect(stderr).toMatch(/the link to "vbscript:msgbox" is shown as plain text/);
    for (const [i, url] of HOSTILE_URLS.entries()) {
      expect(stderr).toContain(`the pinned fact "pin-${i}" has the source address ${JSON.stringify(url)}, printed as plain text`);
    }
  });

  it('briefing check reports every refused source URL with file and line', () => {
    expect(check.code).toBe(1);
    const bad = check.out.filter((l) => l.includes(`bad.yaml:`));
    expect(bad).toHaveLength(HOSTILE_URLS.length);
    HOSTILE_URLS.forEach((_u, i) => expect(bad[i]).toMatch(new RegExp(`bad\\.yaml:${i * 5 + 5}: fact "bad-${i}": source\\.url .*only http:// and https:// addresses may be a source`)));
  });
});
