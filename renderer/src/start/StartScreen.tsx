// The start screen (at launch and on Ctrl+N): a new brief from a template with its title, the bundled examples,
// recent files and Open… — the way Word and Pages greet a writer.
import { useEffect, useId, useState } from 'react';
import type { ExampleItem, RecentItem } from '../../../shared/ipc/channels.js';
import type { TemplateId } from '../../../shared/model/brief.js';
import { api } from '../api.js';
import { Modal } from '../library-manager/Modal.js';
import { TEMPLATE_CHOICES, setShowAtLaunch, showAtLaunch } from './startPreference.js';

interface Props {
  onCreate(init: { title: string; template: TemplateId }): void;
  onOpenExample(exampleId: string): void;
  onOpenRecent(recentId: string): void;
  onOpenFile(): void;
  onClose(): void;
}

export function StartScreen({ onCreate, onOpenExample, onOpenRecent, onOpenFile, onClose }: Props) {
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateId>('issue-brief');
  const [examples, setExamples] = useState<ExampleItem[]>([]);
  const [recent, setRecent] = useState<RecentItem[]>([]);
  const [atLaunch, setAtLaunch] = useState(showAtLaunch);
  const titleId = useId();
  useEffect(() => {
    void api().listExamples().then(setExamples, () => undefined);
    void api().recentDocuments().then(setRecent, () => undefined);
  }, []);

  return (
    <Modal title="Start" onClose={onClose} className="start-screen">
      <div className="start-grid">
        <form
          className="start-new"
          aria-labelledby={`${titleId}-new`}
          onSubmit={(e) => {
            e.preventDefault();
            onCreate({ title: title.trim(), template });
          }}
        >
          <h3 id={`${titleId}-new`}>New brief</h3>
          <label className="field">
            <span>Title</span>
            {/* The title comes first: a writer names the brief before anything else (focus lands here on Ctrl+N). */}
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Untitled brief" data-autofocus />
          </label>
          <fieldset className="template-choice">
            <legend>Template</legend>
            {TEMPLATE_CHOICES.map((t) => (
              <label key={t.id} className="template-option">
                <input type="radio" name="template" value={t.id} checked={template === t.id} onChange={() => setTemplate(t.id)} />
                <span>
                  <strong>{t.label}</strong>
                  <span className="hint small"> — {t.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary">
            Create brief
          </button>
        </form>
        <div className="start-open">
          <h3>Examples</h3>
          <ul aria-label="Example briefs">
            {examples.map((x) => (
              <li key={x.exampleId}>
                <button type="button" onClick={() => onOpenExample(x.exampleId)} aria-label={`Open a copy of the example “${x.title}”`}>
                  {x.title}
                </button>
                <span className="hint small"> {TEMPLATE_CHOICES.find((t) => t.id === x.template)?.label}</span>
              </li>
            ))}
          </ul>
          <h3>Recent</h3>
          {recent.length === 0 ? (
            <p className="hint small">Briefs you open or save appear here.</p>
          ) : (
            <ul aria-label="Recent briefs">
              {recent.map((r) => (
                <li key={r.recentId}>
                  <button type="button" onClick={() => onOpenRecent(r.recentId)}>
                    {r.displayName}
                  </button>
                  <span className="hint small"> in {r.folder}</span>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={onOpenFile}>
            Open a file…
          </button>
        </div>
      </div>
      <label className="start-at-launch">
        <input
          type="checkbox"
          checked={atLaunch}
          onChange={(e) => {
            setAtLaunch(e.target.checked);
            setShowAtLaunch(e.target.checked);
          }}
        />
        Show this screen when Briefing Builder starts
      </label>
    </Modal>
  );
}
