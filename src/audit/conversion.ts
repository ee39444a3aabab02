/**
 * Which cells a conversion replaces, and by what: the plan that `nl-aftrek controleer --vervang`
 * applies to a copy of a file and the task pane applies to the open workbook, so that both replace
 * the same cells by the same formulas. A cell is replaced as a whole: all its numbers at once, by
 * the one suggestion made for them.
 *
 * By default every cell with findings, except a cell whose numbers the rules cannot check yet (a
 * 2027 column where 2027 is not known: its NL formula would give #N/B) and a cell whose formula
 * cannot be written back. A selection (`--alleen`, or the cells picked in the pane) names cells,
 * ranges or parameters; a cell it names explicitly is replaced even when its year is not known.
 */
import { parseA1 } from "../workbook/address";
import type { Finding } from "./scan";

export interface CellConversion {
  /** `Blad1!B4` */
  readonly cell: string;
  readonly sheet: string;
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly findings: readonly Finding[];
  /** What stands there now: the formula (English, with "=") or the constant. */
  readonly before: string;
  /** What it gets, as Excel's Formula property takes it (`=NL.KIA($B$1,B2)`). */
  readonly after: string;
  /** The same as a file stores it (no "=", `_xldudf_NL_…`). */
  readonly file: string;
}

export interface SkippedCell {
  readonly cell: string;
  readonly sheet: string;
  readonly address: string;
  readonly findings: readonly Finding[];
  /** Why it is not replaced, in Dutch. */
  readonly reason: string;
}

export interface ConversionPlan {
  readonly cells: readonly CellConversion[];
  readonly skipped: readonly SkippedCell[];
  /** Items of the selection that named nothing in this workbook. */
  readonly unmatched: readonly string[];
}

/** One item of a selection: a parameter, or a cell or range on a sheet (any sheet when none is named). */
export type SelectionItem =
  | { readonly kind: "parameter"; readonly text: string; readonly name: string }
  | {
      readonly kind: "cells";
      readonly text: string;
      readonly sheet: string | null;
      readonly r1: number;
      readonly c1: number;
      readonly r2: number;
      readonly c2: number;
    };

/** Splits on `,` and `;` outside quoted sheet names. */
function splitList(text: string): string[] {
  const items: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && (ch === "," || ch === ";")) {
      items.push(current);
      current = "";
    } else current += ch;
  }
  items.push(current);
  return items.map((i) => i.trim()).filter(Boolean);
}

/**
 * A selection as typed (`Aangifte!B4,C2:C40,'Mijn blad'!D7,zelfstandigenaftrek`): the items, or a
 * Dutch message naming the first item that is neither a cell, a range nor a parameter name.
 */
export function parseSelection(
  text: string,
  isParameter: (name: string) => boolean,
): { items: SelectionItem[] } | { error: string } {
  const items: SelectionItem[] = [];
  for (const raw of splitList(text)) {
    if (isParameter(raw)) {
      items.push({ kind: "parameter", text: raw, name: raw.toLowerCase() });
      continue;
    }
    const bang = raw.lastIndexOf("!");
    const sheetText = bang < 0 ? null : raw.slice(0, bang);
    const sheet = sheetText === null ? null : sheetText.replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    const [from, to = from] = raw
      .slice(bang + 1)
      .replace(/\$/g, "")
      .toUpperCase()
      .split(":");
    const a = parseA1(from);
    const b = parseA1(to);
    if (!a || !b || sheet === "") {
      return {
        error: `'${raw}' is geen cel, bereik of parameternaam (bijvoorbeeld Aangifte!B4, C2:C40 of zvw_percentage).`,
      };
    }
    items.push({
      kind: "cells",
      text: raw,
      sheet,
      r1: Math.min(a.row, b.row),
      c1: Math.min(a.col, b.col),
      r2: Math.max(a.row, b.row),
      c2: Math.max(a.col, b.col),
    });
  }
  return { items };
}

function matches(item: SelectionItem, f: Finding): boolean {
  if (item.kind === "parameter") return f.parameter === item.name;
  if (item.sheet !== null && item.sheet.toLowerCase() !== f.sheet.toLowerCase()) return false;
  return f.row >= item.r1 && f.row <= item.r2 && f.col >= item.c1 && f.col <= item.c2;
}

/** Why a cell is not replaced by default (or at all), or null. */
function notReplaced(findings: readonly Finding[], chosen: boolean): string | null {
  const first = findings[0];
  if (first.replacement === null)
    return `niet te vervangen: ${first.notConvertible ?? "de formule is niet terug te schrijven"}`;
  const unknown = findings.find((f) => f.status === "nog-niet-bekend");
  if (unknown && !chosen) {
    return (
      `nog niet te controleren: de regels kennen ${unknown.parameter} voor ${unknown.year} nog niet ` +
      `(${unknown.yearSource}); de NL-formule zou #N/B geven. Kies de cel uitdrukkelijk om haar toch te vervangen.`
    );
  }
  return null;
}

/**
 * The plan for the findings (in their order: sheet by sheet, row by row): with a selection only
 * the cells it names (a parameter names every cell with a finding of it).
 */
export function planConversion(
  findings: readonly Finding[],
  selection: readonly SelectionItem[] | null,
): ConversionPlan {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCell.get(f.cell);
    if (list) list.push(f);
    else byCell.set(f.cell, [f]);
  }
  const used = new Set<SelectionItem>();
  const cells: CellConversion[] = [];
  const skipped: SkippedCell[] = [];
  // One cell on one sheet (the pane's picked cells: thousands) by key; the others looked through.
  const single = new Map<string, SelectionItem[]>();
  const other: SelectionItem[] = [];
  const cellKey = (sheet: string, row: number, col: number) => `${sheet.toLowerCase()}\u0000${row}\u0000${col}`;
  for (const item of selection ?? []) {
    if (item.kind === "cells" && item.sheet !== null && item.r1 === item.r2 && item.c1 === item.c2) {
      const key = cellKey(item.sheet, item.r1, item.c1);
      single.set(key, [...(single.get(key) ?? []), item]);
    } else other.push(item);
  }
  for (const list of byCell.values()) {
    const first = list[0];
    let chosen = false;
    if (selection) {
      const hits = [
        ...(single.get(cellKey(first.sheet, first.row, first.col)) ?? []),
        ...other.filter((item) => list.some((f) => matches(item, f))),
      ];
      if (!hits.length) continue;
      hits.forEach((h) => used.add(h));
      // A cell named as a cell (not only through its parameter) is asked for explicitly.
      chosen = hits.some((h) => h.kind === "cells");
    }
    const reason = notReplaced(list, chosen);
    if (reason) {
      skipped.push({ cell: first.cell, sheet: first.sheet, address: first.address, findings: list, reason });
      continue;
    }
    cells.push({
      cell: first.cell,
      sheet: first.sheet,
      address: first.address,
      row: first.row,
      col: first.col,
      findings: list,
      before: first.current,
      after: first.suggestion,
      file: first.replacement!,
    });
  }
  const unmatched = selection ? selection.filter((item) => !used.has(item)).map((item) => item.text) : [];
  return { cells, skipped, unmatched };
}
