// The marking picker of a section: a level and the controls the profile allows at it, written as canonical portion text.
import { useEffect, useState } from 'react';
import { levelIndex, parseMarking, portionText, type Marking } from '../../../shared/markings/marking.js';
import type { MarkingProfile } from '../../../shared/markings/profile.js';

interface Props {
  profile: MarkingProfile;
  sectionTitle: string;
  /** The section's marking as stored (portion text), or undefined when it has none. */
  value: string | undefined;
  onChange(marking: string | undefined): void;
}

/** Where an 'unmarked-portion' or 'unknown-marking' error's "Go to" lands. */
export const MARKING_PICKER_ID = 'section-marking-level';

export function MarkingPicker({ profile, sectionTitle, value, onChange }: Props) {
  const parsed = value === undefined ? undefined : parseMarking(profile, value);
  const marking: Marking | undefined = parsed?.ok ? parsed.marking : undefined;
  const relControl = profile.controls.find((c) => c.countries);
  const relNow = marking?.controls.find((c) => c.id === relControl?.id)?.countries?.join(', ') ?? '';
  const [countries, setCountries] = useState(relNow);
  useEffect(() => setCountries(relNow), [relNow]);
  const [error, setError] = useState<string | null>(null);

  const write = (m: Marking) => {
    const text = portionText(profile, m);
    const check = parseMarking(profile, text);
    if (!check.ok) return setError(check.message);
    setError(null);
    onChange(portionText(profile, check.marking));
  };
  const allowed = (minLevel: string | undefined, level: string) => minLevel === undefined || levelIndex(profile, level) >= levelIndex(profile, minLevel);
  const excluded = (id: string) =>
    !!marking &&
    profile.rules.some((r) => 'exclusive' in r && r.exclusive.includes(id) && r.exclusive.some((o) => o !== id && marking.controls.some((c) => c.id === o)));

  return (
    <fieldset className="marking-picker">
      <legend>Marking of “{sectionTitle}”</legend>
      <label className="field">
        <span>Level</span>
        <select
          id={MARKING_PICKER_ID}
          value={marking?.level ?? ''}
          aria-invalid={!marking ? true : undefined}
          onChange={(e) => {
            const level = e.target.value;
            if (!level) return onChange(undefined);
            // Controls the new level does not allow are dropped with the change.
            write({ level, controls: (marking?.controls ?? []).filter((c) => allowed(profile.controls.find((x) => x.id === c.id)?.minLevel, level)) });
          }}
        >
          <option value="">{value !== undefined && !marking ? `Not known: ${value}` : 'Not marked'}</option>
          {profile.levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.banner} ({l.portion})
            </option>
          ))}
        </select>
      </label>
      {marking &&
        profile.controls
          .filter((c) => allowed(c.minLevel, marking.level))
          .map((c) => {
            const on = marking.controls.some((x) => x.id === c.id);
            return (
              <label className="check" key={c.id}>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={!on && excluded(c.id)}
                  onChange={(e) => {
                    const rest = marking.controls.filter((x) => x.id !== c.id);
                    if (!e.target.checked) return write({ ...marking, controls: rest });
                    if (c.countries) {
                      const list = countries.split(/[\s,]+/).filter(Boolean);
                      if (list.length === 0) return setError(`Type the country codes for ${c.portion} first, e.g. GBR, AUS`);
                      return write({ ...marking, controls: [...rest, { id: c.id, countries: list.map((x) => x.toUpperCase()) }] });
                    }
                    write({ ...marking, controls: [...rest, { id: c.id }] });
                  }}
                />{' '}
                {c.banner}
              </label>
            );
          })}
      {marking && relControl && allowed(relControl.minLevel, marking.level) && (
        <label className="field">
          <span>{relControl.banner} countries</span>
          <input
            value={countries}
            placeholder="e.g. GBR, AUS"
            onChange={(e) => setCountries(e.target.value)}
            onBlur={() => {
              const list = countries.split(/[\s,]+/).filter(Boolean).map((x) => x.toUpperCase());
              if (!marking.controls.some((c) => c.id === relControl.id)) return;
              const rest = marking.controls.filter((x) => x.id !== relControl.id);
              write({ ...marking, controls: list.length ? [...rest, { id: relControl.id, countries: list }] : rest });
            }}
          />
        </label>
      )}
      <output className="badge" aria-label="Portion mark">{marking ? `(${portionText(profile, marking)})` : 'Unmarked'}</output>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
