// After an edit, a list file re-parses only its changed items: the result must be what a whole parse gives, for any edit.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Fact } from '../../../shared/model/library.js';
import { parseListText, type ParsedList } from '../../../main/services/library/parse-files.js';

const FACTS = readFileSync(fileURLToPath(new URL('../../../assets/library/facts/semiconductors.yaml', import.meta.url)), 'utf8');

const whole = (text: string) => parseListText(text, 'facts', Fact, false).parsed;
const after = (before: string, text: string) => parseListText(text, 'facts', Fact, false, whole(before) as ParsedList<Fact>).parsed;

/** The file's items as texts, to edit them one by one. */
const items = (text: string) => text.split(/^(?=- )/m);

describe('re-parsing only the changed items of a list file', () => {
  it('the bundled file is a block list with a hash per item', () => {
    const parsed = whole(FACTS);
    expect(parsed.items.length).toBeGreaterThan(3);
    expect(parsed.chunks).toHaveLength(parsed.items.length);
  });

  const head = items(FACTS)[0]!.startsWith('- ') ? '' : items(FACTS)[0]!;
  const body = items(FACTS).slice(head ? 1 : 0);
  const edits: Record<string, string> = {
    'one statement changed': FACTS.replace(/statement: (>-?\n\s+)?/, (m) => `${m}Edited. `),
    'an item removed': head + body.slice(1).join(''),
    'items reordered': head + [body[1], body[0], ...body.slice(2)].join(''),
    'an item added at the end': `${FACTS.trimEnd()}\n${body[0]!.replace(/^- id: (\S+)/, '- id: $1-copy')}`,
    'a comment added between items': head + [body[0], '# a comment\n', ...body.slice(1)].join(''),
    'an item made invalid': FACTS.replace(/asOf: "?[0-9-]+"?/, 'asOf: "not a date"'),
    'a syntax error': FACTS.replace(/statement: /, 'statement: [unclosed '),
    'a quoted scalar running over a line that starts with "- "': FACTS.replace(/statement: (>-?\n\s+)?/, 'statement: "two\n- lines" \n  note: '),
    'CRLF line ends': FACTS.replace(/\n/g, '\r\n'),
    'a document marker': `---\n${FACTS}`,
    'a duplicate id': head + [body[0], body[0], ...body.slice(1)].join(''),
    'everything removed': '',
    'only a comment left': '# nothing yet\n',
  };
  for (const [name, text] of Object.entries(edits)) {
    it(`${name}: the same items, problems and lines as a whole parse`, () => {
      expect(text).not.toBe(FACTS);
      expect(after(FACTS, text)).toEqual(whole(text));
    });
  }

  it('keeps the values of unchanged items (they are not parsed again)', () => {
    const before = whole(FACTS) as ParsedList<Fact>;
    const edited = parseListText(edits['one statement changed']!, 'facts', Fact, false, before).parsed;
    expect(edited.items[0]!.value).not.toBe(before.items[0]!.value);
    expect(edited.items.slice(1).every((item, i) => item.value === before.items[i + 1]!.value)).toBe(true);
  });
});
