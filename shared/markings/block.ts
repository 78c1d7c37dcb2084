// The authority / designation block: its lines filled from the brief's named fields, and the checks on those fields.
import { groupText, levelIndex, type Marking } from './marking.js';
import type { BlockField, MarkingProfile } from './profile.js';

export interface FieldProblem {
  field: BlockField;
  message: string;
}

/** Whether the overall marking calls for the block (it is at or above the block's level). */
export function blockApplies(p: MarkingProfile, overall: Marking): boolean {
  return !!p.block && levelIndex(p, overall.level) >= levelIndex(p, p.block.from);
}

/** Problems with the brief's values for the block's fields: a required one left empty, or one that fails its format. */
export function checkFields(p: MarkingProfile, values: Readonly<Record<string, string>>): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const f of p.block?.fields ?? []) {
    const value = (Object.hasOwn(values, f.name) ? values[f.name] : '')!.trim();
    if (!value) {
      if (f.required) out.push({ field: f, message: `"${f.label}" is not filled in — ${f.hint}` });
      continue;
    }
    if (f.pattern !== undefined && !new RegExp(`^(?:${f.pattern})$`, 'u').test(value)) {
      out.push({ field: f, message: `"${f.label}" reads "${value}", which is not in the expected form — ${f.hint}` });
    }
  }
  return out;
}

/**
 * The block's lines with every slot filled: a field from the brief's values, a group from the overall marking.
 * A line that only names groups the marking does not use ("CUI Category:" with no category) is left out. A field
 * left without a value prints "[not set]" (export is blocked by checkFields then; a draft shows the gap) — never
 * the literal `{slot}`.
 */
export function blockLines(p: MarkingProfile, overall: Marking, values: Readonly<Record<string, string>>): string[] {
  if (!p.block || !blockApplies(p, overall)) return [];
  const out: string[] = [];
  for (const line of p.block.lines) {
    const slots = [...line.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
    const groups = slots.filter((slot) => p.groups.includes(slot));
    if (groups.length > 0 && groups.length === slots.length && groups.every((g) => !groupText(p, overall, g))) continue;
    out.push(
      line.replace(/\{([^{}]*)\}/g, (_whole, slot: string) => {
        if (p.groups.includes(slot)) return groupText(p, overall, slot) || 'None';
        const value = Object.hasOwn(values, slot) ? values[slot]!.trim() : '';
        return value || '[not set]';
      }),
    );
  }
  return out;
}
