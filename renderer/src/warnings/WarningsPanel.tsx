// Warnings from compose (missing/stale facts, unknown variables, unmarked portions); each one opens its section.
import type { ComposeWarning } from '../../../shared/model/document.js';

interface Props {
  warnings: ComposeWarning[];
  /** The section a warning is about (its sectionKey, or the first section citing its fact). */
  locate(w: ComposeWarning): { key: string; title: string } | null;
  onOpen(sectionKey: string): void;
}

const LABELS: Record<ComposeWarning['code'], string> = {
  'missing-fact': 'Missing fact',
  'stale-fact': 'Stale fact',
  'unknown-variable': 'Unknown variable',
  'unmarked-portion': 'Unmarked portion',
  'pin-changed': 'Fact changed in library',
  'section-update': 'Section update available',
  'unknown-section': 'Unknown section',
  'bad-table': 'Table problem',
};

export function WarningsPanel({ warnings, locate, onOpen }: Props) {
  return (
    <section className="warnings-panel" aria-labelledby="warnings-heading">
      <h2 id="warnings-heading">
        Warnings <span className="count">{warnings.length}</span>
      </h2>
      {warnings.length === 0 ? (
        <p className="hint small">No warnings: every fact is found and current, every variable is set.</p>
      ) : (
        <ul>
          {warnings.map((w, i) => {
            const where = locate(w);
            return (
              <li key={`${w.code}-${w.sectionKey ?? w.factId ?? ''}-${i}`} className={`warning ${w.code}`}>
                {where ? (
                  <button type="button" className="link" onClick={() => onOpen(where.key)} title={`Open “${where.title}”`}>
                    <strong>{LABELS[w.code]}</strong> in “{where.title}”: {w.message}
                  </button>
                ) : (
                  <span>
                    <strong>{LABELS[w.code]}</strong>: {w.message}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
