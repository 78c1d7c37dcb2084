// Display names for the tag values a fact or section may carry: countries and technologies by id (the ids the
// bundled library defines in countries.yaml and technologies.yaml, which the loader checks tags against), and the
// topic words the bundled library uses. The stored value is always the id or word; these are only what people read.

/** Countries of the bundled library (assets/library/countries.yaml), id -> name. */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  au: 'Australia',
  ca: 'Canada',
  cl: 'Chile',
  fi: 'Finland',
  fr: 'France',
  de: 'Germany',
  in: 'India',
  il: 'Israel',
  it: 'Italy',
  jp: 'Japan',
  mx: 'Mexico',
  nl: 'Netherlands',
  nz: 'New Zealand',
  sg: 'Singapore',
  kr: 'South Korea',
  se: 'Sweden',
  tw: 'Taiwan',
  gb: 'United Kingdom',
  us: 'United States',
};

/** Technologies of the bundled library (assets/library/technologies.yaml), id -> name. */
export const TECHNOLOGY_NAMES: Readonly<Record<string, string>> = {
  'advanced-manufacturing': 'Advanced manufacturing',
  ai: 'Artificial intelligence',
  biotechnology: 'Biotechnology',
  'cloud-computing': 'Cloud computing',
  cybersecurity: 'Cybersecurity',
  drones: 'Drones',
  'energy-storage': 'Energy storage',
  fintech: 'Financial technology',
  iot: 'Internet of Things',
  quantum: 'Quantum computing',
  semiconductors: 'Semiconductors',
  telecommunications: 'Telecommunications',
};

/** The topic words the bundled library's facts and sections use (topics are free words; these are offered first). */
export const KNOWN_TOPIC_TAGS: readonly string[] = [
  '5g', '6g', 'adoption', 'alliances', 'apec', 'asean', 'asia-pacific', 'bilateral', 'biomanufacturing', 'capacity',
  'cfius', 'china', 'chips-act', 'climate', 'commercialisation', 'competitiveness', 'conclusion', 'congress',
  'connectivity', 'core', 'data', 'data-flows', 'data-governance', 'data-localization', 'data-quality', 'data-security',
  'data-sharing', 'data-volume', 'defense-industrial-base', 'definitions', 'depa', 'development-finance', 'dfft',
  'digital-infrastructure', 'drug-discovery', 'dual-use', 'education', 'encryption', 'ethics', 'eu', 'executive-order',
  'export-controls', 'financial-data', 'firrma', 'first-mover', 'framework', 'frameworks', 'funding', 'g20', 'g7',
  'gdpr', 'governance', 'gpai', 'human-rights', 'immigration', 'implementation', 'industrial-policy', 'industry-groups',
  'innovation', 'institutions', 'intellectual-property', 'interagency', 'interoperability', 'investment',
  'investment-screening', 'leaders', 'legislation', 'market-structure', 'membership', 'minilateral', 'nist', 'norms',
  'nsc', 'ntib', 'oecd', 'open-ran', 'pandemics', 'partners', 'payments', 'pharmaceuticals', 'plurilateralism',
  'pre-standardization', 'principles', 'priorities', 'privacy', 'privacy-shield', 'private-sector', 'protectionism',
  'quad', 'rankings', 'recommendations', 'research-collaboration', 'research-funding', 'resilience', 'risk-assessment',
  'sensitive-technologies', 'specialisation', 'speeches', 'standards', 'standards-bodies', 'state-department',
  'strategy', 'subsidies', 'summary', 'summits', 'supply-chains', 'surveillance', 't12', 'talent', 'techno-democracies',
  'technology-protection', 'technology-transfer', 'template', 'threat-perceptions', 'tpp', 'trade-agreements',
  'transatlantic', 'treasury', 'trl', 'ttc', 'usica', 'usmca', 'variable-geometry', 'working-groups',
];

/** Topic words read as a whole, not as "Xyz": acronyms and names. */
const TOPIC_WORDS: Readonly<Record<string, string>> = {
  '5g': '5G', '6g': '6G', apec: 'APEC', asean: 'ASEAN', cfius: 'CFIUS', chips: 'CHIPS', depa: 'DEPA', dfft: 'DFFT',
  eu: 'EU', firrma: 'FIRRMA', g20: 'G20', g7: 'G7', gdpr: 'GDPR', gpai: 'GPAI', nist: 'NIST', nsc: 'NSC', ntib: 'NTIB',
  oecd: 'OECD', ran: 'RAN', t12: 'T12', tpp: 'TPP', trl: 'TRL', ttc: 'TTC', usica: 'USICA', usmca: 'USMCA',
  china: 'China', asia: 'Asia', pacific: 'Pacific', congress: 'Congress', quad: 'Quad', act: 'Act',
};

const own = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** "Japan" for `jp`; an id the table does not know is shown as it is. */
export function countryName(id: string): string {
  return own(COUNTRY_NAMES, id) ?? id;
}

/** "Artificial intelligence" for `ai`; an id the table does not know is shown as it is. */
export function technologyName(id: string): string {
  return own(TECHNOLOGY_NAMES, id) ?? id;
}

/** "Supply chains" for `supply-chains`, "Open RAN" for `open-ran`, "CHIPS Act" for `chips-act`. */
export function topicTagName(tag: string): string {
  const words = tag.split(/[-_\s]+/).filter(Boolean);
  if (words.length === 0) return tag;
  return words
    .map((w, i) => {
      const fixed = own(TOPIC_WORDS, w.toLowerCase());
      if (fixed) return fixed;
      return i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w;
    })
    .join(' ');
}

export interface NamedValue {
  /** What is stored: the id or the word. */
  value: string;
  /** What people read. */
  name: string;
}

const byName = (a: NamedValue, b: NamedValue) => a.name.localeCompare(b.name, 'en');

/** Every known country, by name. */
export const COUNTRY_OPTIONS: readonly NamedValue[] = Object.entries(COUNTRY_NAMES)
  .map(([value, name]) => ({ value, name }))
  .sort(byName);

/** Every known technology, by name. */
export const TECHNOLOGY_OPTIONS: readonly NamedValue[] = Object.entries(TECHNOLOGY_NAMES)
  .map(([value, name]) => ({ value, name }))
  .sort(byName);

/** The bundled library's topic words, by name. */
export const TOPIC_TAG_OPTIONS: readonly NamedValue[] = KNOWN_TOPIC_TAGS.map((value) => ({ value, name: topicTagName(value) })).sort(byName);
