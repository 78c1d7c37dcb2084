// The section editor's region: the selected section's title, whether it follows the library, and its text.
import type { RefObject } from 'react';
import type { FactSummary, SearchHit } from '../../../shared/ipc/channels.js';
import type { BriefSection } from '../../../shared/model/brief.js';
import type { MarkingProfile } from '../../../shared/markings/profile.js';
import { MarkingPicker } from './MarkingPicker.js';
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
  /** The brief's marking profile; no picker without one. */
  profile: MarkingProfile | undefined;
  onMarkingChange(marking: string | undefined): void;
}

export function EditorRegion({ section, session, handle, facts, variables, search, onBodyChange, profile, onMarkingChange }: Props) {
  return (
    <div className="editor-region" aria-label="Section editor" role="region">
      {section ? (
        <>
          <div className="editor-head">
            <h3>{section.title}</h3>
            {section.kind === 'linked' ? (
              <span className="badge linked">Linked to library · editing makes an edited copy</span>
            ) : (
              <span className="badge detached">{section.fromSectionId ? `Edited copy of “${section.fromSectionId}” — no longer follows the library` : 'Own text'}</span>
            )}
          </div>
          {profile && <MarkingPicker profile={profile} sectionTitle={section.title} value={section.marking} onChange={onMarkingChange} />}
          <SectionEditor key={session} handle={handle} section={section} facts={facts} variables={variables} search={search} onBodyChange={onBodyChange} />
        </>
      ) : (
        <p className="hint">Choose a section in the outline to edit its text.</p>
      )}
    </div>
  );
}
