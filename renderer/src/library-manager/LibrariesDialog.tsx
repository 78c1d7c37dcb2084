// The Libraries view: every mounted library with its counts, write access and problems; team folders added, removed, toggled.
import { useCallback, useEffect, useState } from 'react';
import type { LibrariesOverview, LibraryInfo } from '../../../shared/ipc/channels.js';
import { api } from '../api.js';
import { FactReviewsList } from './FactReviewsList.js';
import { Modal } from './Modal.js';

interface Props {
  /** Called after a change, so the library pane reloads what it lists. */
  onChanged(): void;
  onClose(): void;
}

const KIND_LABELS: Record<LibraryInfo['kind'], string> = { bundled: 'Bundled', personal: 'Personal', team: 'Team' };

export function LibrariesDialog({ onChanged, onClose }: Props) {
  const [overview, setOverview] = useState<LibrariesOverview | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => api().listLibraries().then(setOverview, (e: Error) => setMessage({ text: e.message, error: true })), []);
  useEffect(() => void refresh(), [refresh]);

  const act = async (work: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const text = await work();
      setMessage(text ? { text, error: false } : null);
      onChanged();
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  const add = () =>
    act(async () => {
      const r = await api().addTeamLibrary();
      if (r.status !== 'added') return null;
      const { name, problemCount, problems } = r.library;
      // A folder with bad files is still added (its good items load): say what is wrong in the same line.
      if (problemCount > 0) return `Added “${name}” (read-only) with ${problemCount} problem${problemCount === 1 ? '' : 's'}, first: ${problems[0]} — fix the files or remove the library.`;
      return `Added “${name}” (read-only; untick Read-only to allow edits).`;
    });

  return (
    <Modal title="Libraries" onClose={onClose} className="libraries-dialog">
      <p className="hint small">
        Libraries listed first win when two define the same id; such clashes are listed as problems. Your personal library is
        where new facts and sections go.
      </p>
      {overview?.notices.map((n) => (
        <p key={n} role="alert" className="error">{n}</p>
      ))}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'status done'}>
          {message.text}
        </p>
      )}
      {overview === null ? (
        <p className="hint">Loading…</p>
      ) : (
        <ul className="library-list" aria-label="Mounted libraries">
          {overview.libraries.map((l) => (
            <LibraryEntry
              key={l.id}
              library={l}
              busy={busy}
              onReadOnly={(readOnly) => act(async () => (await api().setTeamLibraryReadOnly(l.id, readOnly), null))}
              onRemove={() => act(async () => (await api().removeTeamLibrary(l.id), `Removed “${l.name}”. Its folder is untouched.`))}
            />
          ))}
        </ul>
      )}
      <FactReviewsList onChanged={onChanged} />
      <div className="form-actions">
        <button type="button" onClick={() => void add()} disabled={busy}>
          Add team library…
        </button>
        <button type="button" onClick={() => void act(async () => (await api().reloadLibraries(), 'Read all libraries again from their folders.'))} disabled={busy}>
          Reload from folders
        </button>
        <span className="spacer" />
        <button type="button" className="primary" onClick={onClose}>Done</button>
      </div>
    </Modal>
  );
}

interface EntryProps {
  library: LibraryInfo;
  busy: boolean;
  onReadOnly(readOnly: boolean): void;
  onRemove(): void;
}

function LibraryEntry({ library: l, busy, onReadOnly, onRemove }: EntryProps) {
  const headingId = `library-${l.id}`;
  return (
    <li className="library-entry">
      <div className="library-entry-head">
        <h3 id={headingId}>{l.name}</h3>
        <span className="badge">{KIND_LABELS[l.kind]}</span>
        <span className={`badge${l.readOnly ? '' : ' writable'}`}>{l.readOnly ? 'Read-only' : 'Read-write'}</span>
      </div>
      <p className="small library-counts">
        {l.sections} section{l.sections === 1 ? '' : 's'} · {l.facts} fact{l.facts === 1 ? '' : 's'}
        {l.kind === 'team' && <> · folder “{l.folder}”</>}
      </p>
      {l.problemCount > 0 ? (
        <details className="library-problems">
          <summary>
            {l.problemCount} problem{l.problemCount === 1 ? '' : 's'}
          </summary>
          <ul>
            {l.problems.map((p) => (
              <li key={p}><code>{p}</code></li>
            ))}
          </ul>
          {l.problemCount > l.problems.length && <p className="hint small">…and {l.problemCount - l.problems.length} more (the command <code>briefing check</code> lists them all).</p>}
        </details>
      ) : (
        <p className="small status done">No problems</p>
      )}
      {l.kind === 'team' && (
        <div className="library-actions">
          <label className="check">
            <input type="checkbox" checked={l.readOnly} disabled={busy} onChange={(e) => onReadOnly(e.target.checked)} />
            Read-only
          </label>
          <button type="button" onClick={onRemove} disabled={busy} aria-label={`Remove ${l.name}`}>
            Remove
          </button>
        </div>
      )}
    </li>
  );
}
