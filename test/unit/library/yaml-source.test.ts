// parseYaml: values, syntax errors at the right line, and line lookups for present and missing paths.
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../main/services/library/front-matter.js';
import { parseYaml } from '../../../main/services/library/yaml-source.js';

const FACTS = `# comment line
- id: first
  source:
    title: A report
    url: https://example.org
  tags: {technologies: [ai, quantum]}
- id: second
  statement: >-
    Folded text
    over two lines.
`;

describe('parseYaml', () => {
  const src = parseYaml(FACTS);

  it('gives the plain value', () => {
    expect(src.errors).toEqual([]);
    expect(src.value).toEqual([
      { id: 'first', source: { title: 'A report', url: 'https://example.org' }, tags: { technologies: ['ai', 'quantum'] } },
      { id: 'second', statement: 'Folded text over two lines.' },
    ]);
  });

  it('finds the line of nested values, block and flow style', () => {
    expect(src.lineAt([0])).toBe(2);
    expect(src.lineAt([0, 'source', 'url'])).toBe(5);
    expect(src.lineAt([0, 'tags', 'technologies', 1])).toBe(6);
    expect(src.lineAt([1, 'statement'])).toBe(8);
  });

  it('a missing key points at its nearest existing parent key', () => {
    expect(src.lineAt([0, 'source', 'publisher'])).toBe(3);
    expect(src.lineAt([1, 'review', 'by'])).toBe(7);
    expect(src.lineAt([5, 'id'])).toBe(2);
  });

  it('offsets lines when the YAML starts further down a file', () => {
    expect(parseYaml('id: x\ntitle: y\n', 2).lineAt(['title'])).toBe(3);
  });

  it('reports syntax errors on one line, with the line', () => {
    const bad = parseYaml('- id: a\n  title: x: y\n');
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]!.line).toBe(2);
    expect(bad.errors[0]!.message).not.toContain('\n');
  });

  it('an unclosed quote is reported where it opens, not at the end of the file', () => {
    const bad = parseYaml('- id: a\n  title: "never closed\n  url: x\n- id: b\n  title: fine\n');
    expect(bad.errors).toEqual([{ line: 2, message: 'a quoted text opened here is never closed' }]);
  });

  it('duplicate keys are errors', () => {
    expect(parseYaml('id: a\nid: b\n').errors[0]).toMatchObject({ line: 2 });
  });
});

describe('splitFrontMatter', () => {
  it('splits YAML and body and counts lines', () => {
    expect(splitFrontMatter('---\nid: a\ntitle: b\n---\nBody\n')).toEqual({ yaml: 'id: a\ntitle: b\n', yamlLine: 2, body: 'Body\n', bodyLine: 5 });
  });
  it('accepts CRLF line ends and a byte-order mark', () => {
    expect(splitFrontMatter('\uFEFF---\r\nid: a\r\n---\r\nBody')).toMatchObject({ yaml: 'id: a\r\n', body: 'Body', bodyLine: 4 });
  });
  it('empty front matter and a body-less file', () => {
    expect(splitFrontMatter('---\n---\n')).toEqual({ yaml: '', yamlLine: 2, body: '', bodyLine: 3 });
  });
  it('a --- inside the body is body text', () => {
    expect(splitFrontMatter('---\nid: a\n---\nText\n---\nMore\n')?.body).toBe('Text\n---\nMore\n');
  });
  it('no opening or no closing fence', () => {
    expect(splitFrontMatter('# Title\n')).toBeUndefined();
    expect(splitFrontMatter('---\nid: a\n')).toBeUndefined();
  });
});
