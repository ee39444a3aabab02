/**
 * A worksheet part's XML read into SheetCells: every `<c>` element's value (shared strings,
 * inline strings, booleans, errors, ISO dates, numbers) and formula (normal, shared, array, data
 * table), where the element lies in the sheet text (the writer needs it), the masters of shared
 * formulas and the areas of array formulas.
 */
import { a1, MAX_COLUMNS, MAX_ROWS, parseA1, parseRange } from "./address";
import { EXCEL_ERRORS, OTHER_ERRORS } from "./formula/ast";
import {
  ArrayFormulaArea,
  CellLayout,
  CellRecord,
  FormulaKind,
  NO_LAYOUT,
  SharedFormulaMaster,
  SheetCells,
  SheetInfo,
  StoredFormula,
} from "./package";
import { decodeEscapes, PartReader } from "./partReader";
import { CellValue, errorValue } from "./values";
import { XmlHandlers } from "./xml";
import { ZipEntry } from "./zip";

const ERROR_CODES = new Set<string>([...EXCEL_ERRORS, ...OTHER_ERRORS]);

/** An ISO date (`t="d"`) as a serial number in the workbook's date system. */
function isoDateSerial(text: string, date1904: boolean): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(ms)) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (ms - epoch) / 86400000;
}

function cellValue(
  type: string | undefined,
  v: string | null,
  inline: string | null,
  strings: string[],
  date1904: boolean,
): CellValue {
  switch (type) {
    case "s": {
      if (v === null) return null;
      const s = strings[Number(v)];
      return s === undefined ? "" : s;
    }
    case "str":
      return decodeEscapes(v ?? "");
    case "inlineStr":
      return decodeEscapes(inline ?? v ?? "");
    case "b":
      return v === null ? null : v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "e":
      return v === null ? null : errorValue(ERROR_CODES.has(v.trim()) ? v.trim() : "#VALUE!");
    case "d":
      return v === null ? null : isoDateSerial(v.trim(), date1904);
    default: {
      if (v === null || v.trim() === "") return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** A worksheet part read: its cells, and its text where it holds formulas (the writer edits that). */
export function readSheet(
  reader: PartReader,
  index: number,
  name: string,
  entry: ZipEntry,
  strings: string[],
  date1904: boolean,
): SheetInfo {
  const part = reader.text(entry);
  const text = part.text;
  let read: SheetRead | null = null;
  // Fresh state for each reading: the fast path may hand over to saxes halfway.
  reader.parse(entry, text, () => (read = sheetRead(reader, index, name, strings, date1904)).handlers);
  const { cells, sharedMasters, arrays, formulaCount } = read!;
  return {
    index,
    name,
    entry,
    part: formulaCount > 0 ? part : null,
    encoding: part.encoding,
    cells,
    sharedMasters,
    arrays,
    formulaCount,
  };
}

interface SheetRead {
  readonly handlers: XmlHandlers;
  readonly cells: SheetCells;
  readonly sharedMasters: Map<string, SharedFormulaMaster>;
  readonly arrays: ArrayFormulaArea[];
  formulaCount: number;
}

/** The handlers that read a worksheet's cells, and what they collect. */
function sheetRead(reader: PartReader, index: number, name: string, strings: string[], date1904: boolean): SheetRead {
  const cells = new SheetCells();
  const sharedMasters = new Map<string, SharedFormulaMaster>();
  const arrays: ArrayFormulaArea[] = [];

  let inSheetData = false;
  let rowNumber = 0;
  let colNumber = 0;
  // The cell being read (in variables, not an object: a sheet may hold a million cells).
  let inCell = false;
  let cRow = 0;
  let cCol = 0;
  let cType: string | undefined;
  let cStart = 0;
  let cTagEnd = 0;
  let cSelfClosing = false;
  let cDynamic = false;
  let v: string | null = null;
  let vStart = -1;
  let vEnd = -1;
  let vTextStart = -1;
  let vTextEnd = -1;
  let fEnd = -1;
  let fAttrs: Record<string, string> | null = null;
  let fText = "";
  let inline: string | null = null;
  let inIs = false;
  let phonetic = 0;
  let collect: "v" | "f" | "t" | null = null;

  // The layout of the cell being finished, handed to the store (one object for all cells).
  const layout: { -readonly [K in keyof CellLayout]: CellLayout[K] } = { ...NO_LAYOUT };
  const finish = (end: number) => {
    let formula: StoredFormula | undefined;
    if (fAttrs) {
      result.formulaCount++;
      const kind = (fAttrs.t as FormulaKind | undefined) ?? "normal";
      formula = {
        kind: kind === "shared" || kind === "array" || kind === "dataTable" ? kind : "normal",
        text: fText,
        si: fAttrs.si,
        ref: fAttrs.ref,
        dynamic: cDynamic,
      };
      if (
        formula.kind === "shared" &&
        formula.si !== undefined &&
        fText.trim() !== "" &&
        !sharedMasters.has(formula.si)
      ) {
        sharedMasters.set(formula.si, { text: fText, row: cRow, col: cCol });
      }
    }
    // One shape for every record (no optional fields): V8 keeps them compact and fast.
    const record: CellRecord = {
      ordinal: cells.nextOrdinal(),
      row: cRow,
      col: cCol,
      type: cType,
      value: cellValue(cType, v, inline, strings, date1904),
      formula,
    };
    layout.start = cStart;
    layout.tagEnd = cTagEnd;
    layout.end = end;
    layout.selfClosing = cSelfClosing;
    layout.vStart = vStart;
    layout.vEnd = vEnd;
    layout.vTextStart = vTextStart;
    layout.vTextEnd = vTextEnd;
    layout.fEnd = fEnd;
    cells.setLayout(record.ordinal, layout);
    if (!cells.add(record)) {
      // Readers differ in which of the two they take (LibreOffice, openpyxl and ExcelJS the last),
      // and a recalculation would give one the new result and leave the other stale.
      throw reader.fail(
        `blad '${name}' heeft cel ${a1(cRow, cCol)} twee keer; welke van de twee geldt, verschilt per programma. Het bestand is beschadigd: open het in Excel en sla het opnieuw op.`,
      );
    }
    if (formula?.kind === "array" && formula.ref) {
      const area = parseRange(formula.ref, index);
      if (area) arrays.push({ master: record, area });
    }
    inCell = false;
  };

  const handlers: XmlHandlers = {
    open: (tag, attrs, start, end, selfClosing) => {
      if (!inSheetData) {
        if (tag === "sheetData") inSheetData = !selfClosing;
        return;
      }
      switch (tag) {
        case "row": {
          const r = attrs.r !== undefined ? Number(attrs.r) : rowNumber + 1;
          if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS) {
            throw reader.fail(
              `blad '${name}' heeft een rij buiten het blad (rij ${attrs.r}; Excel kent er ${MAX_ROWS})`,
            );
          }
          rowNumber = r;
          colNumber = 0;
          return;
        }
        case "c": {
          let row = rowNumber;
          let col = colNumber + 1;
          if (attrs.r !== undefined) {
            const at = parseA1(attrs.r.trim());
            if (!at) throw reader.fail(`blad '${name}' heeft een onleesbare celverwijzing '${attrs.r}'`);
            row = at.row;
            col = at.col;
          }
          if (row < 1 || row > MAX_ROWS || col < 1 || col > MAX_COLUMNS) {
            throw reader.fail(
              `blad '${name}' heeft een cel buiten het blad (${attrs.r ?? a1(row, col)}; het laatste is XFD1048576)`,
            );
          }
          colNumber = col;
          inCell = true;
          cRow = row;
          cCol = col;
          cType = attrs.t;
          cStart = start;
          cTagEnd = end;
          cSelfClosing = selfClosing;
          cDynamic = attrs.cm !== undefined && attrs.cm !== "0";
          v = null;
          vStart = vEnd = vTextStart = vTextEnd = fEnd = -1;
          fAttrs = null;
          fText = "";
          inline = null;
          inIs = false;
          phonetic = 0;
          if (selfClosing) finish(end);
          return;
        }
        case "v":
          if (!inCell) return;
          vStart = start;
          vTextStart = end;
          if (selfClosing) {
            vEnd = end;
            vTextEnd = end;
            v = "";
          } else {
            collect = "v";
            v = "";
          }
          return;
        case "f":
          if (!inCell) return;
          fAttrs = attrs as Record<string, string>;
          if (selfClosing) fEnd = end;
          else collect = "f";
          return;
        case "is":
          if (inCell && !selfClosing) {
            inIs = true;
            inline = "";
          }
          return;
        case "rPh":
          if (inIs && !selfClosing) phonetic++;
          return;
        case "t":
          if (inIs && phonetic === 0 && !selfClosing) collect = "t";
          return;
      }
    },
    close: (tag, start, end) => {
      if (!inSheetData) return;
      switch (tag) {
        case "sheetData":
          inSheetData = false;
          return;
        case "v":
          if (collect === "v") {
            collect = null;
            vEnd = end;
            vTextEnd = start;
          }
          return;
        case "f":
          if (collect === "f") collect = null;
          if (inCell) fEnd = end;
          return;
        case "t":
          if (collect === "t") collect = null;
          return;
        case "rPh":
          if (phonetic > 0) phonetic--;
          return;
        case "is":
          inIs = false;
          return;
        case "c":
          if (inCell && !cSelfClosing) finish(end);
          return;
      }
    },
    text: (t) => {
      if (collect === "v") v += t;
      else if (collect === "f") fText += t;
      else if (collect === "t" && inline !== null) inline += t;
    },
  };
  const result: SheetRead = { handlers, cells, sharedMasters, arrays, formulaCount: 0 };
  return result;
}
