// Line breaking over box/glue/penalty items: Knuth-Plass optimal fit, with a linear first-fit fallback.

export const BOX = 0;
export const GLUE = 1;
export const PENALTY = 2;

export interface Item {
  type: typeof BOX | typeof GLUE | typeof PENALTY;
  width: number;
  stretch: number;
  shrink: number;
  /** Penalty cost; <= -INFINITY_COST forces a break, >= INFINITY_COST forbids one. */
  cost: number;
  /** Hyphen penalties are flagged: two flagged breaks in a row cost extra. */
  flagged: boolean;
}

export const INFINITY_COST = 10000;

export interface Break {
  /** Index of the item the line ends at (a glue or penalty). */
  position: number;
  /** Adjustment ratio: > 0 stretches glue, < 0 shrinks it. */
  ratio: number;
}

export interface BreakParams {
  /** Width of line i; the last entry repeats. */
  widths: number[];
  tolerance: number;
  linePenalty?: number;
  flaggedDemerits?: number;
  fitnessDemerits?: number;
}

interface Active {
  position: number;
  line: number;
  fitness: number;
  width: number;
  stretch: number;
  shrink: number;
  demerits: number;
  ratio: number;
  prev: Active | null;
}

export function box(width: number): Item {
  return { type: BOX, width, stretch: 0, shrink: 0, cost: 0, flagged: false };
}
export function glue(width: number, stretch: number, shrink: number): Item {
  return { type: GLUE, width, stretch, shrink, cost: 0, flagged: false };
}
export function penalty(width: number, cost: number, flagged: boolean): Item {
  return { type: PENALTY, width, stretch: 0, shrink: 0, cost, flagged };
}

function lineWidth(widths: number[], line: number): number {
  return widths[Math.min(line, widths.length - 1)]!;
}

function fitnessClass(ratio: number): number {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

/**
 * Knuth & Plass, "Breaking paragraphs into lines" (1981): the total-fit algorithm with fitness classes
 * and flagged (hyphen) demerits. Items must end with a forced break. Returns null when no set of breaks
 * keeps every line within the tolerance; the caller then retries looser or falls back to first-fit.
 */
export function knuthPlass(items: Item[], params: BreakParams): Break[] | null {
  const linePenalty = params.linePenalty ?? 10;
  const flaggedDemerits = params.flaggedDemerits ?? 3000;
  const fitnessDemerits = params.fitnessDemerits ?? 100;
  const n = items.length;
  // Prefix sums: sumW[i] is the total width of items[0..i-1].
  const sumW = new Float64Array(n + 1);
  const sumY = new Float64Array(n + 1);
  const sumZ = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    const isPenalty = it.type === PENALTY;
    sumW[i + 1] = sumW[i]! + (isPenalty ? 0 : it.width);
    sumY[i + 1] = sumY[i]! + (it.type === GLUE ? it.stretch : 0);
    sumZ[i + 1] = sumZ[i]! + (it.type === GLUE ? it.shrink : 0);
  }

  let actives: Active[] = [{ position: 0, line: 0, fitness: 1, width: 0, stretch: 0, shrink: 0, demerits: 0, ratio: 0, prev: null }];

  for (let b = 0; b < n; b++) {
    const it = items[b]!;
    let legal = false;
    if (it.type === PENALTY) legal = it.cost < INFINITY_COST;
    else if (it.type === GLUE) legal = b > 0 && items[b - 1]!.type === BOX;
    if (!legal) continue;
    const forced = it.type === PENALTY && it.cost <= -INFINITY_COST;
    const best: (Active | null)[] = [null, null, null, null];
    const survivors: Active[] = [];
    for (const a of actives) {
      let length = sumW[b]! - a.width;
      if (it.type === PENALTY) length += it.width;
      const target = lineWidth(params.widths, a.line);
      let ratio: number;
      if (length < target) {
        const stretch = sumY[b]! - a.stretch;
        ratio = stretch > 0 ? (target - length) / stretch : INFINITY_COST;
      } else if (length > target) {
        const shrink = sumZ[b]! - a.shrink;
        ratio = shrink > 0 ? (target - length) / shrink : -INFINITY_COST;
      } else ratio = 0;

      if (ratio < -1 || forced) {
        // This node can never start a line reaching past b (or b must end a line): drop it.
      } else survivors.push(a);

      if (ratio >= -1 && ratio <= params.tolerance) {
        const badness = 100 * Math.abs(ratio) ** 3;
        let demerits: number;
        const cost = it.type === PENALTY ? it.cost : 0;
        if (cost >= 0) demerits = (linePenalty + badness + cost) ** 2;
        else if (cost > -INFINITY_COST) demerits = (linePenalty + badness) ** 2 - cost * cost;
        else demerits = (linePenalty + badness) ** 2;
        const prevItem = items[a.position];
        if (it.type === PENALTY && it.flagged && prevItem && prevItem.type === PENALTY && prevItem.flagged) demerits += flaggedDemerits;
        const fitness = fitnessClass(ratio);
        if (Math.abs(fitness - a.fitness) > 1) demerits += fitnessDemerits;
        demerits += a.demerits;
        const current = best[fitness];
        if (!current || demerits < current.demerits) {
          best[fitness] = { position: b, line: a.line + 1, fitness, width: 0, stretch: 0, shrink: 0, demerits, ratio, prev: a };
        }
      }
    }
    actives = survivors;
    if (best.some(Boolean)) {
      // Totals after the break: glue and non-forced penalties that follow it vanish at the line start.
      let after = b;
      while (after < n) {
        const next = items[after]!;
        if (next.type === BOX) break;
        if (next.type === PENALTY && next.cost <= -INFINITY_COST && after > b) break;
        after++;
      }
      for (const node of best) {
        if (!node) continue;
        node.width = sumW[after]!;
        node.stretch = sumY[after]!;
        node.shrink = sumZ[after]!;
        actives.push(node);
      }
    }
    if (actives.length === 0) return null;
  }

  let winner: Active | null = null;
  for (const a of actives) if (a.position === n - 1 && (!winner || a.demerits < winner.demerits)) winner = a;
  if (!winner) return null;
  const breaks: Break[] = [];
  for (let a: Active | null = winner; a && a.prev; a = a.prev) breaks.push({ position: a.position, ratio: a.ratio });
  return breaks.reverse();
}

/**
 * First-fit: break at the last legal point before a line overflows. Linear, used for ragged text and for
 * paragraphs too large for the optimal algorithm. A box wider than the line overflows rather than looping.
 */
export function firstFit(items: Item[], widths: number[]): Break[] {
  const breaks: Break[] = [];
  const n = items.length;
  let line = 0;
  let start = 0; // first item of the current line
  while (start < n) {
    const target = lineWidth(widths, line);
    let width = 0;
    let stretch = 0;
    let shrink = 0;
    let lastBreak = -1;
    let lastRatio = 0;
    let chosen: Break | null = null;
    for (let i = start; i < n && !chosen; i++) {
      const it = items[i]!;
      const breakable = (it.type === PENALTY && it.cost < INFINITY_COST) || (it.type === GLUE && i > start && items[i - 1]!.type === BOX);
      if (breakable) {
        const length = width + (it.type === PENALTY ? it.width : 0);
        const forced = it.type === PENALTY && it.cost <= -INFINITY_COST;
        if (length - shrink <= target + 0.01) {
          lastBreak = i;
          lastRatio = ratioFor(target, length, stretch, shrink);
          if (forced) chosen = { position: i, ratio: Math.min(lastRatio, 0) };
        } else {
          // Overflow: end at the last fitting break, or (one oversized box) accept this one.
          chosen = lastBreak >= 0 ? { position: lastBreak, ratio: lastRatio } : { position: i, ratio: 0 };
        }
      }
      if (it.type !== PENALTY) {
        width += it.width;
        if (it.type === GLUE) {
          stretch += it.stretch;
          shrink += it.shrink;
        }
      }
    }
    if (!chosen) break; // items must end with a forced break; defensive stop
    breaks.push(chosen);
    start = chosen.position + 1;
    // Glue and penalties after a break vanish at the start of the next line.
    while (start < n && items[start]!.type !== BOX && !(items[start]!.type === PENALTY && items[start]!.cost <= -INFINITY_COST)) start++;
    line++;
  }
  return breaks;
}

function ratioFor(target: number, length: number, stretch: number, shrink: number): number {
  if (length < target) return stretch > 0 ? Math.min((target - length) / stretch, 10) : 0;
  if (length > target) return shrink > 0 ? Math.max((target - length) / shrink, -1) : 0;
  return 0;
}
