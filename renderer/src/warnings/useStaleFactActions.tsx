// Acting on a warning: Go to lands in the section's text on the reference; a stale fact offers Still true… (a dated
// review), Replace with… (a current fact on the subject) and Edit a personal copy, each ending on the reference.
import { useCallback, useState, type RefObject } from 'react';
import { sectionKey } from '../../../shared/model/brief.js';
import type { ComposeWarning } from '../../../shared/model/composed-doc.js';
import { Fact } from '../../../shared/model/library.js';
import type { FactInput } from '../../../shared/ipc/channels.js';
import { pinCitedFacts } from '../../../shared/pinning.js';
import type { ComposerView } from '../composer/useComposerView.js';
import type { SectionEditorHandle } from '../editor/SectionEditor.js';
import { FactDialog } from '../library-manager/FactDialog.js';
import { useSaveTargets } from '../library-manager/useSaveTargets.js';
import type { LibraryData } from '../library-pane/useLibraryData.js';
import { setSectionBody } from '../state/briefEdits.js';
import type { BriefStore } from '../state/useBriefStore.js';
import { locateWarning } from './locateWarning.js';
import { copyId, refText, replaceFactRefs } from './replacements.js';
import { ReplaceFactDialog, StaleFactButtons, StillTrueDialog, type StaleAction } from './StaleFactDialogs.js';

interface Deps {
  store: BriefStore;
  view: ComposerView;
  library: LibraryData;
  editor: RefObject<SectionEditorHandle | null>;
  say(text: string): void;
}

interface Active {
  kind: StaleAction;
  factId: string;
  /** The section whose reference is acted on (the first one citing the fact). */
  key: string | null;
}

/**
 * Focuses the editor on `needle` once the section is open: the editor may be mounted a render later and a dialog
 * closing hands focus back to its opener on the way, so it tries on each frame until the text has focus.
 */
function landInEditor(editor: RefObject<SectionEditorHandle | null>, needle: string | undefined): void {
  let frames = 0;
  const attempt = () => {
    const e = editor.current;
    const ok = e ? (needle ? e.focusText(needle) : (e.focus(), true)) : false;
    const inEditor = !!document.activeElement?.closest('.cm-editor');
    if ((!ok || !inEditor) && ++frames < 30) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

export function useStaleFactActions({ store, view, library, editor, say }: Deps) {
  const [active, setActive] = useState<Active | null>(null);
  const targets = useSaveTargets(library.version);

  /** Opens the section and puts the cursor on the fact's (or variable's) reference, or at its start. */
  const land = useCallback(
    (key: string, factId?: string, variable?: string) => {
      view.select(key);
      const body = store.current().sections.find((s) => sectionKey(s) === key)?.body ?? '';
      const needle = factId ? refText(body, factId) : variable ? refText(body, variable, true) : undefined;
      landInEditor(editor, needle);
    },
    [view, store, editor],
  );

  const goTo = useCallback(
    (w: ComposeWarning) => {
      const where = locateWarning(store.current(), w);
      if (where) land(where.key, w.factId, w.variable);
    },
    [store, land],
  );

  /** Every reference to `from` in the section now cites `to`: one undo step (a linked section becomes its edited copy). */
  const swap = useCallback(
    (key: string, from: string, to: string, newFact?: Fact) => {
      const cur = store.current();
      const s = cur.sections.find((x) => sectionKey(x) === key);
      if (!s) return;
      const r = setSectionBody(cur, key, replaceFactRefs(s.body, from, to));
      const facts = newFact ? new Map([...library.factMap, [newFact.id, newFact]]) : library.factMap;
      store.update(pinCitedFacts(r.brief, facts));
      land(r.key, to);
    },
    [store, library.factMap, land],
  );

  const start = useCallback((kind: StaleAction, w: ComposeWarning) => {
    if (!w.factId) return;
    setActive({ kind, factId: w.factId, key: locateWarning(store.current(), w)?.key ?? null });
  }, [store]);

  const buttonsFor = (w: ComposeWarning) => (w.code === 'stale-fact' && w.factId ? <StaleFactButtons factId={w.factId} onAction={(kind) => start(kind, w)} /> : null);

  const close = () => setActive(null);
  const summary = active ? library.factById.get(active.factId) : undefined;
  const pins = store.current().pins;
  const stale = active ? ((Object.hasOwn(pins, active.factId) ? pins[active.factId] : undefined) ?? summary?.fact) : undefined;
  let dialogs = null;
  if (active && stale) {
    const back = () => {
      setActive(null);
      if (active.key) land(active.key, active.factId);
    };
    if (active.kind === 'still-true') {
      dialogs = summary ? (
        <StillTrueDialog
          summary={summary}
          onClose={close}
          onDone={() => {
            library.reload();
            say(`Recorded your review of “${active.factId}” in your personal library; it overrides the fact's review date.`);
            back();
          }}
        />
      ) : null;
    } else if (active.kind === 'replace') {
      dialogs = (
        <ReplaceFactDialog
          stale={stale}
          facts={library.facts}
          onClose={close}
          onPick={(id) => {
            setActive(null);
            if (active.key) swap(active.key, active.factId, id);
          }}
        />
      );
    } else {
      const copy = { ...stale, id: copyId(stale.id, (id) => library.factById.has(id)) };
      dialogs = (
        <FactDialog
          copyOf={copy}
          targets={targets.filter((t) => t.kind === 'personal')}
          onClose={close}
          onDone={(message) => {
            say(message);
            library.reload();
          }}
          onSaved={(input: FactInput) => {
            setActive(null);
            const parsed = Fact.safeParse(input);
            if (active.key) swap(active.key, active.factId, input.id, parsed.success ? parsed.data : undefined);
          }}
        />
      );
    }
  }
  return { goTo, land, buttonsFor, dialogs };
}
