/**
 * Whose cached formula results a workbook holds, decided once per recalculation: a cached result
 * stands for a formula's value only where Excel wrote it. Files that firms generate with scripts
 * (openpyxl, XlsxWriter, pandas, ExcelJS, SheetJS) or save with LibreOffice carry no cached
 * result, a 0 or a result of another program; the formulas the NL formulas read are then computed
 * too. The decision rests only on what the file says about itself (see WorkbookOrigin), so a tool
 * that imitates Excel in every part is believed; each rule below names the writer it catches.
 */
import { CellRecord, WorkbookOrigin, WorkbookPackage } from "../../workbook/package";
import { isErrorValue } from "../../workbook/values";

/** The application names Excel writes into docProps/app.xml (Windows, Mac, Excel for the web). */
const EXCEL_APPLICATION = /^Microsoft (Macintosh )?Excel( Online)?$/;

/** Excel's AppVersion: major version, a point and four digits ("12.0000", "16.0300"). openpyxl writes "3.0". */
const EXCEL_APP_VERSION = /^\d{2}\.\d{4}$/;

const isOn = (value: string | undefined) => value === "1" || value === "true";
const isOff = (value: string | undefined) => value === "0" || value === "false";

/**
 * Why the cached formula results of a workbook are not Excel's (in Dutch, for the report), or null
 * when the file says Excel wrote them and kept them up to date.
 */
export function cachesNotExcel(origin: WorkbookOrigin): string | null {
  const calc = origin.calcPr ?? {};
  // XlsxWriter and openpyxl (writing 0 or nothing), ExcelJS on request, and any tool that knows
  // its results are not Excel's. ECMA-376 Part 1, 18.2.2 calcPr: "fullCalcOnLoad".
  if (isOn(calc.fullCalcOnLoad))
    return "het bestand vraagt Excel bij openen alles opnieuw te berekenen (fullCalcOnLoad): de opgeslagen uitkomsten zijn niet die van Excel";
  // Manual calculation without calculating before saving: what Excel stored may be out of date.
  if (calc.calcMode === "manual" && isOff(calc.calcOnSave))
    return "Excel rekende met de hand en niet bij opslaan: de opgeslagen uitkomsten kunnen verouderd zijn";
  // Excel always writes its name in the extended properties; SheetJS writes "SheetJS", LibreOffice
  // "LibreOffice/7.4.7.2$Linux_X86_64 …" (told up to the "$"), Apache POI "Apache POI".
  if (origin.application === null)
    return "het bestand noemt het programma niet dat het schreef (docProps/app.xml): de opgeslagen uitkomsten zijn niet zeker van Excel";
  if (!EXCEL_APPLICATION.test(origin.application))
    return `geschreven door ${origin.application.split("$")[0]}, niet door Excel: de opgeslagen uitkomsten zijn niet die van Excel`;
  if (origin.appVersion !== null && !EXCEL_APP_VERSION.test(origin.appVersion))
    return `het bestand noemt Excel, maar met versie ${origin.appVersion}, die Excel niet schrijft: de opgeslagen uitkomsten zijn niet zeker van Excel`;
  // Excel writes <fileVersion appName="xl">; LibreOffice writes appName="Calc", openpyxl none.
  if (origin.fileVersionApp !== "xl")
    return origin.fileVersionApp
      ? `geschreven door ${origin.fileVersionApp}, niet door Excel (fileVersion): de opgeslagen uitkomsten zijn niet die van Excel`
      : "het werkmaponderdeel mist de <fileVersion> die Excel altijd schrijft: de opgeslagen uitkomsten zijn niet zeker van Excel";
  // Excel never stores folders in the zip and always starts it with [Content_Types].xml (so do all
  // 176 workbooks of the test corpus that Excel saved); ExcelJS stores folders ("xl/", "_rels/"),
  // its streaming writer starts with the theme, and a file unpacked and packed again by hand
  // shows either.
  if (origin.folderEntries || origin.firstEntry !== "[Content_Types].xml")
    return "de zip is niet zoals Excel hem schrijft (het bestand is door een ander programma gemaakt of ingepakt): de opgeslagen uitkomsten zijn niet zeker van Excel";
  return null;
}

/** Whether a formula cell's cached result may be read as its value. */
export class CacheTrust {
  /** Why no cached result of this workbook is Excel's, or null when Excel wrote them. */
  readonly notExcel: string | null;

  constructor(private readonly pkg: WorkbookPackage) {
    this.notExcel = cachesNotExcel(pkg.origin);
  }

  /**
   * Excel's result for the formula of `cell`, as stored: in a workbook Excel wrote, a cell with a
   * `<v>` that holds a value (openpyxl writes `<v></v>` for none) that is not an error (an error
   * Excel cached may be gone now: the formula is computed again).
   */
  usable(sheet: number, cell: CellRecord): boolean {
    if (this.notExcel !== null) return false;
    const value = cell.value;
    if (value === null || isErrorValue(value)) return false;
    return this.pkg.sheets[sheet].cells.hasValueElement(cell);
  }
}
