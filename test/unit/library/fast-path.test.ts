// The loader's fast path (js-yaml, no lines) must read every file as the line-tracking yaml parse does, and fall back on any doubt.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { Fact } from '../../../shared/model/library.js';
import { splitFrontMatter } from '../../../main/services/library/front-matter.js';
import { parseListText, parseSectionText } from '../../../main/services/library/parse-files.js';
import { parseYaml } from '../../../main/services/library/yaml-source.js';

const ROOTS = ['../../fixtures/libraries/', '../../../assets/library/'].map((r) => fileURLToPath(new URL(r, import.meta.url)));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ya?ml|md)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('fast path', () => {
  it('js-yaml (CORE_SCHEMA) gives the same data as yaml for every fixture and bundled file that yaml reads cleanly', () => {
    const files = ROOTS.flatMap(filesUnder);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const yamlText = file.endsWith('.md') ? splitFrontMatter(text)?.yaml : text;
      if (yamlText === undefined) continue;
      const slow = parseYaml(yamlText);
      if (slow.errors.length > 0) continue;
      expect({ file, value: load(yamlText, { schema: CORE_SCHEMA }) ?? null }).toEqual({ file, value: slow.value ?? null });
    }
  });

  it('reads YAML 1.2 scalars the way the slow path does: dates and yes/no stay text', () => {
    const text = '- id: a\n  statement: yes\n  asOf: 2024-06-01\n  value: 0o17\n  review: {maxAgeDays: 90}\n  source: {title: T, publisher: P, date: 2024-01-01, url: "https://example.org"}\n';
    const { parsed, src } = parseListText(text, 'facts', Fact, false);
    expect(src).toBeUndefined();
    expect(parsed.items[0]!.value).toMatchObject({ statement: 'yes', asOf: '2024-06-01', value: 15 });
    expect(parsed.items[0]!.value).toEqual(Fact.parse((parseYaml(text).value as unknown[])[0]));
  });

  it('a file js-yaml rejects takes the slow path: a duplicate key, an empty file', () => {
    const dup = parseListText('- id: a\n  id: b\n', 'facts', Fact, false);
    expect(dup.src).toBeDefined();
    expect(dup.parsed.problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('YAML syntax error') });
    expect(parseListText('# nothing yet\n', 'facts', Fact, false).parsed).toEqual({ items: [], problems: [], invalidIds: [] });
  });

  it('a valid section has no syntax tree; an invalid one has its problems at the front-matter line', () => {
    const ok = parseSectionText('---\nid: s\ntitle: T\ntopic: data\nrevision: 1\n---\nBody\n');
    expect(ok.src).toBeUndefined();
    expect(ok.parsed).toMatchObject({ bodyLine: 7, problems: [], section: { id: 's', body: 'Body\n', tags: { technologies: [] } } });
    const bad = parseSectionText('---\nid: s\ntitle: T\ntopic: data\nrevision: 0\n---\nBody\n');
    expect(bad.parsed.problems.map((p) => p.line)).toEqual([5]);
  });
});
