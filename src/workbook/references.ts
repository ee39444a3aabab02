/**
 * What a formula in a workbook refers to: its cell references, defined names (workbook- and
 * sheet-scoped), structured references to tables and spill references, resolved to areas of the
 * workbook for the cell that holds the formula. Shared formulas take the tree of their master.
 */
import { Area, MAX_COLUMNS, MAX_ROWS } from "./address";
import { Formula, RefSpec, SheetSpec, StructSpec } from "./formula/ast";
import { FormulaCache } from "./formula/formulaCache";
import { FormulaSyntaxError, FormulaTooDeep, Host, parseFormula } from "./formula/parse";
import { CellRecord, DefinedName, SheetInfo, TableInfo, WorkbookPackage } from "./package";

/** A reference that does not resolve: Excel shows `#REF!` (or `#NAME?` for an unknown name). */
export interface Unresolved {
  readonly error: "#REF!" | "#NAME?" | "#VALUE!";
}

export function isUnresolved(x: unknown): x is Unresolved {
  return typeof x === "object" && x !== null && "error" in x;
}

/** A formula that cannot be read, and why; `tooDeep`: only too deep for this thread's stack (FormulaTooDeep). */
export interface SyntaxErrorFormula {
  readonly syntaxError: string;
  readonly tooDeep?: true;
}

export type CellFormula = Formula | SyntaxErrorFormula;

export function isSyntaxError(f: CellFormula): f is SyntaxErrorFormula {
  return "syntaxError" in f;
}

function unreadable(error: FormulaSyntaxError): SyntaxErrorFormula {
  return error instanceof FormulaTooDeep
    ? { syntaxError: error.message, tooDeep: true }
    : { syntaxError: error.message };
}

export class WorkbookReferences {
  readonly cache = new FormulaCache();
  private readonly sheetByName = new Map<string, number>();
  private readonly tableByName = new Map<string, TableInfo>();
  private readonly parsedNames = new Map<DefinedName, CellFormula>();
  private readonly sharedTrees = new Map<string, CellFormula>();

  constructor(readonly pkg: WorkbookPackage) {
    pkg.sheets.forEach((s) => this.sheetByName.set(s.name.toUpperCase(), s.index));
    for (const t of pkg.tables) {
      this.tableByName.set(t.displayName.toUpperCase(), t);
      if (!this.tableByName.has(t.name.toUpperCase())) this.tableByName.set(t.name.toUpperCase(), t);
    }
  }

  /** The sheet index of a name as written in a formula; -1 when there is no such worksheet. */
  sheetIndex(name: string): number {
    return this.sheetByName.get(name.toUpperCase()) ?? -1;
  }

  /** The parsed formula of a cell (a shared formula's tree comes from its master), or null. */
  formulaOf(sheet: SheetInfo, cell: CellRecord): CellFormula | null {
    const stored = cell.formula;
    if (!stored) return null;
    if (stored.kind === "shared" && stored.si !== undefined && stored.text.trim() === "") {
      // The other cells of a shared formula: the master's tree, read once per group.
      const key = `${sheet.index}:${stored.si}`;
      let shared = this.sharedTrees.get(key);
      if (!shared) {
        const master = sheet.sharedMasters.get(stored.si);
        shared = master ? this.parsed(master.text, master) : { syntaxError: "gedeelde formule zonder hoofdcel" };
        this.sharedTrees.set(key, shared);
      }
      return shared;
    }
    return this.parsed(stored.text, cell);
  }

  private parsed(text: string, host: Host): CellFormula {
    try {
      return this.cache.parse(text, host);
    } catch (error) {
      if (error instanceof FormulaSyntaxError) return unreadable(error);
      throw error;
    }
  }

  /** The defined name as used on `sheet` (a sheet-scoped name wins), or undefined. */
  definedName(name: string, sheet: number, scope?: SheetSpec): DefinedName | undefined {
    const wanted = name.toUpperCase();
    const scopeSheet = scope ? this.sheetIndex(scope.name) : sheet;
    const candidates = this.pkg.names.filter((n) => n.name.toUpperCase() === wanted);
    if (scope) return candidates.find((n) => n.sheet === scopeSheet);
    return candidates.find((n) => n.sheet === sheet) ?? candidates.find((n) => n.sheet === null);
  }

  nameFormula(def: DefinedName): CellFormula {
    let parsed = this.parsedNames.get(def);
    if (!parsed) {
      try {
        parsed = parseFormula(def.formula, { row: 1, col: 1 }, { topLevelUnion: true });
      } catch (error) {
        if (!(error instanceof FormulaSyntaxError)) throw error;
        parsed = unreadable(error);
      }
      this.parsedNames.set(def, parsed);
    }
    return parsed;
  }

  table(name: string): TableInfo | undefined {
    return this.tableByName.get(name.toUpperCase());
  }

  tableAt(sheet: number, row: number, col: number): TableInfo | undefined {
    return this.pkg.tables.find(
      (t) => t.sheet === sheet && row >= t.area.r1 && row <= t.area.r2 && col >= t.area.c1 && col <= t.area.c2,
    );
  }

  /** A cell or area reference for the formula at (sheet, host). */
  resolveRef(ref: RefSpec, sheet: number, host: Host): Area | Unresolved {
    let target = sheet;
    if (ref.sheet) {
      if (ref.sheet.book !== undefined || ref.sheet.last) return { error: "#REF!" };
      target = this.sheetIndex(ref.sheet.name);
      if (target < 0) return { error: "#REF!" };
    }
    const r1 = ref.r1Abs ? ref.r1 : host.row + ref.r1;
    const c1 = ref.c1Abs ? ref.c1 : host.col + ref.c1;
    const r2 = ref.r2Abs ? ref.r2 : host.row + ref.r2;
    const c2 = ref.c2Abs ? ref.c2 : host.col + ref.c2;
    if (r1 < 1 || r2 < 1 || r1 > MAX_ROWS || r2 > MAX_ROWS) return { error: "#REF!" };
    if (c1 < 1 || c2 < 1 || c1 > MAX_COLUMNS || c2 > MAX_COLUMNS) return { error: "#REF!" };
    return { sheet: target, r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  }

  /** A structured reference (`Tabel[Kolom]`, `[@Kolom]`, `Tabel[#All]` ...). */
  resolveStruct(spec: StructSpec, sheet: number, host: Host): Area | Unresolved {
    const table = spec.table === null ? this.tableAt(sheet, host.row, host.col) : this.table(spec.table);
    if (!table) return { error: "#REF!" };
    const { area, headerRows, totalsRows } = table;
    const dataFirst = area.r1 + headerRows;
    const dataLast = area.r2 - totalsRows;
    const items = new Set(spec.items.length ? spec.items : ["#Data"]);
    let r1: number;
    let r2: number;
    if (items.has("#This Row")) {
      if (host.row < dataFirst || host.row > dataLast || table.sheet !== sheet) return { error: "#VALUE!" };
      r1 = r2 = host.row;
    } else if (items.has("#All")) {
      r1 = area.r1;
      r2 = area.r2;
    } else {
      const parts: Array<[number, number]> = [];
      if (items.has("#Headers") && headerRows > 0) parts.push([area.r1, dataFirst - 1]);
      if (items.has("#Data")) parts.push([dataFirst, dataLast]);
      if (items.has("#Totals") && totalsRows > 0) parts.push([dataLast + 1, area.r2]);
      if (parts.length === 0) return { error: "#REF!" };
      r1 = Math.min(...parts.map((p) => p[0]));
      r2 = Math.max(...parts.map((p) => p[1]));
    }
    let c1 = area.c1;
    let c2 = area.c2;
    if (spec.columns.length) {
      const index = (name: string) => table.columns.findIndex((c) => c.name.toUpperCase() === name.toUpperCase());
      const first = index(spec.columns[0]);
      const last = index(spec.columns[spec.columns.length - 1]);
      if (first < 0 || last < 0) return { error: "#REF!" };
      c1 = area.c1 + Math.min(first, last);
      c2 = area.c1 + Math.max(first, last);
    }
    if (r2 < r1) return { error: "#REF!" };
    return { sheet: table.sheet, r1, c1, r2, c2 };
  }

  /** The area a dynamic array spills into, for a spill reference (`A1#`). */
  resolveSpill(ref: RefSpec, sheet: number, host: Host): Area | Unresolved {
    const cell = this.resolveRef(ref, sheet, host);
    if (isUnresolved(cell)) return cell;
    const info = this.pkg.sheets[cell.sheet];
    const array = info.arrays.find((a) => a.master.row === cell.r1 && a.master.col === cell.c1);
    return array ? array.area : { error: "#REF!" };
  }

  /**
   * The areas a formula reads, for the cell at (sheet, host): its cell references, structured
   * references and spill references. Names are written out before (engine/plan/namesResolved.ts).
   */
  areasRead(formula: Formula, sheet: number, host: Host): Area[] {
    const { refs, structs, spills } = formula.info;
    const areas: Area[] = [];
    // Indexed loops: this runs for every formula of a recalculation, mostly before it is optimized.
    for (let i = 0; i < refs.length; i++) {
      const area = this.resolveRef(refs[i], sheet, host);
      if (!isUnresolved(area)) areas.push(area);
    }
    for (let i = 0; i < structs.length; i++) {
      const area = this.resolveStruct(structs[i], sheet, host);
      if (!isUnresolved(area)) areas.push(area);
    }
    for (let i = 0; i < spills.length; i++) {
      const area = this.resolveSpill(spills[i], sheet, host);
      if (!isUnresolved(area)) areas.push(area);
    }
    return areas;
  }
}
