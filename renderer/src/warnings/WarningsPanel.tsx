// Warnings from compose, marking errors first (they block export), then missing/stale facts, unknown variables, library updates; each opens its section.
import { useEffect, useState, type ReactNode } from 'react';
import type { BriefChanges, FieldChange } from '../../../shared/brief-changes.js';
import type { ComposeWarning } from '../../../shared/model/composed-doc.js';
import { useRovingFocus } from '../shell/useRovingFocus.js';

interface Props {
  warnings: ComposeWarning[];
  /** What the library changed since the brief's snapshots; null until main has answered. */
  changes: BriefChanges | null;
  /** The section a warning is about (its sectionKey, or the first section citing its fact). */
  locate(w: ComposeWarning): { key: string; title: string } | null;
  onOpen(sectionKey: string, warning?: ComposeWarning): void;
  onUpdatePin(factId: string): void;
  onReviewSection(sectionId: string): void;
  /** A marking-field error: the Settings field it is about. */
  onGoToField(field: string): void;
  /** Extra actions under a warning (a stale fact's Still true… / Replace with… / Edit a personal copy). */
  actions?(w: ComposeWarning): ReactNode;
}

/** Each warning's kind in words (the warnings panel and the export review). */
export const WARNING_LABELS: Record<ComposeWarning['code'], string> = {
  'missing-fact': 'Missing fact',
  'stale-fact': 'Stale fact',
  'unknown-variable': 'Unknown variable',
  'unmarked-portion': 'Unmarked portion',
  'pin-changed': 'Fact changed in library',
  'section-update': 'Section update available',
  'unknown-section': 'Unknown section',
  'bad-table': 'Table problem',
  'refused-link': 'Link not allowed',
  'unknown-marking': 'Marking not known',
  'fact-above-portion': 'Fact marked above its portion',
  'marking-field': 'Marking field',
};

/** A field's value as a reader would write it (the source object by its title and publisher). */
function show(value: FieldChange['pinned']): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'object') return `${value.title}, ${value.publisher}, ${value.date}`;
  return String(value);
}

export function WarningsPanel({ warnings: all, changes, locate, onOpen, onUpdatePin, onReviewSection, onGoToField, actions }: Props) {
  // Marking errors first: they are what stops an export.
  const warnings = [...all.filter((w) => w.severity === 'error'), ...all.filter((w) => w.severity !== 'error')];
  // Collapsible, so a long list never squeezes the preview; it opens by itself when an error appears.
  const [open, setOpen] = useState(true);
  // One Tab stop for the list: Up/Down between warnings, Left/Right to a warning's buttons.
  const roving = useRovingFocus<HTMLUListElement>({ rows: ':scope > li' });
  const errors = warnings.filter((w) => w.severity === 'error').length;
  useEffect(() => {
    if (errors > 0) setOpen(true);
  }, [errors]);
  return (
    <section className={`warnings-panel${open ? '' : ' collapsed'}`} aria-labelledby="warnings-heading">
      <h2 id="warnings-heading">
        <button type="button" className="link warnings-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          Warnings <span className="count">{warnings.length}</span>
        </button>
      </h2>
      {!open ? null : warnings.length === 0 ? (
        <p className="hint small">No warnings: every fact is found and current, every variable is set.</p>
      ) : (
        <ul ref={roving.ref} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus} className="warnings-list" aria-label="Warnings">
          {warnings.map((w, i) => {
            const where = locate(w);
            const pin = w.code === 'pin-changed' ? changes?.changedPins.find((c) => c.factId === w.factId) : undefined;
            const canReview = w.code === 'section-update' && !!changes?.sectionUpdates.some((u) => u.sectionId === w.sectionKey);
            return (
              <li key={`${w.code}-${w.sectionKey ?? w.factId ?? ''}-${i}`} className={`warning ${w.code}${w.severity === 'error' ? ' marking-error' : ''}`}>
                {w.field ? (
                  <button type="button" className="link" onClick={() => onGoToField(w.field!)} title="Go to the field in Settings">
                    <strong>Error — {WARNING_LABELS[w.code]}</strong>: {w.message}
                  </button>
                ) : where ? (
                  <button type="button" className="link" onClick={() => onOpen(where.key, w)} title={`Open “${where.title}”`}>
                    <strong>{w.severity === 'error' ? `Error — ${WARNING_LABELS[w.code]}` : WARNING_LABELS[w.code]}</strong> in “{where.title}”: {w.message}
                  </button>
                ) : (
                  <span>
                    <strong>{w.severity === 'error' ? `Error — ${WARNING_LABELS[w.code]}` : WARNING_LABELS[w.code]}</strong>: {w.message}
                  </span>
                )}
                {pin && (
                  <div className="library-update">
                    <ul className="field-diff" aria-label={`Changes to fact “${pin.factId}”`}>
                      {pin.fields.map((f) => (
                        <li key={f.field}>
                          <span className="field-name">{f.field}</span>: was <del>{show(f.pinned)}</del> → now <ins>{show(f.library)}</ins>
                        </li>
                      ))}
                    </ul>
                    <button type="button" onClick={() => onUpdatePin(pin.factId)} aria-label={`Update fact “${pin.factId}” from the library`}>
                      Update fact
                    </button>
                  </div>
                )}
                {actions?.(w)}
                {canReview && (
                  <div className="library-update">
                    <button type="button" onClick={() => onReviewSection(w.sectionKey!)} aria-label={`Review update of “${where?.title ?? w.sectionKey}”`}>
                      Review update
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
