// Brief settings: template, title, dates, authors, paper, marking profile, memo header and variables.
import { useState } from 'react';
import { MarkingSettings } from './MarkingSettings.js';
import { useMarkingProfiles } from './useMarkingProfiles.js';
import { TEMPLATE_IDS, type Brief, type BriefMeta, type MemoHeader, type PaperSize, type TemplateId } from '../../../shared/model/brief.js';

export const TEMPLATE_LABELS: Record<TemplateId, string> = {
  'issue-brief': 'Issue brief',
  'decision-memo': 'Decision memo',
  'one-pager': 'One-pager',
};

interface Props {
  brief: Brief;
  /** coalesceKey merges typing in one field into a single undo step. */
  onChange(next: Brief, coalesceKey: string): void;
}

const EMPTY_MEMO: MemoHeader = { for: [], from: '', subject: '' };
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

export function BriefSettings({ brief, onChange }: Props) {
  const meta = brief.meta;
  const memo = meta.memo ?? EMPTY_MEMO;
  const setMeta = (patch: Partial<BriefMeta>, field: string) => onChange({ ...brief, meta: { ...meta, ...patch } }, `meta:${field}`);
  const setMemo = (patch: Partial<MemoHeader>, field: string) => setMeta({ memo: { ...memo, ...patch } }, `memo:${field}`);
  const setVariables = (variables: Record<string, string>, field: string) => onChange({ ...brief, variables }, `var:${field}`);
  const [newVar, setNewVar] = useState('');
  const profiles = useMarkingProfiles();
  const varNameOk = /^[A-Za-z][\w.]*$/.test(newVar) && !(newVar in brief.variables);

  return (
    <form className="settings" aria-label="Brief settings" onSubmit={(e) => e.preventDefault()}>
      <div className="field-row">
        <label className="field">
          <span>Template</span>
          <select value={meta.template} onChange={(e) => setMeta({ template: e.target.value as TemplateId }, 'template')}>
            {TEMPLATE_IDS.map((t) => (
              <option key={t} value={t}>{TEMPLATE_LABELS[t]}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Paper</span>
          <select value={meta.paper} onChange={(e) => setMeta({ paper: e.target.value as PaperSize }, 'paper')}>
            <option value="letter">US Letter</option>
            <option value="a4">A4</option>
          </select>
        </label>
      </div>
      <label className="field">
        <span>Title</span>
        <input value={meta.title} onChange={(e) => setMeta({ title: e.target.value }, 'title')} aria-invalid={!meta.title.trim()} />
      </label>
      <label className="field">
        <span>Subtitle</span>
        <input value={meta.subtitle ?? ''} onChange={(e) => setMeta({ subtitle: e.target.value || undefined }, 'subtitle')} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Date</span>
          <input type="date" value={meta.date} onChange={(e) => e.target.value && setMeta({ date: e.target.value }, 'date')} />
        </label>
      </div>
      <MarkingSettings meta={meta} profiles={profiles} setMeta={setMeta} />
      <label className="field">
        <span>Authors (one per line)</span>
        <textarea rows={2} value={meta.authors.join('\n')} onChange={(e) => setMeta({ authors: lines(e.target.value) }, 'authors')} />
      </label>

      {meta.template === 'decision-memo' && (
        <fieldset className="memo">
          <legend>Memo header</legend>
          <label className="field">
            <span>Memorandum for (one addressee per line)</span>
            <textarea rows={3} value={memo.for.join('\n')} onChange={(e) => setMemo({ for: lines(e.target.value) }, 'for')} />
          </label>
          <label className="field">
            <span>From</span>
            <input value={memo.from} onChange={(e) => setMemo({ from: e.target.value }, 'from')} />
          </label>
          <label className="field">
            <span>Subject (no acronyms)</span>
            <input value={memo.subject} onChange={(e) => setMemo({ subject: e.target.value }, 'subject')} />
          </label>
          <label className="field">
            <span>Prepared by</span>
            <input value={memo.preparedBy ?? ''} onChange={(e) => setMemo({ preparedBy: e.target.value || undefined }, 'preparedBy')} />
          </label>
          <label className="field">
            <span>Attachments</span>
            <input value={memo.attachments ?? ''} onChange={(e) => setMemo({ attachments: e.target.value || undefined }, 'attachments')} />
          </label>
        </fieldset>
      )}

      <fieldset className="variables">
        <legend>Variables</legend>
        {Object.keys(brief.variables).length === 0 && <p className="hint small">Sections fill {'{{var:NAME}}'} from here.</p>}
        {Object.entries(brief.variables).map(([name, value]) => (
          <div key={name} className="variable-row">
            <label className="field">
              <span>{name}</span>
              <input value={value} onChange={(e) => setVariables({ ...brief.variables, [name]: e.target.value }, name)} />
            </label>
            <button
              type="button"
              aria-label={`Remove variable ${name}`}
              onClick={() => {
                const rest = { ...brief.variables };
                delete rest[name];
                onChange({ ...brief, variables: rest }, `var-remove:${name}`);
              }}
            >
              ✕
            </button>
          </div>
        ))}
        <div className="variable-row">
          <label className="field">
            <span>New variable name</span>
            <input value={newVar} onChange={(e) => setNewVar(e.target.value.trim())} placeholder="e.g. country" />
          </label>
          <button
            type="button"
            disabled={!varNameOk}
            onClick={() => {
              onChange({ ...brief, variables: { ...brief.variables, [newVar]: '' } }, `var-add:${newVar}`);
              setNewVar('');
            }}
          >
            Add variable
          </button>
        </div>
      </fieldset>
    </form>
  );
}
