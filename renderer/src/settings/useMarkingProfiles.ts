// The marking profiles the libraries provide (the app's and any team library's), asked of main once per window.
import { useEffect, useState } from 'react';
import type { MarkingProfile } from '../../../shared/markings/profile.js';
import { api } from '../api.js';

let cached: Promise<MarkingProfile[]> | undefined;

export function useMarkingProfiles(): MarkingProfile[] {
  const [profiles, setProfiles] = useState<MarkingProfile[]>([]);
  useEffect(() => {
    let live = true;
    cached ??= api().markingProfiles().catch(() => []);
    void cached.then((p) => live && setProfiles(p));
    return () => {
      live = false;
    };
  }, []);
  return profiles;
}
