// "New section" / "Edit section": title, topic, tags and Markdown body, saved to a writable library (personal or a
// read-write team folder); tags picked by name, messages in plain words, closing with changes asks first.
import { useEffect, useState, type FormEvent } from 'react';
import type { FieldError } from '../../../shared/ipc/channels.js';
import { TOPICS, type Topic } from '../../../shared/model/library.js';
import { COUNTRY_OPTIONS, countryName, TECHNOLOGY_OPTIONS, technologyName, TOPIC_TAG_OPTIONS, topicTagName } from '../../../shared/model/names.js';
import { api } from '../api.js';
import { TOPIC_LABELS } from '../library-pane/topics.js';
import { draftChanged, emptySectionDraft, keptSectionFields, sectionDraft, sectionInput, type KeptSectionFields, type SectionDraft, type TagKey } from './drafts.js';
import { FormField } from './FormField.js';
import { EXAMPLE_ID, idHint, plainFieldErrors, suggestId } from './formWording.js';
import { DiscardConfirm, draftTextFields, ErrorSummary, FormActions, SaveTargetField, useDiscardGuard, type TextFieldSpec } from './FormParts.js';
import { targetPhrase, type SaveTarget } from './saveTargets.js';
import { Modal } from './Modal.js';
import { TagPicker } from './TagPicker.js';
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

type Text = TextFieldSpec<Exclude<keyof SectionDraft, 'topic' | TagKey>>;

export function SectionDialog({ sectionId, targets, libraryId, onDone, onClose }: Props) {
  const editing = sectionId !== undefined;
  const [draft, setDraft] = useState<SectionDraft | null>(editing ? null : emptySectionDraft());
  // What the form started from (the loaded section, or the empty one): closing asks only when the draft differs.
  const [start, setStart] = useState<SectionDraft | null>(draft);
  const [kept, setKept] = useState<KeptSectionFields>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, setFailure, run } = useSaveAction();
  const [target, setTarget] = useState(libraryId ?? targets[0]?.id ?? 'personal');
  const where = targetPhrase(targets.find((t) => t.id === target));
  const guard = useDiscardGuard(draft !== null && start !== null && draftChanged(start, draft), onClose);
  const suggested = editing || !draft ? '' : suggestId(draft.title);

  useEffect(() => {
    if (!sectionId) return;
    api()
      .editableSection(sectionId, target)
      .then(
        (s) => {
          if (!s) return setFailure(`section “${sectionId}” is not in ${where} any more`);
          const loaded = sectionDraft(s.meta, s.body);
          setDraft(loaded);
          setStart(loaded);
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
      setErrors(plainFieldErrors(r.errors, { ...meta, body: draft.body }, 'section', suggested));
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
      <Modal title={title} onClose={guard.requestClose} className="item-form">
        <p className={failure ? 'error' : 'hint'} role={failure ? 'alert' : undefined}>{failure ?? 'Loading…'}</p>
      </Modal>
    );
  }
  const input = draftTextFields<Text['key'], SectionDraft>(draft, setDraft, errors);
  const tags = (key: TagKey) => (next: string[]) => setDraft({ ...draft, [key]: next });
  const useSuggestion =
    suggested && draft.id.trim() === '' ? (
      <button type="button" className="link" onClick={() => setDraft({ ...draft, id: suggested })}>
        Use “{suggested}”
      </button>
    ) : null;

  return (
    <Modal title={title} onClose={guard.requestClose} className="item-form">
      <form onSubmit={submit} noValidate aria-label={title}>
        <ErrorSummary what="The section" errors={errors} failure={failure} />
        {!editing && <SaveTargetField targets={targets} value={target} onChange={setTarget} />}
        {input({ key: 'title', label: 'Title', field: 'title' })}
        {input(
          editing
            ? { key: 'id', label: 'Id', field: 'id', hint: 'the id of a saved section stays the same' }
            : { key: 'id', label: 'Id', field: 'id', hint: idHint('section', suggested), placeholder: suggested || EXAMPLE_ID.section, extra: useSuggestion },
          editing,
        )}
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
          <TagPicker legend="Countries" field="tags.countries" errors={errors} options={COUNTRY_OPTIONS} value={draft.countries} onChange={tags('countries')} nameOf={countryName} noun="country" />
          <TagPicker legend="Technologies" field="tags.technologies" errors={errors} options={TECHNOLOGY_OPTIONS} value={draft.technologies} onChange={tags('technologies')} nameOf={technologyName} noun="technology" />
          <TagPicker legend="Topic tags" field="tags.topics" errors={errors} options={TOPIC_TAG_OPTIONS} value={draft.topics} onChange={tags('topics')} nameOf={topicTagName} noun="topic" free />
        </fieldset>
        {input({ key: 'marking', label: 'Marking (optional)', field: 'marking', hint: 'e.g. U or CUI' })}
        {input({ key: 'body', label: 'Text (Markdown)', field: 'body', hint: 'cite a fact with {{cite:fact-id}}', rows: 10 })}
        <FormActions noun="section" editing={editing} busy={busy} onDelete={remove} onCancel={guard.requestClose} />
      </form>
      {guard.asking && <DiscardConfirm noun="section" onDiscard={guard.discard} onKeep={guard.keep} />}
    </Modal>
  );
}
