/**
 * The headless workbook engine: HyperFormula (GPL-v3 licence) with the NL functions registered.
 */
import { CellValue, DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { toEngineFormula } from "./formulaText";
import { NL_TRANSLATIONS, NlPlugin } from "./nlPlugin";

let registered = false;

function register(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(NlPlugin, NL_TRANSLATIONS);
  registered = true;
}

export const ENGINE_CONFIG = {
  licenseKey: "gpl-v3",
  // Keep full precision: NL results are already exact cents.
  smartRounding: false,
  // No column index: it speeds up lookups (VLOOKUP, MATCH) but costs memory on every cell.
  useColumnIndex: false,
  // Excel's own limits (HyperFormula's defaults stop at 40.000 rows).
  maxRows: 1048576,
  maxColumns: 16384,
};

/** Files may hold bare TRUE/FALSE, which HyperFormula only knows as functions. */
const NAMED_EXPRESSIONS = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

export function createEngine(sheets: Record<string, RawCellContent[][]>): HyperFormula {
  register();
  return HyperFormula.buildFromSheets(sheets, ENGINE_CONFIG, NAMED_EXPRESSIONS);
}

export type EngineValue = number | string | boolean | null | { error: string; message: string };

export function toEngineValue(value: CellValue): EngineValue {
  if (value instanceof DetailedCellError) return { error: value.value, message: value.message ?? "" };
  return value as number | string | boolean | null;
}

/** Evaluates one formula (English syntax, commas) on an empty sheet; a spill gives its rows. */
export function evaluateFormula(formula: string): EngineValue | EngineValue[][] {
  const hf = createEngine({ Blad1: [[toEngineFormula(formula)]] });
  try {
    const values = hf.getSheetValues(0);
    if (values.length > 1 || (values[0]?.length ?? 0) > 1) return values.map((row) => row.map(toEngineValue));
    return toEngineValue(hf.getCellValue({ sheet: 0, row: 0, col: 0 }));
  } finally {
    hf.destroy();
  }
}

/** A value as the CLI prints it: plain decimals, TRUE/FALSE, an error as its code and message. */
export function formatValue(value: EngineValue | EngineValue[][]): string {
  if (Array.isArray(value)) return value.map((row) => row.map(formatValue).join("\t")).join("\n");
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return value;
  return value.message ? `${value.error} ${value.message}` : value.error;
}

function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  const text = Number(n.toPrecision(15)).toString();
  if (!/e/i.test(text)) return text;
  return Number(n.toPrecision(15)).toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}
