// The bundled font faces by name: their files, the fallback order, and the face for a family and emphasis.
export type FaceId =
  | 'serif'
  | 'serif-italic'
  | 'serif-bold'
  | 'serif-bold-italic'
  | 'sans'
  | 'sans-italic'
  | 'sans-bold'
  | 'mono'
  | 'noto'
  | 'noto-arabic'
  | 'noto-hebrew'
  | 'noto-symbols';

export const FACE_FILES: Record<FaceId, string> = {
  serif: 'SourceSerifPro-Regular.ttf',
  'serif-italic': 'SourceSerifPro-It.ttf',
  'serif-bold': 'SourceSerifPro-Bold.ttf',
  'serif-bold-italic': 'SourceSerifPro-BoldIt.ttf',
  sans: 'SourceSansPro-Regular.ttf',
  'sans-italic': 'SourceSansPro-It.ttf',
  'sans-bold': 'SourceSansPro-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
  noto: 'NotoSans-Regular.ttf',
  'noto-arabic': 'NotoSansArabic-Regular.ttf',
  'noto-hebrew': 'NotoSansHebrew-Regular.ttf',
  'noto-symbols': 'NotoSansSymbols2-Regular.ttf',
};

/** Tried in order for a character the chosen face lacks. */
export const FALLBACK_FACES: readonly FaceId[] = ['noto', 'noto-symbols', 'noto-arabic', 'noto-hebrew', 'mono'];

export type Family = 'serif' | 'sans' | 'mono';

/** The face for a family and emphasis (Source Sans has no bold italic here: bold stands in). */
export function faceFor(family: Family, bold: boolean, italic: boolean): FaceId {
  if (family === 'mono') return 'mono';
  if (family === 'sans') return bold ? 'sans-bold' : italic ? 'sans-italic' : 'sans';
  return bold ? (italic ? 'serif-bold-italic' : 'serif-bold') : italic ? 'serif-italic' : 'serif';
}
