// "New section" / "Edit section": title, topic, tags and Markdown body, saved to a writable library (personal or a read-write team folder).
import { useEffect, useState, type FormEvent } from 'react';
import type { FieldError } from '../../../shared/ipc/channels.js';
import { TOPICS, type Topic } from '../../../shared/model/library.js';
import { api } from '../api.js';
import { TOPIC_LABELS } from '../library-pane/topics.js';
import { emptySectionDraft, keptSectionFields, sectionDraft, sectionInput, type KeptSectionFields, type SectionDraft } from './drafts.js';
import { FormField } from './FormField.js';
import { draftTextFields, ErrorSummary, FormActions, SaveTargetField, type TextFieldSpec } from './FormParts.js';
import { targetPhrase, type SaveTarget } from './saveTargets.js';
import { Modal } from './Modal.js';
import { useSaveAction } from './useSaveAction.js';

interface Props {
  /** The id of the section to edit; a new section when absent. */
  sectionId?: string;
  /** The libraries a new section may go to (personal first); an edited section stays in `libraryId`. */
  targets: readonly SaveTarget[];
  /** The library of the section being edited. */
  libraryId?: string;
  onDone(message: string): void;
  onClose(): void;
}

type Text = TextFieldSpec<Exclude<keyof SectionDraft, 'topic'>>;
const TAGS: Text[] = [
  { key: 'technologies', label: 'Technologies', field: 'tags.technologies', hint: 'ids, comma-separated' },
  { key: 'countries', label: 'Countries', field: 'tags.countries', hint: 'ids, comma-separated' },
  { key: 'topics', label: 'Topic tags', field: 'tags.topics', hint: 'free words, comma-separated' },
];
const SHOWN = ['id', 'title', 'topic', 'summary', 'marking', 'body', ...TAGS.map((t) => t.field)];

export function SectionDialog({ sectionId, targets, libraryId, onDone, onClose }: Props) {
  const editing = sectionId !== undefined;
  const [draft, setDraft] = useState<SectionDraft | null>(editing ? null : emptySectionDraft());
  const [kept, setKept] = useState<KeptSectionFields>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, setFailure, run } = useSaveAction();
  const [target, setTarget] = useState(libraryId ?? targets[0]?.id ?? 'personal');
  const where = targetPhrase(targets.find((t) => t.id === target));

  useEffect(() => {
    if (!sectionId) return;
    api()
      .editableSection(sectionId, target)
      .then(
        (s) => {
          if (!s) return setFailure(`section “${sectionId}” is not in ${where} any more`);
          setDraft(sectionDraft(s.meta, s.body));
          setKept(keptSectionFields(s.meta));
        },
        (e: Error) => setFailure(e.message),
      );
  }, [sectionId, target]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const meta = sectionInput(draft, kept);
    void run(async () => {
      const r = await api().saveLibrarySection(meta, draft.body, target);
      if (r.ok) return onDone(`Section “${meta.title}” saved to ${where}.`);
      setErrors(r.errors);
    });
  };
  const remove = () =>
    void run(async () => {
      const r = await api().deleteLibrarySection(sectionId!, target);
      onDone(r.deleted ? `Section “${sectionId}” deleted from ${where}.` : `Section “${sectionId}” was already gone.`);
    });

  const title = editing ? `Edit section ${sectionId}` : 'New section';
  if (!draft) {
    return (
      <Modal title={title} onClose={onClose} className="item-form">
        <p className={failure ? 'error' : 'hint'} role={failure ? 'alert' : undefined}>{failure ?? 'Loading…'}</p>
      </Modal>
    );
  }
  const input = draftTextFields<Text['key'], SectionDraft>(draft, setDraft, errors);

  return (
    <Modal title={title} onClose={onClose} className="item-form">
      <form onSubmit={submit} noValidate aria-label={title}>
        <ErrorSummary what="The section" errors={errors} failure={failure} shownFields={SHOWN} />
        {!editing && <SaveTargetField targets={targets} value={target} onChange={setTarget} />}
        {input({ key: 'id', label: 'Id', field: 'id', hint: editing ? 'the id of a saved section stays the same' : 'lowercase letters, digits and hyphens' }, editing)}
        {input({ key: 'title', label: 'Title', field: 'title' })}
        <FormField label="Topic" field="topic" errors={errors}>
          {(p) => (
            <select {...p} value={draft.topic} onChange={(e) => setDraft({ ...draft, topic: e.target.value as Topic })}>
              {TOPICS.map((t) => (
                <option key={t} value={t}>{TOPIC_LABELS[t]}</option>
              ))}
            </select>
          )}
        </FormField>
        {input({ key: 'summary', label: 'Summary (optional)', field: 'summary' })}
        <fieldset>
          <legend>Tags</legend>
          {TAGS.map((t) => input(t))}
        </fieldset>
        {input({ key: 'marking', label: 'Marking (optional)', field: 'marking', hint: 'e.g. U or CUI' })}
        {input({ key: 'body', label: 'Text (Markdown)', field: 'body', hint: 'cite a fact with {{cite:fact-id}}', rows: 10 })}
        <FormActions noun="section" editing={editing} busy={busy} onDelete={remove} onCancel={onClose} />
      </form>
    </Modal>
  );
}
