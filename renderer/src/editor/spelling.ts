// The spell checker behind the editor: the bundled dictionaries (dictionary-en and dictionary-en-gb: American and
// British spellings both pass), loaded into nspell on first use from their own chunks so start-up never waits for
// them, the personal word list kept by main, and words ignored this session.
import { api } from '../api.js';

interface Checker {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

type Listener = () => void;

class Spelling {
  private checker: Checker | null = null;
  private loading: Promise<void> | null = null;
  private personal = new Set<string>();
  private ignored = new Set<string>();
  private cache = new Map<string, boolean>();
  private listeners = new Set<Listener>();
  enabled = true;
  /** How long building the checker took (ms), for the curious (window.__spellLoadMs). */
  constructMs = 0;
  /** Set when the dictionary or the word list could not be had: what happened, in words. */
  problem: string | null = null;

  /** Starts loading once; listeners hear when the checker is ready. */
  ensureLoaded(): void {
    this.loading ??= this.load();
  }

  get ready(): boolean {
    return this.checker !== null;
  }

  private async load(): Promise<void> {
    try {
      const [state, { default: nspell }, usAff, usDic, gbAff, gbDic] = await Promise.all([
        api().spelling(),
        import('nspell'),
        // The dictionary packages export only their Node entry; the files themselves are bundled as text.
        import('../../../node_modules/dictionary-en/index.aff?raw'),
        import('../../../node_modules/dictionary-en/index.dic?raw'),
        import('../../../node_modules/dictionary-en-gb/index.aff?raw'),
        import('../../../node_modules/dictionary-en-gb/index.dic?raw'),
      ]);
      const t = performance.now();
      const us = nspell(usAff.default, usDic.default);
      const gb = nspell(gbAff.default, gbDic.default);
      this.checker = {
        correct: (w) => us.correct(w) || gb.correct(w),
        suggest: (w) => [...new Set([...us.suggest(w), ...gb.suggest(w)])],
      };
      this.constructMs = performance.now() - t;
      (window as unknown as { __spellLoadMs?: number }).__spellLoadMs = this.constructMs;
      this.personal = new Set(state.words);
      this.enabled = state.enabled;
    } catch (e) {
      this.problem = `Spell check is not available: ${(e as Error).message}`;
    }
    this.changed();
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private changed(): void {
    this.cache.clear();
    for (const l of this.listeners) l();
  }

  /** True for a word the dictionary knows, the user added or ignored; also true until the checker is ready. */
  isCorrect(word: string): boolean {
    if (!this.checker) return true;
    let ok = this.cache.get(word);
    if (ok === undefined) {
      ok = this.personal.has(word) || this.ignored.has(word) || this.checker.correct(word) || (this.personal.has(word.toLowerCase()));
      this.cache.set(word, ok);
    }
    return ok;
  }

  suggest(word: string): string[] {
    return this.checker ? this.checker.suggest(word).slice(0, 6) : [];
  }

  /** Ignore: the word passes for the rest of this session, in every section. */
  ignore(word: string): void {
    this.ignored.add(word);
    this.changed();
  }

  /** Add to dictionary: kept by main in the user's data folder, so it passes after a restart too. */
  async add(word: string): Promise<void> {
    this.personal.add(word);
    this.changed();
    try {
      const state = await api().changeSpelling({ addWord: word });
      this.personal = new Set(state.words);
    } catch (e) {
      this.personal.delete(word);
      this.problem = (e as Error).message;
    }
    this.changed();
  }

  async setEnabled(on: boolean): Promise<void> {
    this.enabled = on;
    this.changed();
    try {
      await api().changeSpelling({ enabled: on });
    } catch (e) {
      this.problem = (e as Error).message;
      this.changed();
    }
  }
}

/** One checker for the window: every section editor shares the dictionary and the word lists. */
export const spelling = new Spelling();
