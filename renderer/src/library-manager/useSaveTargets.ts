// The library forms' save targets, asked of main whenever the library data reloads.
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { saveTargets, type SaveTarget } from './saveTargets.js';

/** The current save targets, asked again whenever the library data reloads (`version`). */
export function useSaveTargets(version: number): SaveTarget[] {
  const [targets, setTargets] = useState<SaveTarget[]>([]);
  useEffect(() => {
    let live = true;
    api()
      .listLibraries()
      .then(
        (o) => live && setTargets(saveTargets(o)),
        () => live && setTargets([]),
      );
    return () => {
      live = false;
    };
  }, [version]);
  return targets;
}
