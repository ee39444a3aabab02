/**
 * A worksheet part in which some cells get another formula: the `<f>` element of a formula cell
 * replaced, or one put before the value of a constant. Every other byte of the part stays as it
 * was; the cached values are the recalculation's business (writer.ts).
 */
import type { CellRecord, SheetInfo } from "./package";
import type { PartText } from "./partText";
import { PartSplice, partWithSplices } from "./writer";

export interface FormulaEdit {
  readonly cell: CellRecord;
  /** The formula as a file stores it: no "=", add-in functions as `_xldudf_NL_…`. */
  readonly text: string;
  /** The attributes of the new `<f>` (` t="array" ref="B2:B3"`); none for a formula of its own. */
  readonly attributes?: string;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The `<f>` element of a cell, from its `<` to the end of the element; null when it has none. */
function formulaElement(text: string, from: number, fEnd: number): { start: number; end: number } | null {
  if (fEnd < 0) return null;
  const open = /<(?:[A-Za-z_][\w.-]*:)?f[\s>/]/g;
  open.lastIndex = from;
  let start = -1;
  for (let m = open.exec(text); m && m.index < fEnd; m = open.exec(text)) start = m.index;
  return start < 0 ? null : { start, end: fEnd };
}

/**
 * The sheet part (as read: `sheet.part`, or read again for a sheet without formulas) with the edits
 * applied; every other byte as it was.
 */
export function withFormulas(sheet: SheetInfo, part: PartText, edits: readonly FormulaEdit[]): Buffer {
  const text = part.text;
  const pieces: PartSplice[] = [];
  for (const edit of edits) {
    const layout = sheet.cells.layout(edit.cell);
    const prefix = /^<([\w.-]+:)?c[\s>/]/.exec(text.slice(layout.start, layout.start + 64))?.[1] ?? "";
    const element = `<${prefix}f${edit.attributes ?? ""}>${escape(edit.text)}</${prefix}f>`;
    const old = edit.cell.formula ? formulaElement(text, layout.tagEnd, layout.fEnd) : null;
    if (old) pieces.push({ start: old.start, end: old.end, piece: element });
    else if (layout.vStart >= 0) pieces.push({ start: layout.vStart, end: layout.vStart, piece: element });
    else if (!layout.selfClosing) {
      const close = text.lastIndexOf("<", layout.end - 1);
      pieces.push({ start: close, end: close, piece: element });
    } else {
      const tag = text.slice(layout.start, layout.tagEnd).replace(/\s*\/>$/, ">");
      pieces.push({ start: layout.start, end: layout.tagEnd, piece: `${tag}${element}</${prefix}c>` });
    }
  }
  pieces.sort((a, b) => a.start - b.start);
  return partWithSplices(part, pieces);
}
