// Preview zoom: "fit width" or a fixed percentage of actual size (100% = the page's size in inches on screen).
export type Zoom = 'fit' | number;

/** The steps Zoom in / Zoom out move through, as fractions of actual size. */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

export function zoomLabel(z: number): string {
  return `${Math.round(z * 100)}%`;
}

/**
 * The step after (dir 1) or before (dir -1) the current zoom. From "fit width" it starts at the scale fit width
 * gives now (`scale` is CSS px per PDF point; actual size is 96/72), so Zoom in always makes the page bigger.
 */
export function nextZoom(current: Zoom, scale: number, dir: 1 | -1): number {
  const now = current === 'fit' ? (scale * 72) / 96 : current;
  const eps = 1e-6;
  if (dir > 0) return ZOOM_STEPS.find((z) => z > now + eps) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((z) => z < now - eps) ?? ZOOM_STEPS[0]!;
}
