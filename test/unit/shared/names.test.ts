// The name tables cover what the bundled library defines and uses: every country and technology with the name its
// YAML gives, and every topic word its facts and sections carry.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES, COUNTRY_OPTIONS, countryName, KNOWN_TOPIC_TAGS, TECHNOLOGY_NAMES, TECHNOLOGY_OPTIONS, technologyName, TOPIC_TAG_OPTIONS, topicTagName } from '../../../shared/model/names.js';
import { Id } from '../../../shared/model/library.js';

const root = path.resolve(import.meta.dirname, '../../../assets/library');
const read = (file: string) => yaml.load(fs.readFileSync(path.join(root, file), 'utf8')) as { id: string; name: string }[];
type Tagged = { tags?: { technologies?: string[]; countries?: string[]; topics?: string[] } };

function taggedItems(): Tagged[] {
  const items: Tagged[] = [];
  for (const f of fs.readdirSync(path.join(root, 'facts'))) items.push(...(yaml.load(fs.readFileSync(path.join(root, 'facts', f), 'utf8')) as Tagged[]));
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.md')) items.push(yaml.load(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(p, 'utf8'))![1]!) as Tagged);
    }
  };
  walk(path.join(root, 'sections'));
  return items;
}

describe('name tables', () => {
  it('every country and technology of the bundled library, with its name', () => {
    expect(COUNTRY_NAMES).toEqual(Object.fromEntries(read('countries.yaml').map((c) => [c.id, c.name])));
    expect(TECHNOLOGY_NAMES).toEqual(Object.fromEntries(read('technologies.yaml').map((t) => [t.id, t.name])));
    expect(countryName('jp')).toBe('Japan');
    expect(technologyName('ai')).toBe('Artificial intelligence');
  });

  it('every tag the bundled facts and sections use has a name', () => {
    const items = taggedItems();
    expect(items.length).toBeGreaterThan(100);
    for (const item of items) {
      for (const c of item.tags?.countries ?? []) expect(COUNTRY_NAMES, c).toHaveProperty(c);
      for (const t of item.tags?.technologies ?? []) expect(TECHNOLOGY_NAMES, t).toHaveProperty(t);
      for (const t of item.tags?.topics ?? []) expect(KNOWN_TOPIC_TAGS, t).toContain(t);
    }
  });

  it('the stored values are ids the library accepts; the options are in name order', () => {
    for (const o of [...COUNTRY_OPTIONS, ...TECHNOLOGY_OPTIONS]) expect(Id.safeParse(o.value).success).toBe(true);
    expect(COUNTRY_OPTIONS.map((o) => o.name)).toEqual([...COUNTRY_OPTIONS.map((o) => o.name)].sort((a, b) => a.localeCompare(b, 'en')));
    expect(TOPIC_TAG_OPTIONS).toHaveLength(KNOWN_TOPIC_TAGS.length);
  });

  it('topic words read as words, acronyms in capitals; an unknown id is shown as it is', () => {
    expect(topicTagName('supply-chains')).toBe('Supply chains');
    expect(topicTagName('open-ran')).toBe('Open RAN');
    expect(topicTagName('chips-act')).toBe('CHIPS Act');
    expect(topicTagName('g7')).toBe('G7');
    expect(topicTagName('asia-pacific')).toBe('Asia Pacific');
    expect(topicTagName('')).toBe('');
    expect(countryName('japan')).toBe('japan');
    expect(countryName('constructor')).toBe('constructor');
    expect(technologyName('__proto__')).toBe('__proto__');
  });
});
