// Test briefs for the renderer's state modules: linked and detached sections by short builders.
import { newBrief, type Brief, type BriefSection } from '../../../shared/model/brief.js';

export const linked = (sectionId: string, over: Partial<Extract<BriefSection, { kind: 'linked' }>> = {}): BriefSection => ({
  kind: 'linked',
  sectionId,
  revision: 1,
  title: `Title of ${sectionId}`,
  body: `Body of ${sectionId}.`,
  style: 'normal',
  ...over,
});

export const detached = (id: string, over: Partial<Extract<BriefSection, { kind: 'detached' }>> = {}): BriefSection => ({
  kind: 'detached',
  id,
  title: `Title of ${id}`,
  body: `Body of ${id}.`,
  style: 'normal',
  ...over,
});

export const briefOf = (...sections: BriefSection[]): Brief => ({
  ...newBrief({ title: 'State tests', template: 'issue-brief', date: '2026-11-25' }),
  sections,
});
