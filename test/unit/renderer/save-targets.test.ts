// Which libraries the forms offer to save into, and how the message names them.
import { describe, expect, it } from 'vitest';
import type { LibraryInfo } from '../../../shared/ipc/channels.js';
import { saveTargets, targetPhrase } from '../../../renderer/src/library-manager/saveTargets.js';

const info = (over: Partial<LibraryInfo>): LibraryInfo => ({
  id: 'x',
  kind: 'team',
  name: 'X',
  folder: 'x',
  readOnly: true,
  writable: false,
  sections: 0,
  facts: 0,
  problemCount: 0,
  problems: [],
  ...over,
});

describe('saveTargets', () => {
  it('offers the writable libraries only, the personal one first', () => {
    const targets = saveTargets({
      notices: [],
      libraries: [
        info({ id: 'bundled', kind: 'bundled', name: 'Bundled' }),
        info({ id: 'team-a', name: 'Team A', readOnly: false, writable: true }),
        info({ id: 'team-b', name: 'Team B' }),
        info({ id: 'personal', kind: 'personal', name: 'Personal', readOnly: false, writable: true }),
      ],
    });
    expect(targets).toEqual([
      { id: 'personal', kind: 'personal', name: 'Personal' },
      { id: 'team-a', kind: 'team', name: 'Team A' },
    ]);
  });

  it('names the library an item went to', () => {
    expect(targetPhrase({ id: 'personal', kind: 'personal', name: 'Personal' })).toBe('your personal library');
    expect(targetPhrase({ id: 'team-a', kind: 'team', name: 'Team A' })).toBe('the team library “Team A”');
    expect(targetPhrase(undefined)).toBe('your personal library');
  });
});
