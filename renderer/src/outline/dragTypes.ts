// Drag-and-drop payload types shared by the library (drag source) and the outline (drop target and reorder).
export const SECTION_DRAG_TYPE = 'application/x-briefing-section';
export const OUTLINE_DRAG_TYPE = 'application/x-briefing-outline-item';
