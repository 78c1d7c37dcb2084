// "Export releasable copy…": the level a copy may hold and the countries it goes to; preview it, or export it.
import { useState } from 'react';
import type { ReleaseArgs } from '../../../shared/ipc/channels.js';
import type { MarkingProfile } from '../../../shared/markings/profile.js';
import { parseRelease } from '../../../shared/markings/release.js';
import { Modal } from '../library-manager/Modal.js';

interface Props {
  profile: MarkingProfile;
  initial: ReleaseArgs | null;
  onPreview(release: ReleaseArgs): void;
  onExport(release: ReleaseArgs): void;
  onClose(): void;
}

export function ReleaseDialog({ profile, initial, onPreview, onExport, onClose }: Props) {
  const [level, setLevel] = useState(initial?.level ?? profile.levels[Math.max(0, profile.levels.length - 2)]!.id);
  const [countries, setCountries] = useState((initial?.relTo ?? []).join(', '));
  const hasCountries = profile.controls.some((c) => c.countries);
  const parsed = parseRelease(profile, level, countries ? [countries] : []);
  const release: ReleaseArgs | null = parsed.ok ? { level: parsed.target.level, ...(parsed.target.relTo ? { relTo: parsed.target.relTo } : {}) } : null;
  return (
    <Modal title="Export releasable copy" onClose={onClose}>
      <p className="hint small">
        The copy leaves out every section, paragraph, list item, table and note above the level, or not releasable to the countries. What it leaves out is not in the file at all; its banners, contents and notes are recomputed.
      </p>
      <label className="field">
        <span>Highest level</span>
        <select value={level} onChange={(e) => setLevel(e.target.value)}>
          {profile.levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.banner}
            </option>
          ))}
        </select>
      </label>
      {hasCountries && (
        <label className="field">
          <span>Releasable to (country codes, optional)</span>
          <input value={countries} placeholder="e.g. GBR, AUS" onChange={(e) => setCountries(e.target.value)} aria-invalid={!parsed.ok ? true : undefined} aria-describedby="release-error" />
        </label>
      )}
      <p id="release-error" className="field-error" role={parsed.ok ? undefined : 'alert'}>
        {parsed.ok ? '' : parsed.message}
      </p>
      <div className="form-actions">
        <button type="button" disabled={!release} onClick={() => release && onPreview(release)}>
          Preview copy
        </button>
        <button type="button" className="primary" disabled={!release} onClick={() => release && onExport(release)}>
          Export copy…
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
