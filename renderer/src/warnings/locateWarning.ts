// Which section a compose warning is about: the one it names, or else the first section citing its fact.
import { findRefs } from '../../../shared/markdown/setup.js';
import { sectionKey, type Brief } from '../../../shared/model/brief.js';
import type { ComposeWarning } from '../../../shared/model/composed-doc.js';

export function locateWarning(brief: Brief, w: ComposeWarning): { key: string; title: string } | null {
  const s = brief.sections.find((x) => (w.sectionKey ? sectionKey(x) === w.sectionKey : !!w.factId && findRefs(x.body).some((r) => r.id === w.factId)));
  return s ? { key: sectionKey(s), title: s.title } : null;
}
