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
  private readonly noteByFact = new Map<string, number>();
  private readonly warned = new Set<string>();
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
    // Own properties only: a plain object answers "constructor" or "toString" from Object.prototype.
    const fact = ownValue(this.brief.pins, id) ?? this.library.facts.get(id);
    if (!fact) {
      this.warn({ code: 'missing-fact', factId: id, message: `unknown fact "${id}": check the id or add the fact to a library` });
      return undefined;
    }
    if (isStale(fact, this.today)) {
      this.warn({
        code: 'stale-fact',
        factId: id,
        sectionKey: '',
        message: `fact "${id}" was due for review on ${isoDay(reviewDue(fact))}: check it is still true`,
      });
    }
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

  /** Endnotes are numbered by first use and shared by every later citation of the same fact. */
  noteFor(fact: Fact): number {
    const existing = this.noteByFact.get(fact.id);
    if (existing) return existing;
    const n = this.notes.length + 1;
    this.noteByFact.set(fact.id, n);
    const s = fact.source;
    const note = sourceNote(n, fact, `${s.title}, ${s.publisher}, ${formatHumanDate(s.date)}.`, (w) => this.warn(w));
    const portion = this.marks.printed(this.marks.factMarking(fact));
    this.notes.push(portion ? { ...note, portion } : note);
    return n;
  }
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
