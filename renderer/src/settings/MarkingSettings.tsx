// Settings for markings: the profile, and the fields of its authority or designation block with their format checks.
import { checkFields } from '../../../shared/markings/block.js';
import { NO_MARKING_PROFILE, type MarkingProfile } from '../../../shared/markings/profile.js';
import type { BriefMeta } from '../../../shared/model/brief.js';

interface Props {
  meta: BriefMeta;
  profiles: MarkingProfile[];
  setMeta(patch: Partial<BriefMeta>, field: string): void;
}

/** Where a 'marking-field' error's "Go to" lands: the field's input. */
export const markingFieldId = (name: string) => `marking-field-${name}`;

export function MarkingSettings({ meta, profiles, setMeta }: Props) {
  const known = profiles.some((p) => p.id === meta.marking) || meta.marking === NO_MARKING_PROFILE.id;
  const profile = profiles.find((p) => p.id === meta.marking);
  const values = meta.markingFields ?? {};
  const problems = profile ? checkFields(profile, values) : [];
  const setField = (name: string, value: string) => setMeta({ markingFields: { ...values, [name]: value } }, `marking-field:${name}`);
  return (
    <fieldset className="markings">
      <legend>Markings</legend>
      <label className="field">
        <span>Marking profile</span>
        <select value={meta.marking} onChange={(e) => setMeta({ marking: e.target.value }, 'marking')}>
          <option value={NO_MARKING_PROFILE.id}>{NO_MARKING_PROFILE.name}</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          {!known && <option value={meta.marking}>{meta.marking} (not provided by any library)</option>}
        </select>
      </label>
      {profile?.note && <p className="hint small">{profile.note}</p>}
      <p className="hint small">Briefing Builder formats markings; it does not make a computer fit to hold classified information.</p>
      {profile?.block?.fields.map((f) => {
        const problem = problems.find((p) => p.field.name === f.name && (values[f.name] ?? '').trim() !== '');
        const hintId = `${markingFieldId(f.name)}-hint`;
        return (
          <label className="field" key={f.name}>
            <span>{f.label}</span>
            <input
              id={markingFieldId(f.name)}
              value={values[f.name] ?? ''}
              onChange={(e) => setField(f.name, e.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={hintId}
            />
            <small id={hintId} className={problem ? 'field-error' : 'hint small'}>
              {problem ? problem.message : f.hint}
            </small>
          </label>
        );
      })}
    </fieldset>
  );
}
