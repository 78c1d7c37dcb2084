// Review of a linked section's library update: the old and new text as a line diff, then accept or keep the brief's copy.
import type { SectionUpdate } from '../../../shared/brief-changes.js';
import { Modal } from '../library-manager/Modal.js';
import { lineDiff } from './lineDiff.js';

interface Props {
  update: SectionUpdate;
  onAccept(): void;
  onKeep(): void;
}

// Words as well as colour and strike-through, so the change reads without seeing colour.
const MARK = { same: '', removed: 'Removed', added: 'Added' } as const;

export function SectionUpdateDialog({ update, onAccept, onKeep }: Props) {
  const titleChanged = update.old.title !== update.new.title;
  const lines = lineDiff(update.old.body, update.new.body);
  return (
    <Modal title={`Library update for “${update.old.title}”`} onClose={onKeep} className="section-update-dialog">
      <p>
        Your brief has revision {update.fromRevision}; the library now has revision {update.toRevision}. Nothing changes unless you accept.
      </p>
      {titleChanged && (
        <p className="diff-title">
          Title was <del>{update.old.title}</del>, now <ins>{update.new.title}</ins>
        </p>
      )}
      <ol className="line-diff" aria-label="Changes to the section text">
        {lines.map((l, i) => (
          <li key={i} className={`diff-line ${l.kind}`}>
            <span className="diff-mark">{l.kind === 'same' ? '' : `${MARK[l.kind]}:`}</span>
            {l.kind === 'removed' ? <del>{l.text || ' '}</del> : l.kind === 'added' ? <ins>{l.text || ' '}</ins> : <span>{l.text || ' '}</span>}
          </li>
        ))}
      </ol>
      <div className="modal-actions">
        <button type="button" onClick={onKeep}>Keep mine</button>
        <button type="button" className="primary" onClick={onAccept}>Accept update</button>
      </div>
    </Modal>
  );
}
