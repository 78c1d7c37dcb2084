// The headings inside a section's Markdown (## to ######), with where each starts, for the brief's heading outline.

export interface SectionHeading {
  /** 2 for ##, up to 6. */
  level: number;
  /** The heading's words: emphasis and link markup taken off, references left as written. */
  text: string;
  /** Offset of the heading line in the body, and of its end, for the editor's selection. */
  from: number;
  to: number;
}

const HEADING = /^ {0,3}(#{2,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** ATX headings of level 2 and below (a section's own title is its level 1), outside fenced code. */
export function sectionHeadings(body: string): SectionHeading[] {
  const out: SectionHeading[] = [];
  let fence: string | null = null;
  let offset = 0;
  for (const line of body.split('\n')) {
    const f = FENCE.exec(line);
    if (f) {
      if (!fence) fence = f[1]![0]!.repeat(f[1]!.length);
      else if (line.trim().startsWith(fence)) fence = null;
    } else if (!fence) {
      const m = HEADING.exec(line);
      if (m && m[2]) out.push({ level: m[1]!.length, text: plainHeading(m[2]), from: offset, to: offset + line.length });
    }
    offset += line.length + 1;
  }
  return out;
}

function plainHeading(s: string): string {
  return s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .trim();
}
