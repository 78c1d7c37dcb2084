// The section editor's region: the selected section's title, whether it follows the library, and its text.
import { useMemo, type RefObject } from 'react';
import { countWords } from '../../../shared/text/word-count.js';
import type { FactSummary, SearchHit } from '../../../shared/ipc/channels.js';
import type { BriefSection, SectionStyle } from '../../../shared/model/brief.js';
import type { MarkingProfile } from '../../../shared/markings/profile.js';
import { MarkingPicker } from './MarkingPicker.js';
import { SpellToggle } from './SpellToggle.js';
import { SectionEditor, type SectionEditorHandle } from './SectionEditor.js';

interface Props {
  section: BriefSection | null;
  /** Changes when another section is opened: a fresh editor with its own text history. */
  session: number;
  handle: RefObject<SectionEditorHandle | null>;
  facts: ReadonlyMap<string, FactSummary>;
  variables: Record<string, string>;
  search(query: string): Promise<SearchHit[]>;
  onBodyChange(body: string): void;
  /** Renaming in this brief (a linked section becomes the brief's copy, as with its text). */
  onTitleChange(title: string): void;
  onStyleChange(style: SectionStyle): void;
  /** The brief's marking profile; no picker without one. */
  profile: MarkingProfile | undefined;
  onMarkingChange(marking: string | undefined): void;
  /** Every section's text, for the brief's word count. */
  allBodies: readonly string[];
}

export function EditorRegion({ section, session, handle, facts, variables, search, onBodyChange, onTitleChange, onStyleChange, profile, onMarkingChange, allBodies }: Props) {
  const briefWords = useMemo(() => allBodies.reduce((n, b) => n + countWords(b), 0), [allBodies]);
  const sectionWords = useMemo(() => (section ? countWords(section.body) : 0), [section]);
  return (
    <div className="editor-region" id="editor" tabIndex={-1} aria-label="Section editor" role="region">
      {section ? (
        <>
          <div className="editor-head">
            <label className="section-title-field">
              <span className="visually-hidden">Section title</span>
              <input value={section.title} onChange={(e) => onTitleChange(e.target.value)} placeholder="Untitled section" spellCheck />
            </label>
            <label className="section-style-field">
              <span>Set as</span>
              <select value={section.style} onChange={(e) => onStyleChange(e.target.value as SectionStyle)}>
                <option value="normal">Normal section</option>
                <option value="summary">Summary box</option>
              </select>
            </label>
            <span className={`badge ${section.kind}`}>{sectionStanding(section)}</span>
          </div>
          <p className="hint small word-count" aria-live="off">
            {plural(sectionWords, 'word')} in this section · {plural(briefWords, 'word')} in the brief
          </p>
          <SpellToggle />
          {profile && <MarkingPicker profile={profile} sectionTitle={section.title} value={section.marking} onChange={onMarkingChange} />}
          <SectionEditor key={session} handle={handle} section={section} facts={facts} variables={variables} search={search} onBodyChange={onBodyChange} />
        </>
      ) : (
        <p className="hint">Choose a section in the outline to edit its text.</p>
      )}
    </div>
  );
}

/** Where the section's text comes from, in words. */
export function sectionStanding(s: BriefSection): string {
  if (s.kind === 'linked') return 'Follows the library · editing its text or title makes your copy';
  return s.fromSectionId ? 'Your copy · no longer follows the library' : 'Only in this brief';
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
