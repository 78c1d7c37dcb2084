// Warnings from compose (missing/stale facts, unknown variables, unmarked portions); each one opens its section.
import type { ComposeWarning } from '../../../shared/model/document.js';

interface Props {
  warnings: ComposeWarning[];
  titleOf(sectionKey: string): string | undefined;
  onOpen(sectionKey: string): void;
}

const LABELS: Record<ComposeWarning['code'], string> = {
  'missing-fact': 'Missing fact',
  'stale-fact': 'Stale fact',
  'unknown-variable': 'Unknown variable',
  'unmarked-portion': 'Unmarked portion',
  'pin-changed': 'Fact changed in library',
  'unknown-section': 'Unknown section',
  'bad-table': 'Table problem',
};

export function WarningsPanel({ warnings, titleOf, onOpen }: Props) {
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
            const where = w.sectionKey ? titleOf(w.sectionKey) : undefined;
            const text = `${LABELS[w.code]}: ${w.message}`;
            return (
              <li key={`${w.code}-${w.sectionKey ?? ''}-${i}`} className={`warning ${w.code}`}>
                {w.sectionKey && where ? (
                  <button type="button" className="link" onClick={() => onOpen(w.sectionKey!)} title={`Open “${where}”`}>
                    <strong>{LABELS[w.code]}</strong> in “{where}”: {w.message}
                  </button>
                ) : (
                  <span>{text}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
