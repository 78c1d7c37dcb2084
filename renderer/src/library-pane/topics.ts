// Display names of the section topics, shared by the library pane and the section form.
import type { Topic } from '../../../shared/model/library.js';

export const TOPIC_LABELS: Record<Topic, string> = {
  priorities: 'Technology priorities',
  data: 'Data',
  standards: 'Standards',
  organization: 'Organization',
  protection: 'Protection',
  context: 'Context',
  framing: 'Framing',
};
