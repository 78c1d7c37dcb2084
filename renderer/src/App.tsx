// The composer window: library on the left, the brief's outline and settings in the middle, export on the right.
import { useEffect, useMemo, useState } from 'react';
import type { SectionSummary } from '../../shared/ipc/channels.js';
import type { ComposeWarning } from '../../shared/model/document.js';
import { TEMPLATE_IDS, type TemplateId } from '../../shared/model/brief.js';
import { api } from './api.js';

const TEMPLATE_LABELS: Record<TemplateId, string> = {
  'issue-brief': 'Issue brief',
  'decision-memo': 'Decision memo',
  'one-pager': 'One-pager',
};

const today = () => new Date().toISOString().slice(0, 10);

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export function App() {
  const [sections, setSections] = useState<SectionSummary[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [title, setTitle] = useState('Allied Technology Cooperation');
  const [template, setTemplate] = useState<TemplateId>('issue-brief');
  const [pdfa, setPdfa] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [warnings, setWarnings] = useState<ComposeWarning[]>([]);

  useEffect(() => {
    api()
      .listSections()
      .then(setSections, (e: Error) => setLoadError(e.message));
  }, []);

  const byId = useMemo(() => new Map(sections.map((s) => [s.id, s])), [sections]);
  const visible = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q ? sections.filter((s) => `${s.title} ${s.topic} ${s.summary ?? ''} ${s.technologies.join(' ')}`.toLowerCase().includes(q)) : sections;
  }, [sections, filter]);
  const groups = useMemo(() => {
    const m = new Map<string, SectionSummary[]>();
    for (const s of visible) m.set(s.topic, [...(m.get(s.topic) ?? []), s]);
    return [...m.entries()];
  }, [visible]);

  const add = (id: string) => setPicked((p) => (p.includes(id) ? p : [...p, id]));
  const remove = (id: string) => setPicked((p) => p.filter((x) => x !== id));
  const move = (id: string, delta: number) =>
    setPicked((p) => {
      const i = p.indexOf(id);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= p.length) return p;
      const next = [...p];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });

  async function exportPdf() {
    setStatus({ kind: 'busy', text: 'Exporting…' });
    try {
      const brief = await api().assembleBrief({ title, template, date: today(), sectionIds: picked });
      const result = await api().exportPdf(brief, { pdfa });
      if (result.status === 'cancelled') return setStatus({ kind: 'idle' });
      setWarnings(result.warnings);
      setStatus({ kind: 'done', text: `Saved ${result.displayName} — ${result.pageCount} page${result.pageCount === 1 ? '' : 's'}` });
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  }

  return (
    <div className="app">
      <header className="topbar">
        <h1>Briefing Builder</h1>
        <span className="offline" title="Nothing leaves this computer">Offline</span>
      </header>
      <main className="panes">
        <section className="pane library" aria-labelledby="library-heading">
          <h2 id="library-heading">Library</h2>
          <label className="field">
            <span>Filter sections</span>
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. semiconductor" />
          </label>
          {loadError && <p role="alert" className="error">Could not load the library: {loadError}</p>}
          {groups.map(([topic, list]) => (
            <div key={topic} className="group">
              <h3>{topic}</h3>
              <ul>
                {list.map((s) => (
                  <li key={s.id} className="section-item">
                    <div>
                      <div className="section-title">{s.title}</div>
                      {s.summary && <div className="section-summary">{s.summary}</div>}
                    </div>
                    <button type="button" onClick={() => add(s.id)} disabled={picked.includes(s.id)} aria-label={`Add ${s.title}`}>
                      {picked.includes(s.id) ? 'Added' : 'Add'}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>

        <section className="pane brief" aria-labelledby="brief-heading">
          <h2 id="brief-heading">Brief</h2>
          <label className="field">
            <span>Title</span>
            <input value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span>Template</span>
            <select value={template} onChange={(e) => setTemplate(e.target.value as TemplateId)}>
              {TEMPLATE_IDS.map((t) => (
                <option key={t} value={t}>
                  {TEMPLATE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <h3>Outline</h3>
          {picked.length === 0 ? (
            <p className="hint">Add sections from the library to build the brief.</p>
          ) : (
            <ol className="outline" aria-label="Sections in the brief">
              {picked.map((id, i) => (
                <li key={id} className="outline-item" data-section-id={id}>
                  <span className="outline-title">{byId.get(id)?.title ?? id}</span>
                  <span className="outline-actions">
                    <button type="button" onClick={() => move(id, -1)} disabled={i === 0} aria-label={`Move ${byId.get(id)?.title ?? id} up`}>↑</button>
                    <button type="button" onClick={() => move(id, 1)} disabled={i === picked.length - 1} aria-label={`Move ${byId.get(id)?.title ?? id} down`}>↓</button>
                    <button type="button" onClick={() => remove(id)} aria-label={`Remove ${byId.get(id)?.title ?? id}`}>✕</button>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section className="pane export" aria-labelledby="export-heading">
          <h2 id="export-heading">Export</h2>
          <label className="check">
            <input type="checkbox" checked={pdfa} onChange={(e) => setPdfa(e.target.checked)} /> PDF/A-2b (archival)
          </label>
          <button type="button" className="primary" onClick={exportPdf} disabled={picked.length === 0 || status.kind === 'busy' || !title.trim()}>
            Export PDF…
          </button>
          <p role="status" aria-live="polite" className={`status ${status.kind}`}>
            {status.kind === 'idle' ? '' : status.text}
          </p>
          {warnings.length > 0 && (
            <div className="warnings">
              <h3>Warnings</h3>
              <ul>
                {warnings.map((w, i) => (
                  <li key={i}>
                    <strong>{w.code}</strong>: {w.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </main>
    </div>
  );
}
