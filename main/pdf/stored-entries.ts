// One section of the persistent engine cache kept as its stored text: keys indexed on first lookup, each value parsed only when asked for.

/*
 * A cold export parsed the whole engine cache file (2.7 MB of JSON for the shipped one) into objects, most of which
 * it never looked at, and the young heap had to copy the rest while it lived: about a tenth of a cold process went
 * to that parse and to the garbage collection it caused. A section here is a stretch of lines
 *
 *   <key>\t<value as JSON>\n
 *
 * where <key> is `r` and the key itself (printable ASCII, so no tab or newline) or `j` and the key as a JSON string.
 * The whole file is ASCII (saving escapes every other character as \uXXXX inside JSON strings), so it is read as one
 * latin1 string, a plain copy, and offsets in it are offsets in the file. Nothing of a section is looked at until its
 * first lookup; then its keys are indexed (one pass, no value parsed), and a value is parsed when it is asked for.
 */

/** A value as the persistent cache stored it (JSON text), handed back unparsed when a save keeps it as it was. */
export class StoredJson {
  constructor(readonly text: string) {}
}

/** Entries handed to a memo by the persistent cache: taken by key (then parsed), the rest handed back as stored. */
export interface Seeded<V> {
  readonly size: number;
  /** The value for key, removed from the seed (the memo keeps it from then on). */
  take(key: string): V | undefined;
  /** What was never taken, in stored order. */
  rest(): [string, V | StoredJson][];
  clear(): void;
}

export class StoredEntries<V> implements Seeded<V> {
  /** Key -> offset of its value in `text` (the value ends at the next newline). */
  private index: Map<string, number> | undefined;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    /** Lines in the section (from the file's header), the size before the keys are indexed. */
    private readonly count: number,
    /** Turns parsed JSON into the value (a paragraph's notes hold a Set, stored as an array). */
    private readonly revive: (json: unknown) => V = (json) => json as V,
  ) {}

  get size(): number {
    return this.index ? this.index.size : this.count;
  }

  /** The value for key, parsed, left in place (the writer reads a stored run without keeping it). */
  peek(key: string): V | undefined {
    const at = this.keys().get(key);
    return at === undefined ? undefined : this.revive(JSON.parse(this.text.slice(at, this.text.indexOf('\n', at))));
  }

  take(key: string): V | undefined {
    const index = this.keys();
    const at = index.get(key);
    if (at === undefined) return undefined;
    index.delete(key);
    return this.revive(JSON.parse(this.text.slice(at, this.text.indexOf('\n', at))));
  }

  rest(): [string, StoredJson][] {
    const out: [string, StoredJson][] = [];
    for (const [key, at] of this.keys()) out.push([key, new StoredJson(this.text.slice(at, this.text.indexOf('\n', at)))]);
    return out;
  }

  clear(): void {
    this.index = new Map();
  }

  private keys(): Map<string, number> {
    if (this.index) return this.index;
    const index = new Map<string, number>();
    const { text, end } = this;
    let pos = this.start;
    while (pos < end) {
      const tab = text.indexOf('\t', pos);
      const nl = text.indexOf('\n', tab);
      // A file cut short or damaged is refused by its checksum before any section is made.
      if (tab < 0 || nl < 0 || nl >= end) throw new Error('internal error: engine cache section is not whole');
      const key = text.charCodeAt(pos) === 0x72 /* r */ ? text.slice(pos + 1, tab) : (JSON.parse(text.slice(pos + 1, tab)) as string);
      index.set(key, tab + 1);
      pos = nl + 1;
    }
    return (this.index = index);
  }
}

/** In-memory entries as a seed (tests, and a caller that has values rather than a file). */
export class SeededValues<V> implements Seeded<V> {
  private readonly map: Map<string, V>;
  constructor(entries: Iterable<[string, V]>) {
    this.map = new Map(entries);
  }
  get size(): number {
    return this.map.size;
  }
  take(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) this.map.delete(key);
    return v;
  }
  rest(): [string, V][] {
    return [...this.map];
  }
  clear(): void {
    this.map.clear();
  }
}

// Every character outside printable ASCII: such a key is stored as JSON.
const NOT_PRINTABLE = /[^\x20-\x7e]/;
const NON_ASCII = /[\u0080-\uffff]/g;
const escapeNonAscii = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON of a value with every non-ASCII character escaped (valid JSON: they only occur inside strings). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NON_ASCII, escapeNonAscii);
}

/** One stored line: key field, tab, the value's JSON (as stored, or made now), newline. */
export function storedLine(key: string, value: string): string {
  return `${NOT_PRINTABLE.test(key) ? `j${asciiJson(key)}` : `r${key}`}\t${value}\n`;
}
