// The brief column: a tab list (Outline with its section count, Settings) over the chosen tab's panel.
import type { ReactNode } from 'react';
import type { BriefTab } from '../composer/useComposerView.js';

interface Props {
  tab: BriefTab;
  onTab(tab: BriefTab): void;
  sectionCount: number;
  /** The outline with the section editor beside it. */
  outline: ReactNode;
  settings: ReactNode;
}

const TABS: readonly BriefTab[] = ['outline', 'settings'];

export function BriefPane({ tab, onTab, sectionCount, outline, settings }: Props) {
  return (
    <section className="pane brief" aria-labelledby="brief-heading">
      <div className="brief-head">
        <h2 id="brief-heading">Brief</h2>
        <div role="tablist" aria-label="Brief views" className="tabs">
          {TABS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`panel-${t}`}
              tabIndex={tab === t ? 0 : -1}
              onClick={() => onTab(t)}
              onKeyDown={(e) => {
                // Two tabs: either arrow key moves to the other one (the ARIA tabs pattern).
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  const next = t === 'outline' ? 'settings' : 'outline';
                  onTab(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }
              }}
            >
              {t === 'outline' ? `Outline (${sectionCount})` : 'Settings'}
            </button>
          ))}
        </div>
      </div>
      {tab === 'outline' ? (
        <div role="tabpanel" id="panel-outline" aria-labelledby="tab-outline" className="outline-panel">
          {outline}
        </div>
      ) : (
        <div role="tabpanel" id="panel-settings" aria-labelledby="tab-settings" className="settings-panel">
          {settings}
        </div>
      )}
    </section>
  );
}
