// locateWarning: a warning opens the section it names, or else the first section citing its fact.
import { describe, expect, it } from 'vitest';
import type { ComposeWarning } from '../../../shared/model/composed-doc.js';
import { locateWarning } from '../../../renderer/src/warnings/locateWarning.js';
import { briefOf, detached, linked } from './briefs.js';

const brief = briefOf(
  linked('intro', { body: 'No references here.' }),
  detached('mine', { body: 'Cites {{value:chip-share}} and {{var:country}}.' }),
  linked('later', { body: 'Also {{fact:chip-share}}.' }),
);
const warning = (over: Partial<ComposeWarning>): ComposeWarning => ({ code: 'stale-fact', message: 'x', ...over });

describe('locateWarning', () => {
  it('opens the section the warning names by key', () => {
    expect(locateWarning(brief, warning({ sectionKey: 'later', factId: 'chip-share' }))).toEqual({ key: 'later', title: 'Title of later' });
  });

  it('opens the first section citing the fact when no section is named', () => {
    expect(locateWarning(brief, warning({ factId: 'chip-share' }))).toEqual({ key: 'mine', title: 'Title of mine' });
  });

  it('finds nothing for a section or fact the brief does not have, or a warning naming neither', () => {
    expect(locateWarning(brief, warning({ sectionKey: 'gone' }))).toBeNull();
    expect(locateWarning(brief, warning({ factId: 'uncited' }))).toBeNull();
    expect(locateWarning(brief, warning({ code: 'unknown-variable', variable: 'country' }))).toBeNull();
  });
});
