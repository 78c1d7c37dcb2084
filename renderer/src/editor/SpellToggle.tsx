// The editor's "Check spelling" switch: kept with the personal word list by main, so it holds after a restart.
import { useEffect, useState } from 'react';
import { spelling } from './spelling.js';

export function SpellToggle() {
  const [, setTick] = useState(0);
  useEffect(() => spelling.subscribe(() => setTick((n) => n + 1)), []);
  return (
    <label className="hint small spell-toggle">
      <input type="checkbox" checked={spelling.enabled} onChange={(e) => void spelling.setEnabled(e.target.checked)} /> Check spelling
      {spelling.problem && <span role="alert"> {spelling.problem}</span>}
    </label>
  );
}
