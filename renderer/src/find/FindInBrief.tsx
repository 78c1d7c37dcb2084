// The Find in brief panel (Ctrl+Shift+F, Ctrl+Shift+H): every match in every section body with its section and a
// snippet, Go to (the section opened, the match selected), and Replace all in brief as one undo step.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Brief } from '../../../shared/model/brief.js';
import type { FindOptions } from '../../../shared/text/find-replace.js';
import { findInBrief } from '../state/replaceInBrief.js';
import './find.css';

interface Props {
  brief: Brief;
  /** Which field has focus when the panel opens (Ctrl+Shift+H: Replace). */
  focusField: 'find' | 'replace';
  /** Changes each time the panel is asked for again, so focus goes to the field once more. */
  openCount: number;
  onGoTo(key: string, from: number, to: number): void;
  onReplaceAll(query: string, replacement: string, opts: FindOptions): string;
  onClose(): void;
}

/** Enough rows to see where the text is; the rest are counted. */
const SHOWN = 200;

export function FindInBrief({ brief, focusField, openCount, onGoTo, onReplaceAll, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [opts, setOpts] = useState<FindOptions>({ caseSensitive: false, wholeWord: false, regexp: false });
  const [status, setStatus] = useState('');
  const findRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    const field = focusField === 'replace' ? replaceRef.current : findRef.current;
    field?.focus();
    field?.select();
  }, [focusField, openCount]);

  const result = useMemo(() => (query ? findInBrief(brief, query, opts) : null), [brief, query, opts]);
  const matches = result?.ok ? result.matches : [];
  const summary = !result
    ? 'Type what to find in every section of the brief.'
    : !result.ok
      ? result.error
      : matches.length === 0
        ? 'No match in the brief.'
        : `${matches.length}${result.truncated ? '+' : ''} ${matches.length === 1 ? 'match' : 'matches'} in ${new Set(matches.map((m) => m.key)).size} of ${brief.sections.length} sections.`;

  const option = (name: keyof FindOptions, label: string) => (
    <label>
      <input type="checkbox" checked={!!opts[name]} onChange={(e) => setOpts((o) => ({ ...o, [name]: e.target.checked }))} /> {label}
    </label>
  );

  return (
    <aside
      className="find-brief"
      aria-label="Find in brief"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="find-brief-head">
        <h2>Find in brief</h2>
        <button type="button" className="find-brief-close" aria-label="Close Find in brief" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="find-brief-fields">
        <label htmlFor={`${id}-find`}>Find</label>
        <input
          id={`${id}-find`}
          ref={findRef}
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setStatus('');
          }}
          onKeyDown={(e) => {
            const first = matches[0];
            if (e.key === 'Enter' && first) {
              e.preventDefault();
              onGoTo(first.key, first.from, first.to);
            }
          }}
        />
        <label htmlFor={`${id}-replace`}>Replace with</label>
        <input id={`${id}-replace`} ref={replaceRef} type="text" value={replacement} onChange={(e) => setReplacement(e.target.value)} />
      </div>
      <div className="find-brief-options">
        {option('caseSensitive', 'Match case')}
        {option('wholeWord', 'Whole word')}
        {option('regexp', 'Regular expression')}
      </div>
      <div className="find-brief-actions">
        <button type="button" disabled={matches.length === 0} onClick={() => setStatus(onReplaceAll(query, replacement, opts))}>
          Replace all in brief
        </button>
      </div>
      <p className="find-brief-status" role="status">
        {status || summary}
      </p>
      {matches.length > 0 && (
        <ul className="find-brief-list" aria-label="Matches in the brief">
          {matches.slice(0, SHOWN).map((m, i) => (
            <li key={`${m.key}:${m.from}:${i}`}>
              <button type="button" className="find-brief-hit" onClick={() => onGoTo(m.key, m.from, m.to)}>
                <span className="find-brief-title">{m.title}</span>
                <span className="find-brief-snippet">
                  {m.snippet.before}
                  <mark>{m.snippet.match}</mark>
                  {m.snippet.after}
                </span>
                <span className="find-brief-go">Go to</span>
              </button>
            </li>
          ))}
          {matches.length > SHOWN && <li className="hint small">and {matches.length - SHOWN} more — narrow the search to see them.</li>}
        </ul>
      )}
    </aside>
  );
}
