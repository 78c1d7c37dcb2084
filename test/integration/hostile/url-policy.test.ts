// The one URL policy, and the library schema and markdown parser that use it: hostile schemes refused, real addresses kept.
import { describe, expect, it } from 'vitest';
import { Fact, PinnedFact } from '../../../shared/model/library.js';
import { isAllowedUrl, MAX_URL_LENGTH } from '../../../shared/model/url-policy.js';
import { parseMarkdown } from '../../../shared/markdown/setup.js';

const HOSTILE = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' https://leading-space.example',
  '\u0001https://control.example',
  'https://tab\t.example',
  'file:///etc/passwd',
  'smb://host/share',
  'data:text/html,<script>x</script>',
  'ms-msdt:/id PCWDiagnostic',
  'vbscript:msgbox',
  'https://',
  `https://long.example/${'a'.repeat(MAX_URL_LENGTH)}`,
  '//no-scheme.example',
];

describe('URL policy', () => {
  it('sources are http(s) only; body links add mailto', () => {
    for (const url of ['https://example.org/report', 'HTTP://example.org', 'https://user@example.org:8443/a?b#c']) {
      expect(isAllowedUrl(url, 'source'), url).toBe(true);
      expect(isAllowedUrl(url, 'body'), url).toBe(true);
    }
    expect(isAllowedUrl('mailto:desk@example.org', 'body')).toBe(true);
    expect(isAllowedUrl('mailto:desk@example.org', 'source')).toBe(false);
    expect(isAllowedUrl('mailto:', 'body')).toBe(false);
    for (const url of HOSTILE) {
      expect(isAllowedUrl(url, 'source'), JSON.stringify(url)).toBe(false);
      expect(isAllowedUrl(url, 'body'), JSON.stringify(url)).toBe(false);
    }
  });

  it("the library's Fact schema refuses a hostile source URL that zod's .url() would take; a brief's pin keeps it", () => {
    const fact = (url: string) => ({ id: 'f', statement: 'S.', asOf: '2025-01-01', review: { maxAgeDays: 30 }, source: { title: 'T', publisher: 'P', date: '2025-01-01', url } });
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'ms-msdt:x']) {
      const result = Fact.safeParse(fact(url));
      expect(result.success, url).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['source.url', 'only http:// and https:// addresses may be a source']]);
      expect(PinnedFact.safeParse(fact(url)).success, url).toBe(true);
    }
    expect(Fact.safeParse(fact('https://example.org')).success).toBe(true);
  });

  it('markdown-it makes no link token for a refused target, and says which targets it refused', () => {
    const { tokens, refusedLinks } = parseMarkdown('[a](javascript:alert(1)) [b](https://ok.example) <smb://h/s> ![c](file:///x)\n\n[r]: ms-msdt:y\n');
    const hrefs = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'));
    expect(hrefs).toEqual(['https://ok.example']);
    // The image rule and then the link rule both try `![c](...)`; compose's warnings are one per distinct message.
    expect([...new Set(refusedLinks)].sort()).toEqual(['file:///x', 'javascript:alert(1)', 'ms-msdt:y', 'smb://h/s']);
    // Outside a parse nothing is collected (the sink is reset).
    expect(parseMarkdown('plain', true).refusedLinks).toEqual([]);
  });
});
