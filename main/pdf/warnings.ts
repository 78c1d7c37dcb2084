// Collects export warnings once each: characters no bundled font has, right-to-left text, oversize content.
/** What laying out one paragraph noticed; cached with its lines and replayed on a cache hit. */
export interface TextNotes {
  missing: Set<number>;
  rtl: boolean;
}

export function emptyNotes(): TextNotes {
  return { missing: new Set(), rtl: false };
}

export class Warnings {
  private readonly messages = new Set<string>();
  private readonly missing = new Set<number>();
  private rtl = false;

  add(message: string): void {
    this.messages.add(message);
  }

  addText(notes: TextNotes): void {
    for (const cp of notes.missing) this.missing.add(cp);
    if (notes.rtl) this.rtl = true;
  }

  list(): string[] {
    const out = [...this.messages];
    if (this.missing.size) {
      const shown = [...this.missing].sort((a, b) => a - b).slice(0, 20);
      const names = shown.map((cp) => `"${String.fromCodePoint(cp)}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`);
      const more = this.missing.size > shown.length ? ` and ${this.missing.size - shown.length} more` : '';
      out.push(`characters not in any bundled font, shown as boxes: ${names.join(', ')}${more}`);
    }
    if (this.rtl) {
      out.push('right-to-left text (Arabic/Hebrew) is drawn with its words in right-to-left order within each line; mixed-direction (bidi) text is not fully supported');
    }
    return out;
  }
}
