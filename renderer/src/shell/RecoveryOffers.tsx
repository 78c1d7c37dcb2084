// Offers to restore work an earlier session left unsaved (after a crash or power cut), one banner per copy.
import type { RecoveryOffer } from '../../../shared/ipc/channels.js';

interface Props {
  offers: RecoveryOffer[];
  onRestore(offer: RecoveryOffer): void;
  onDiscard(offer: RecoveryOffer): void;
}

export function RecoveryOffers({ offers, onRestore, onDiscard }: Props) {
  if (offers.length === 0) return null;
  return (
    <section className="recovery" aria-label="Unsaved work from an earlier session">
      {offers.map((o) => (
        <div key={o.recoveryId} className="notice">
          <span>
            Unsaved work from an earlier session: <strong>{o.title}</strong> ({o.hasFile ? o.displayName : 'never saved'}, {new Date(o.savedAt).toLocaleString()}).
          </span>
          <span className="notice-actions">
            <button type="button" onClick={() => onRestore(o)}>Restore</button>
            <button type="button" onClick={() => onDiscard(o)}>Discard</button>
          </span>
        </div>
      ))}
    </section>
  );
}
