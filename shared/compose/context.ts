// State carried through one compose run: fact lookup (pins first), endnote numbering, variables, warnings.
import type { Brief } from '../model/brief.js';
import type { ComposeWarning, Note } from '../model/composed-doc.js';
import type { Fact, Library } from '../model/library.js';
import { isStale, isoDay, reviewDue } from '../staleness.js';
import type { RefKind } from '../markdown/setup.js';
import { TextBudget } from './budget.js';
import { sourceNote } from './links.js';
import type { PortionMarker } from './portions.js';

export class ComposeContext {
  readonly warnings: ComposeWarning[] = [];
  readonly notes: Note[] = [];
  /** Fact id -> its note number: a fact cites the same source under the same mark every time in one run. */
  private readonly noteByFact = new Map<string, number>();
  /** Source key (see `noteKey`) -> its number and fact list, so a later fact from the same source joins it. */
  private readonly noteBySource = new Map<string, { n: number; factIds: string[] }>();
  /** The full citation (text and address) the last note in the list printed, for the Ibid. rule. */
  private lastCitation: string | undefined;
  private readonly warned = new Set<string>();
  /**
   * Facts found so far in this run, by id. A fact is cited many times; its lookup and staleness check (and the
   * stale warning, which names no section, so a repeat adds nothing) give the same answer every time in one run.
   */
  private readonly found = new Map<string, Fact>();
  /** Key of the section being composed, for warnings. */
  sectionKey = '';
  /** Text taken in so far; refuses a brief that would compose to more than any document should hold. */
  readonly budget = new TextBudget();
  /** Variable defaults declared by the current section's library entry (a Map: any name is safe, even "constructor"). */
  sectionDefaults: ReadonlyMap<string, string> = new Map();
  /** Portion markings: set by compose before any section is read. */
  marks!: PortionMarker;

  constructor(
    readonly brief: Brief,
    readonly library: Library,
    readonly today: Date,
  ) {}

  warn(w: ComposeWarning): void {
    const full = { ...w, sectionKey: w.sectionKey ?? this.sectionKey };
    const key = `${full.code}|${full.sectionKey}|${full.factId ?? ''}|${full.variable ?? ''}|${full.message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push(full);
  }

  /** The brief's pinned snapshot wins, so a brief renders the same whatever the library holds now. */
  fact(id: string): Fact | undefined {
    const known = this.found.get(id);
    if (known) {
      this.marks.citeFact(known);
      return known;
    }
    // Own properties only: a plain object answers "constructor" or "toString" from Object.prototype.
    const fact = ownValue(this.brief.pins, id) ?? this.library.facts.get(id);
    if (!fact) {
      this.warn({ code: 'missing-fact', factId: id, message: `unknown fact "${id}": check the id or add the fact to a library` });
      return undefined;
    }
    // A dated review the user recorded (personal library) overrides the fact's own review date.
    const review = this.library.reviews?.get(id);
    if (isStale(fact, this.today, review)) {
      this.warn({
        code: 'stale-fact',
        factId: id,
        sectionKey: '',
        message: `fact "${id}" was due for review on ${isoDay(reviewDue(fact, review))}: check it is still true`,
      });
    }
    this.found.set(id, fact);
    this.marks.citeFact(fact);
    return fact;
  }

  variable(name: string): string | undefined {
    const value = ownValue(this.brief.variables, name) ?? this.sectionDefaults.get(name);
    if (value === undefined) {
      this.warn({ code: 'unknown-variable', variable: name, message: `variable "${name}" has no value: set it in the brief settings` });
    }
    return value;
  }

  /**
   * Characters a reference will put in the text (a variable's value, a fact's statement), found without warnings:
   * compose counts them against the budget before parsing, so a megabyte of references is refused before any work.
   */
  expansionOf(kind: RefKind, id: string): number {
    if (kind === 'var') return (ownValue(this.brief.variables, id) ?? this.sectionDefaults.get(id) ?? '').length;
    if (kind === 'fact') return (ownValue(this.brief.pins, id) ?? this.library.facts.get(id))?.statement.length ?? 0;
    return 0;
  }

  /**
   * One endnote per source, numbered by first use: every citation of a fact from that source, the first and any
   * later one, carries the note's number (a run of citations to one source repeats that number, as the shared
   * numbering of a brief has always done). A source is its title, publisher, date and address (`noteKey`): those
   * are all the note prints, so the one note is right for every fact it stands for. A fact's own details (its
   * as-of date, value, statement) are in the text where it is cited, never in the note, so nothing is lost.
   *
   * The one exception is the portion mark: a note is a portion and carries one mark, the marking of what it cites.
   * Facts from one source with different markings get a note each, so no note is marked above or below a citation
   * that points to it. That is where a note can repeat the one straight before it in the list: the later one is
   * written "Ibid." under its own mark (Chicago's use of ibid.: the same source as the note immediately before).
   * A note repeated further down the list, after another source, is written out in full.
   */
  noteFor(fact: Fact): number {
    const known = this.noteByFact.get(fact.id);
    if (known) return known;
    const portion = this.marks.printed(this.marks.factMarking(fact));
    const key = noteKey(fact, portion);
    const shared = this.noteBySource.get(key);
    if (shared) {
      shared.factIds.push(fact.id);
      this.noteByFact.set(fact.id, shared.n);
      return shared.n;
    }
    const n = this.notes.length + 1;
    const s = fact.source;
    const full = sourceNote(n, fact, `${s.title}, ${s.publisher}, ${formatHumanDate(s.date)}.`, (w) => this.warn(w));
    const citation = `${full.text} ${full.url ?? ''}`;
    const factIds = [fact.id];
    const note: Note = citation === this.lastCitation ? { n, factIds, text: IBID } : { ...full, factIds };
    this.lastCitation = citation;
    if (portion) note.portion = portion;
    this.notes.push(note);
    this.noteBySource.set(key, { n, factIds });
    this.noteByFact.set(fact.id, n);
    return n;
  }
}

/** The text of a note that cites the same source as the note straight before it. */
export const IBID = 'Ibid.';

/**
 * What makes two citations one note: the source's title, publisher, date and address, exactly as the pins hold
 * them (a revised edition at the same address has another date and gets its own note, so neither is misdated),
 * and the note's portion mark. A Map key from JSON, so no field value can collide with another's.
 */
function noteKey(fact: Fact, portion: string): string {
  const s = fact.source;
  return JSON.stringify([s.title, s.publisher, s.date, s.url, portion]);
}

/** `record[key]` when the record itself holds that key; never a member inherited from Object.prototype. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2021-05-04' -> 'May 4, 2021'; '2021-05' -> 'May 2021'. */
export function formatHumanDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[(m ?? 1) - 1] ?? '';
  return d ? `${month} ${d}, ${y}` : `${month} ${y}`;
}
