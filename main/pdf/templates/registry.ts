// The templates by id, for the document layout to choose from.
import type { TemplateId } from '../../../shared/model/brief.js';
import type { Template } from './common.js';
import { decisionMemo } from './decision-memo.js';
import { issueBrief } from './issue-brief.js';
import { onePager } from './one-pager.js';

export const TEMPLATES: Record<TemplateId, Template> = {
  'issue-brief': issueBrief,
  'decision-memo': decisionMemo,
  'one-pager': onePager,
};
