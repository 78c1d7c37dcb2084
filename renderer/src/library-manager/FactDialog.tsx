// "New fact" / "Edit fact": a form over a writable library (personal or a read-write team folder), with the library's
// own message, in plain words, next to each field; countries, technologies and topics picked by name; dates picked;
// closing with changes asks first.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { FactInput, FieldError } from '../../../shared/ipc/channels.js';
import type { Fact } from '../../../shared/model/library.js';
import { COUNTRY_OPTIONS, countryName, TECHNOLOGY_OPTIONS, technologyName, TOPIC_TAG_OPTIONS, topicTagName } from '../../../shared/model/names.js';
import { api } from '../api.js';
import { draftChanged, emptyFactDraft, factDraft, factInput, type FactDraft, type TagKey } from './drafts.js';
import { EXAMPLE_ID, idHint, plainFieldErrors, suggestId } from './formWording.js';
import { badDateFields, DateField, DiscardConfirm, draftTextFields, ErrorSummary, FormActions, SaveTargetField, useDiscardGuard, type TextFieldSpec } from './FormParts.js';
import { targetPhrase, type SaveTarget } from './saveTargets.js';
import { Modal } from './Modal.js';
import { TagPicker } from './TagPicker.js';
import { useSaveAction } from './useSaveAction.js';

interface Props {
  /** The fact to edit; a new fact when absent. */
  fact?: Fact;
  /** The libraries a new fact may go to (personal first); an edited fact stays in `libraryId`. */
  targets: readonly SaveTarget[];
  /** The library of the fact being edited. */
  libraryId?: string;
  onDone(message: string): void;
  onClose(): void;
  /** A new fact prefilled from this one (its id replaced by `copyOf.id`'s suggestion): "Edit a personal copy". */
  copyOf?: Fact;
  /** Told what a new fact was saved as (the brief then cites the copy). */
  onSaved?(input: FactInput): void;
}

type Text = TextFieldSpec<Exclude<keyof FactDraft, TagKey>>;
const SOURCE: Text[] = [
  { key: 'sourceTitle', label: 'Source title', field: 'source.title' },
  { key: 'sourcePublisher', label: 'Publisher', field: 'source.publisher' },
];
type DateKey = 'asOf' | 'reviewBy' | 'sourceDate';

export function FactDialog({ fact, targets, libraryId, onDone, onClose, copyOf, onSaved }: Props) {
  const editing = fact !== undefined;
  const start = useMemo(() => (fact ? factDraft(fact) : copyOf ? factDraft(copyOf) : emptyFactDraft()), [fact, copyOf]);
  const [draft, setDraft] = useState<FactDraft>(start);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useSaveAction();
  const [target, setTarget] = useState(libraryId ?? targets[0]?.id ?? 'personal');
  const where = targetPhrase(targets.find((t) => t.id === target));
  const formRef = useRef<HTMLFormElement>(null);
  const guard = useDiscardGuard(draftChanged(start, draft), onClose);
  const suggested = editing ? '' : suggestId(draft.statement);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const built = factInput(draft, formRef.current ? badDateFields(formRef.current) : []);
    if ('errors' in built) return setErrors(built.errors);
    void run(async () => {
      const r = await api().saveLibraryFact(built.input, target);
      if (r.ok) {
        onSaved?.(built.input);
        return onDone(`Fact “${built.input.id}” saved to ${where}.`);
      }
      setErrors(plainFieldErrors(r.errors, built.input, 'fact', suggested));
    });
  };
  const remove = () =>
    void run(async () => {
      const r = await api().deleteLibraryFact(fact!.id, target);
      onDone(r.deleted ? `Fact “${fact!.id}” deleted from ${where}.` : `Fact “${fact!.id}” was already gone.`);
    });

  const input = draftTextFields<Text['key'], FactDraft>(draft, setDraft, errors);
  const date = (key: DateKey, label: string, field: string) => (
    <DateField key={key} label={label} field={field} value={draft[key]} onChange={(v) => setDraft({ ...draft, [key]: v })} errors={errors} />
  );
  const tags = (key: TagKey) => (next: string[]) => setDraft({ ...draft, [key]: next });
  const reviewRule = errors.filter((e) => e.field === 'review');

  const useSuggestion =
    !editing && suggested && draft.id.trim() === '' ? (
      <button type="button" className="link" onClick={() => setDraft({ ...draft, id: suggested })}>
        Use “{suggested}”
      </button>
    ) : null;

  return (
    <Modal title={editing ? `Edit fact ${fact.id}` : copyOf ? 'Personal copy of a fact' : 'New fact'} onClose={guard.requestClose} className="item-form">
      <form ref={formRef} onSubmit={submit} noValidate aria-label={editing ? 'Edit fact' : copyOf ? 'Personal copy of a fact' : 'New fact'}>
        <ErrorSummary what="The fact" errors={errors} failure={failure} />
        {!editing && <SaveTargetField targets={targets} value={target} onChange={setTarget} />}
        {input({ key: 'statement', label: 'Statement', field: 'statement', rows: 3 })}
        {input(
          editing
            ? { key: 'id', label: 'Id', field: 'id', hint: 'the id of a saved fact stays the same' }
            : { key: 'id', label: 'Id', field: 'id', hint: idHint('fact', suggested), placeholder: suggested || EXAMPLE_ID.fact, extra: useSuggestion },
          editing,
        )}
        <div className="field-row">
          {input({ key: 'value', label: 'Value (optional)', field: 'value' })}
          {input({ key: 'unit', label: 'Unit (optional)', field: 'unit' })}
        </div>
        {date('asOf', 'As of', 'asOf')}
        <fieldset>
          <legend>Review</legend>
          <div className="field-row">
            {date('reviewBy', 'Review by', 'review.by')}
            {input({ key: 'reviewDays', label: 'or after (days)', field: 'review.maxAgeDays' })}
          </div>
          {reviewRule.length > 0 && <p className="field-error">{reviewRule.map((e) => e.message).join(' ')}</p>}
        </fieldset>
        <fieldset>
          <legend>Source</legend>
          {SOURCE.map((t) => input(t))}
          {date('sourceDate', 'Source date', 'source.date')}
          {input({ key: 'sourceUrl', label: 'Source URL', field: 'source.url', hint: 'https://…' })}
        </fieldset>
        <fieldset>
          <legend>Tags</legend>
          <TagPicker legend="Countries" field="tags.countries" errors={errors} options={COUNTRY_OPTIONS} value={draft.countries} onChange={tags('countries')} nameOf={countryName} noun="country" />
          <TagPicker legend="Technologies" field="tags.technologies" errors={errors} options={TECHNOLOGY_OPTIONS} value={draft.technologies} onChange={tags('technologies')} nameOf={technologyName} noun="technology" />
          <TagPicker legend="Topics" field="tags.topics" errors={errors} options={TOPIC_TAG_OPTIONS} value={draft.topics} onChange={tags('topics')} nameOf={topicTagName} noun="topic" free />
        </fieldset>
        {input({ key: 'marking', label: 'Marking (optional)', field: 'marking', hint: 'e.g. U or CUI' })}
        <FormActions noun="fact" editing={editing} busy={busy} onDelete={remove} onCancel={guard.requestClose} />
      </form>
      {guard.asking && <DiscardConfirm noun="fact" onDiscard={guard.discard} onKeep={guard.keep} />}
    </Modal>
  );
}
