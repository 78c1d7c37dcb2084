// "New fact" / "Edit fact": a form over a writable library (personal or a read-write team folder), with the library's own message next to each field.
import { useState, type FormEvent } from 'react';
import type { FieldError } from '../../../shared/ipc/channels.js';
import type { Fact } from '../../../shared/model/library.js';
import { api } from '../api.js';
import { emptyFactDraft, factDraft, factInput, type FactDraft } from './drafts.js';
import { draftTextFields, ErrorSummary, FormActions, SaveTargetField, type TextFieldSpec } from './FormParts.js';
import { targetPhrase, type SaveTarget } from './saveTargets.js';
import { Modal } from './Modal.js';
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
}

type Text = TextFieldSpec<keyof FactDraft>;
const SOURCE: Text[] = [
  { key: 'sourceTitle', label: 'Source title', field: 'source.title' },
  { key: 'sourcePublisher', label: 'Publisher', field: 'source.publisher' },
  { key: 'sourceDate', label: 'Source date', field: 'source.date', hint: 'YYYY-MM-DD' },
  { key: 'sourceUrl', label: 'Source URL', field: 'source.url', hint: 'https://…' },
];
const TAGS: Text[] = [
  { key: 'technologies', label: 'Technologies', field: 'tags.technologies', hint: 'ids, comma-separated (e.g. semiconductors)' },
  { key: 'countries', label: 'Countries', field: 'tags.countries', hint: 'ids, comma-separated (e.g. japan)' },
  { key: 'topics', label: 'Topics', field: 'tags.topics', hint: 'comma-separated' },
];
const SHOWN = ['id', 'statement', 'value', 'unit', 'asOf', 'review', 'marking', ...SOURCE.map((t) => t.field), ...TAGS.map((t) => t.field)];

export function FactDialog({ fact, targets, libraryId, onDone, onClose }: Props) {
  const editing = fact !== undefined;
  const [draft, setDraft] = useState<FactDraft>(() => (fact ? factDraft(fact) : emptyFactDraft()));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useSaveAction();
  const [target, setTarget] = useState(libraryId ?? targets[0]?.id ?? 'personal');
  const where = targetPhrase(targets.find((t) => t.id === target));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const built = factInput(draft);
    if ('errors' in built) return setErrors(built.errors);
    void run(async () => {
      const r = await api().saveLibraryFact(built.input, target);
      if (r.ok) return onDone(`Fact “${built.input.id}” saved to ${where}.`);
      setErrors(r.errors);
    });
  };
  const remove = () =>
    void run(async () => {
      const r = await api().deleteLibraryFact(fact!.id, target);
      onDone(r.deleted ? `Fact “${fact!.id}” deleted from ${where}.` : `Fact “${fact!.id}” was already gone.`);
    });

  const input = draftTextFields<Text['key'], FactDraft>(draft, setDraft, errors);
  const reviewRule = errors.filter((e) => e.field === 'review');

  return (
    <Modal title={editing ? `Edit fact ${fact.id}` : 'New fact'} onClose={onClose} className="item-form">
      <form onSubmit={submit} noValidate aria-label={editing ? 'Edit fact' : 'New fact'}>
        <ErrorSummary what="The fact" errors={errors} failure={failure} shownFields={SHOWN} />
        {!editing && <SaveTargetField targets={targets} value={target} onChange={setTarget} />}
        {input({ key: 'id', label: 'Id', field: 'id', hint: editing ? 'the id of a saved fact stays the same' : 'lowercase letters, digits and hyphens; briefs cite it' }, editing)}
        {input({ key: 'statement', label: 'Statement', field: 'statement', rows: 3 })}
        <div className="field-row">
          {input({ key: 'value', label: 'Value (optional)', field: 'value' })}
          {input({ key: 'unit', label: 'Unit (optional)', field: 'unit' })}
        </div>
        {input({ key: 'asOf', label: 'As of', field: 'asOf', hint: 'YYYY-MM-DD or YYYY-MM' })}
        <fieldset>
          <legend>Review</legend>
          <div className="field-row">
            {input({ key: 'reviewBy', label: 'Review by', field: 'review.by', hint: 'YYYY-MM-DD' })}
            {input({ key: 'reviewDays', label: 'or after (days)', field: 'review.maxAgeDays' })}
          </div>
          {reviewRule.length > 0 && <p className="field-error">{reviewRule.map((e) => e.message).join('; ')}</p>}
        </fieldset>
        <fieldset>
          <legend>Source</legend>
          {SOURCE.map((t) => input(t))}
        </fieldset>
        <fieldset>
          <legend>Tags</legend>
          {TAGS.map((t) => input(t))}
        </fieldset>
        {input({ key: 'marking', label: 'Marking (optional)', field: 'marking', hint: 'e.g. U or CUI' })}
        <FormActions noun="fact" editing={editing} busy={busy} onDelete={remove} onCancel={onClose} />
      </form>
    </Modal>
  );
}
