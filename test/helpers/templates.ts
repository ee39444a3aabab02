/**
 * Templates as a firm's bookkeeper makes them, written with ExcelJS (an independent writer): per
 * sheet, its cells by address. A number or text is a constant; `"=…"` a formula without a cached
 * value; `{ f, v }` a formula with the value Excel would have stored (`shareRef`: the first cell
 * of a shared formula over that range; `{ sharedWith, v }` its other cells); `{ v, fmt }` a
 * constant with a number format.
 */
import ExcelJS from "exceljs";

export type TemplateCell =
  | number
  | string
  | { readonly f: string; readonly v?: number | string; readonly shareRef?: string }
  | { readonly sharedWith: string; readonly v?: number | string }
  | { readonly v: number; readonly fmt: string };

export interface TemplateSheet {
  readonly name: string;
  readonly cells: Readonly<Record<string, TemplateCell>>;
}

export async function writeTemplate(file: string, sheets: readonly TemplateSheet[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const [address, cell] of Object.entries(sheet.cells)) {
      const target = ws.getCell(address);
      if (typeof cell === "number") target.value = cell;
      else if (typeof cell === "string")
        target.value = cell.startsWith("=") ? { formula: cell.slice(1), date1904: false } : cell;
      else if ("f" in cell) {
        target.value = cell.shareRef
          ? ({ formula: cell.f, result: cell.v, shareType: "shared", ref: cell.shareRef } as ExcelJS.CellFormulaValue)
          : ({ formula: cell.f, result: cell.v } as ExcelJS.CellFormulaValue);
      } else if ("sharedWith" in cell) {
        target.value = { sharedFormula: cell.sharedWith, result: cell.v } as ExcelJS.CellSharedFormulaValue;
      } else {
        target.value = cell.v;
        target.numFmt = cell.fmt;
      }
    }
  }
  await wb.xlsx.writeFile(file);
}

/**
 * An income-tax prognosis for an ondernemer comparing 2026 and 2027 (column headers B3 and C3 =B3+1),
 * typed as accountants type it: the zelfstandigenaftrek of 2024 (3.750, art. 3.76 lid 2) behind the
 * urencriterium, the MKB-winstvrijstelling of 2022/2023 (14) and the box 1 rates of 2026 (35,75,
 * 37,56, 49,5) as whole percentages under a "(%)" label, divided by 100 where used, the bands of
 * 2026 (38.883, 78.426) and the Zvw of 2026 (4,85% up to 79.409) in a formula. The cached values are
 * what the formulas give (worked out in the comments).
 */
export const PROGNOSE: TemplateSheet = {
  name: "Prognose",
  cells: {
    A1: "Inkomstenbelasting ondernemer: prognose 2026 en 2027",
    A3: "Omschrijving",
    B3: 2026,
    C3: { f: "B3+1", v: 2027 },
    A4: "Winst uit onderneming",
    B4: 80000,
    C4: 85000,
    A5: "Uren in de onderneming",
    B5: 1400,
    C5: 1400,
    A6: "Zelfstandigenaftrek",
    B6: { f: "IF(B5>=1225,3750,0)", v: 3750 },
    C6: { f: "IF(C5>=1225,3750,0)", v: 3750 },
    A7: "Winst na ondernemersaftrek",
    B7: { f: "B4-B6", v: 76250 }, // 80.000 - 3.750
    C7: { f: "C4-C6", v: 81250 }, // 85.000 - 3.750
    A8: "MKB-winstvrijstelling (%)",
    B8: 14,
    C8: 14,
    A9: "MKB-winstvrijstelling",
    B9: { f: "B7*B8/100", v: 10675 }, // 76.250 x 14%
    C9: { f: "C7*C8/100", v: 11375 }, // 81.250 x 14%
    A10: "Belastbare winst",
    B10: { f: "B7-B9", v: 65575 },
    C10: { f: "C7-C9", v: 69875 },
    A11: "Tarief eerste schijf (%)",
    B11: 35.75,
    C11: 35.75,
    A12: "Tarief tweede schijf (%)",
    B12: 37.56,
    C12: 37.56,
    A13: "Tarief derde schijf (%)",
    B13: 49.5,
    C13: 49.5,
    A14: "Einde eerste schijf",
    B14: 38883,
    C14: 38883,
    A15: "Einde tweede schijf",
    B15: 78426,
    C15: 78426,
    A16: "Inkomstenbelasting box 1",
    // 38.883 x 35,75% + (65.575 - 38.883) x 37,56% = 13.900,6725 + 10.025,5152
    B16: { f: "MIN(B10,B14)*B11/100+MAX(0,MIN(B10,B15)-B14)*B12/100+MAX(0,B10-B15)*B13/100", v: 23926.1877 },
    // 13.900,6725 + (69.875 - 38.883) x 37,56% = 13.900,6725 + 11.640,5952
    C16: { f: "MIN(C10,C14)*C11/100+MAX(0,MIN(C10,C15)-C14)*C12/100+MAX(0,C10-C15)*C13/100", v: 25541.2677 },
    A17: "Inkomensafhankelijke bijdrage Zvw",
    B17: { f: "MIN(B10,79409)*4.85/100", v: 3180.3875 }, // 65.575 x 4,85%
    C17: { f: "MIN(C10,79409)*4.85/100", v: 3388.9375 }, // 69.875 x 4,85%
  },
};
