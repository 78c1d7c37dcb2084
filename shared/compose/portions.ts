// Portion markings during compose: each portion's marking (its own mark or its section's), the checks, the release filter.
import type { Token } from 'markdown-it';
import type { ComposeWarning } from '../model/composed-doc.js';
import type { Fact } from '../model/library.js';
import { combine, covers, parseMarking, portionText, releasable, lowestMarking, type Marking, type MarkingProfile, type ReleaseTarget } from '../markings/index.js';

/** "(S//NF) " at the start of a paragraph or list item, or alone in a paragraph that marks the next block. */
const LEADING_MARK = /^\(([A-Z][A-Z0-9 ,/.-]{0,80})\)(?:\s+|$)/;

export class PortionMarker {
  /** Every marking printed in the document (portions and the facts they cite), combined into the banner. */
  private readonly used: Marking[] = [];
  /** Portions a releasable copy leaves out. */
  withheld = 0;
  /** The marking of the portion being composed (facts it cites are checked against it). */
  current: Marking;
  currentLabel = '';

  constructor(
    readonly profile: MarkingProfile,
    private readonly warn: (w: ComposeWarning) => void,
    readonly release?: ReleaseTarget,
  ) {
    this.current = lowestMarking(profile);
  }

  get required(): boolean {
    return this.profile.portionMarks === 'required';
  }

  /** A section's own marking; an unmarked or unreadable one is an error where portions must be marked. */
  section(title: string, text: string | undefined): Marking {
    if (text === undefined || !text.trim()) {
      if (this.required) {
        this.error('unmarked-portion', `section "${title}" has no marking — choose one in its marking picker (e.g. ${this.profile.levels[0]!.portion})`);
      }
      return lowestMarking(this.profile);
    }
    const parsed = parseMarking(this.profile, text);
    if (parsed.ok) return parsed.marking;
    this.error('unknown-marking', `section "${title}" is marked "${text}": ${parsed.message} — choose a marking the profile offers`);
    return lowestMarking(this.profile);
  }

  /**
   * Reads a portion mark at the start of an inline token ("(C) The text") and gives the token without it, as a
   * copy: tokens are read-only here (parses are memoized and shared between compose runs, shared/markdown/setup.ts).
   * Text in parentheses that is not a marking ("(see below)") is left alone; capitals that look like one but do
   * not parse are an error.
   */
  takeLeadingMark(inline: Token | undefined, where: string): { marking: Marking; rest: Token } | undefined {
    if (!inline || !this.hasLevels()) return undefined;
    const m = LEADING_MARK.exec(inline.content);
    if (!m) return undefined;
    const parsed = parseMarking(this.profile, m[1]!);
    if (!parsed.ok) {
      if (m[1]!.includes(this.profile.separator) || this.profile.levels.some((l) => m[1]!.startsWith(l.portion))) {
        this.error('unknown-marking', `${where} opens with "(${m[1]})": ${parsed.message} — fix the portion mark`);
      }
      return undefined;
    }
    return { marking: parsed.marking, rest: stripPrefix(inline, m[0].length) };
  }

  /** Whether a portion so marked goes into this copy (always, unless this is a releasable copy). */
  allows(m: Marking): boolean {
    if (!this.release || releasable(this.profile, m, this.release)) return true;
    this.withheld++;
    return false;
  }

  /** Records a printed portion and makes it current; returns its mark as printed ("(S//NF)", or '' without marks). */
  enter(m: Marking, label: string): string {
    this.used.push(m);
    this.current = m;
    this.currentLabel = label;
    return this.printed(m);
  }

  printed(m: Marking): string {
    return this.required ? `(${portionText(this.profile, m)})` : '';
  }

  /** A fact's marking (the lowest level when it has none or one the profile cannot read). */
  factMarking(fact: Fact): Marking {
    const parsed = fact.marking ? parseMarking(this.profile, fact.marking) : undefined;
    return parsed?.ok ? parsed.marking : lowestMarking(this.profile);
  }

  /** A fact marked above the portion citing it is an error naming both; its marking counts toward the banner. */
  citeFact(fact: Fact): void {
    if (!fact.marking || !this.hasLevels()) return;
    const parsed = parseMarking(this.profile, fact.marking);
    if (!parsed.ok) {
      this.error('unknown-marking', `fact "${fact.id}" is marked "${fact.marking}": ${parsed.message} — fix the fact's marking in its library`, { factId: fact.id });
      return;
    }
    this.used.push(parsed.marking);
    if (!covers(this.profile, this.current, parsed.marking)) {
      const portion = portionText(this.profile, this.current);
      const factMark = portionText(this.profile, parsed.marking);
      this.error(
        'fact-above-portion',
        `${this.currentLabel}, marked (${portion}), cites fact "${fact.id}", marked (${factMark}) — mark the portion (${portionText(this.profile, combine(this.profile, [this.current, parsed.marking]))}) or cite another fact`,
        { factId: fact.id },
      );
    }
  }

  overall(): Marking {
    return combine(this.profile, this.used);
  }

  error(code: ComposeWarning['code'], message: string, extra: Partial<ComposeWarning> = {}): void {
    this.warn({ code, message, severity: 'error', ...extra });
  }

  private hasLevels(): boolean {
    return this.profile.id !== 'none';
  }
}

/**
 * The inline token without its leading mark: `n` characters of its content, and the mark at the start of its first
 * text child — found again there, since the typographer has already turned "(C)" into "©" and "(R)" into "®".
 * A copy (with a copied children list and first child): the token given is never written to.
 */
function stripPrefix(inline: Token, n: number): Token {
  const out = copyToken(inline);
  out.content = inline.content.slice(n);
  const children = inline.children;
  const first = children?.[0];
  if (children && first?.type === 'text') {
    const text = copyToken(first);
    text.content = first.content.replace(/^(?:\([^()]*\)|[©®™])\s*/u, '');
    // slice, not a spread: a very long paragraph's children would overflow the stack as arguments.
    const list = children.slice();
    list[0] = text;
    out.children = list;
  }
  return out;
}

/** A shallow copy of a markdown-it token that keeps its class (so attrGet and the rest still work). */
function copyToken(t: Token): Token {
  return Object.assign(Object.create(Object.getPrototypeOf(t) as object) as Token, t);
}
