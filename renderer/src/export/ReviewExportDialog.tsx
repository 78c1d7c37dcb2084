// "Review before export": the composed brief's warnings in words, grouped by section, each with Go to (and a stale
// fact's actions); marking errors come first and block export, leaving only the DRAFT copy; otherwise Export anyway.
import type { ReactNode } from 'react';
import type { ComposeWarning } from '../../../shared/model/composed-doc.js';
import { Modal } from '../library-manager/Modal.js';
import { WARNING_LABELS } from '../warnings/WarningsPanel.js';

export type ExportFormat = 'PDF' | 'Word file';

interface Props {
  format: ExportFormat;
  warnings: readonly ComposeWarning[];
  /** The section a warning is about, as the warnings panel finds it. */
  locate(w: ComposeWarning): { key: string; title: string } | null;
  onGoTo(w: ComposeWarning): void;
  /** Extra actions of a warning (a stale fact's Still true… / Replace with… / Edit a personal copy). */
  actions?(w: ComposeWarning): ReactNode;
  onExportAnyway(): void;
  onExportDraft(): void;
  onCancel(): void;
}

interface Group {
  title: string;
  items: ComposeWarning[];
}

/** Groups in the order their first warning comes; warnings about no section go under "The whole brief". */
function groupBySection(warnings: readonly ComposeWarning[], locate: Props['locate']): Group[] {
  const groups = new Map<string, Group>();
  for (const w of warnings) {
    const where = w.field ? null : locate(w);
    const key = where?.key ?? '';
    const g = groups.get(key) ?? { title: where ? `Section “${where.title}”` : 'The whole brief', items: [] };
    g.items.push(w);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function ReviewExportDialog({ format, warnings, locate, onGoTo, actions, onExportAnyway, onExportDraft, onCancel }: Props) {
  const errors = warnings.filter((w) => w.severity === 'error');
  const others = warnings.filter((w) => w.severity !== 'error');
  const draftPossible = !errors.some((e) => e.code === 'unknown-marking');
  const list = (items: readonly ComposeWarning[], label: string) => (
    <>
      {groupBySection(items, locate).map((g) => (
        <section key={g.title} className="review-group" aria-label={`${label} in ${g.title}`}>
          <h4>{g.title}</h4>
          <ul>
            {g.items.map((w, i) => (
              <li key={`${w.code}-${w.factId ?? w.variable ?? w.field ?? ''}-${i}`} className={`review-item ${w.code}`}>
                <span>
                  <strong>{WARNING_LABELS[w.code]}</strong>: {w.message}
                </span>{' '}
                <button type="button" onClick={() => onGoTo(w)} aria-label={`Go to: ${WARNING_LABELS[w.code]}, ${w.message}`}>
                  Go to
                </button>
                {actions?.(w)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    <Modal title="Review before export" onClose={onCancel} className="review-export-dialog" closeButton={false} describedBy="review-export-summary">
      <p id="review-export-summary">
        {errors.length > 0
          ? `The ${format} cannot be exported as it is: ${count(errors.length, 'marking error')} must be fixed first${draftPossible ? ', or export a DRAFT copy' : ''}.${others.length ? ` There ${others.length === 1 ? 'is' : 'are'} also ${count(others.length, 'warning')}.` : ''}`
          : `The brief has ${count(others.length, 'warning')}. Check them, or export the ${format} anyway.`}
      </p>
      {/* The answer buttons first, so focus starts on them and Enter never exports by surprise from deep in the list. */}
      <div className="modal-actions review-export-actions">
        {errors.length === 0 ? (
          <button type="button" className="primary" onClick={onExportAnyway} data-autofocus>
            Export anyway
          </button>
        ) : (
          draftPossible && (
            <button type="button" onClick={onExportDraft} data-autofocus>
              Export DRAFT copy…
            </button>
          )
        )}
        <button type="button" onClick={onCancel} {...(errors.length > 0 && !draftPossible ? { 'data-autofocus': true } : {})}>
          Cancel
        </button>
      </div>
      {errors.length > 0 && (
        <div className="review-errors">
          <h3>Marking errors — these block export</h3>
          {list(errors, 'Marking errors')}
        </div>
      )}
      {others.length > 0 && (
        <div className="review-warnings">
          <h3>Warnings</h3>
          {list(others, 'Warnings')}
        </div>
      )}
    </Modal>
  );
}
