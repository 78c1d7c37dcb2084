// The two alternating briefs the fault-injection child saves, stamped with a generation number.
import { BRIEF_FORMAT, BRIEF_VERSION, Brief } from '../../../shared/model/brief.js';

/** Even generations are a large brief, odd ones a small one, so a torn or mixed write cannot pass as either. */
export function faultBrief(gen: number): Brief {
  const large = gen % 2 === 0;
  const sections = Array.from({ length: large ? 100 : 3 }, (_, i) => ({
    kind: 'detached',
    id: `s${i}`,
    title: `Section ${i} of generation ${gen}`,
    body: `Paragraph ${i}: allied cooperation on critical technologies — ${'ünïcödé text, '.repeat(large ? 40 : 2)}`,
  }));
  // Parsed so schema defaults are filled in exactly as a saved file will have them.
  return Brief.parse({
    format: BRIEF_FORMAT,
    version: BRIEF_VERSION,
    meta: {
      title: large ? 'Large alternating brief' : 'Small alternating brief',
      template: 'issue-brief',
      paper: 'letter',
      date: '2025-06-01',
      authors: ['Fault Injection'],
      marking: 'none',
      language: 'en-US',
    },
    sections,
    variables: { gen: String(gen) },
    pins: {},
  });
}
