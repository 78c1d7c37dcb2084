// The section form's draft <-> input mapping keeps what the form does not show (variables, summary-box style).
import { describe, expect, it } from 'vitest';
import { keptSectionFields, sectionDraft, sectionInput } from '../../../renderer/src/library-manager/drafts.js';
import type { SectionMetaInput } from '../../../shared/ipc/channels.js';

const meta: SectionMetaInput = {
  id: 'framing',
  title: 'Framing',
  topic: 'context',
  tags: { technologies: ['ai'], countries: [], topics: [] },
  revision: 3,
  variables: [{ name: 'office', label: 'Office' }],
  style: 'summary',
};

describe('section drafts', () => {
  it('an edit round trip keeps variables and the summary-box style', () => {
    const kept = keptSectionFields(meta);
    expect(kept).toEqual({ variables: [{ name: 'office', label: 'Office' }], style: 'summary' });
    const input = sectionInput(sectionDraft(meta, 'Body'), kept);
    expect(input.style).toBe('summary');
    expect(input.variables).toEqual([{ name: 'office', label: 'Office' }]);
    expect(input.tags?.technologies).toEqual(['ai']);
  });

  it('keeps nothing that the section did not have', () => {
    expect(keptSectionFields({ ...meta, variables: undefined, style: undefined })).toEqual({});
  });
});
