// The brief's headings inside its sections, as a folding outline (Word's navigation pane): choosing one opens the
// section with the heading selected in the editor.
import { useMemo } from 'react';
import { sectionKey, type Brief } from '../../../shared/model/brief.js';
import { sectionHeadings, type SectionHeading } from '../../../shared/text/headings.js';

interface Props {
  brief: Brief;
  onGoTo(sectionKey: string, heading: SectionHeading): void;
}

export function HeadingOutline({ brief, onGoTo }: Props) {
  const sections = useMemo(
    () => brief.sections.map((s) => ({ key: sectionKey(s), title: s.title.trim() || 'Untitled section', headings: sectionHeadings(s.body) })).filter((s) => s.headings.length > 0),
    [brief.sections],
  );
  if (sections.length === 0) return null;
  const count = sections.reduce((n, s) => n + s.headings.length, 0);
  return (
    <details className="heading-outline">
      <summary>
        Headings in the sections <span className="count">{count}</span>
      </summary>
      <ul aria-label="Headings by section">
        {sections.map((s) => (
          <li key={s.key}>
            <details open>
              <summary>{s.title}</summary>
              <ul aria-label={`Headings in ${s.title}`}>
                {s.headings.map((h) => (
                  <li key={h.from} style={{ paddingLeft: `${(h.level - 2) * 12}px` }}>
                    <button type="button" className="link" onClick={() => onGoTo(s.key, h)}>
                      {h.text}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </details>
  );
}
