// Test support: library items as the forms send them, valid unless a test changes a field.
import type { FactInput } from '../../shared/ipc/channels.js';

/** A complete fact (cited as `{{cite:my-chip-fact}}`); `patch` replaces whole fields. */
export const factInput = (patch: Partial<FactInput> = {}): FactInput => ({
  id: 'my-chip-fact',
  statement: 'Our office counted twelve allied chip fabs under construction.',
  value: 12,
  unit: 'fabs',
  asOf: '2026-10-01',
  review: { maxAgeDays: 365 },
  source: { title: 'Internal fab tracker', publisher: 'Policy office', date: '2026-10-01', url: 'https://example.org/fabs' },
  tags: { technologies: ['semiconductors'], countries: [], topics: ['industry'] },
  ...patch,
});
