/**
 * The number format of a cell in a workbook file, for the audit's question whether a whole number
 * is shown as a percentage (`0,00" %"`). Read only when asked: the styles part once, a sheet's
 * text once (a sheet without formulas is not kept by the reader), a cell's style from its tag.
 */
import { inflateEntry, partKey, ZipEntry, ZipProblem } from "../workbook/zip";
import { resolveTarget, SheetInfo, WorkbookPackage } from "../workbook/package";
import { decodeXml, parseXml, XmlProblem } from "../workbook/xml";

/** The format codes Excel does not write into the styles part (ECMA-376 part 1, 18.8.30), the percentages among them. */
const BUILT_IN: Readonly<Record<number, string>> = { 9: "0%", 10: "0.00%" };

/** The text of a part, or null when it cannot be read (a format is a hint, never a reason to fail). */
function partText(pkg: WorkbookPackage, name: string | ZipEntry): string | null {
  const entry = typeof name === "string" ? pkg.entries.find((e) => e.key === partKey(name)) : name;
  if (!entry) return null;
  try {
    return decodeXml(inflateEntry(pkg.data, entry)).text;
  } catch (error) {
    if (error instanceof ZipProblem) return null;
    throw error;
  }
}

function parsed(text: string, open: (name: string, attrs: Readonly<Record<string, string>>) => void): boolean {
  try {
    parseXml(text, { open });
    return true;
  } catch (error) {
    if (error instanceof XmlProblem) return false;
    throw error;
  }
}

/** The format code of each cell style (`cellXfs`, by index). */
function styleFormats(pkg: WorkbookPackage): string[] {
  const workbookPart = pkg.workbookEntry.name;
  const slash = workbookPart.lastIndexOf("/");
  const rels = partText(pkg, `${workbookPart.slice(0, slash + 1)}_rels/${workbookPart.slice(slash + 1)}.rels`);
  let stylesPart: string | null = null;
  if (rels)
    parsed(rels, (name, attrs) => {
      if (name === "Relationship" && (attrs.Type ?? "").endsWith("/styles") && attrs.TargetMode !== "External")
        stylesPart = resolveTarget(workbookPart, attrs.Target ?? "");
    });
  const styles = stylesPart ? partText(pkg, stylesPart) : null;
  if (!styles) return [];
  const codes = new Map<number, string>(Object.entries(BUILT_IN).map(([id, code]) => [Number(id), code]));
  const xfs: string[] = [];
  let inCellXfs = false;
  parsed(styles, (name, attrs) => {
    if (name === "numFmt") codes.set(Number(attrs.numFmtId), attrs.formatCode ?? "");
    else if (name === "cellXfs") inCellXfs = true;
    else if (name === "cellStyleXfs" || name === "dxfs") inCellXfs = false;
    else if (name === "xf" && inCellXfs) xfs.push(codes.get(Number(attrs.numFmtId ?? 0)) ?? "");
  });
  return xfs;
}

/** A function that gives the number format of a cell of a sheet of the package. */
export function numberFormats(
  pkg: WorkbookPackage,
): (sheet: SheetInfo, row: number, col: number) => string | undefined {
  let xfs: string[] | null = null;
  const texts = new Map<SheetInfo, string | null>();
  return (sheet, row, col) => {
    const cell = sheet.cells.get(row, col);
    if (!cell) return undefined;
    xfs ??= styleFormats(pkg);
    if (!xfs.length) return undefined;
    let text = texts.get(sheet);
    if (text === undefined) texts.set(sheet, (text = sheet.part?.text ?? partText(pkg, sheet.entry)));
    if (text === null) return undefined;
    const layout = sheet.cells.layout(cell);
    const style = /\ss\s*=\s*["'](\d+)["']/.exec(text.slice(layout.start, layout.tagEnd));
    return xfs[style ? Number(style[1]) : 0];
  };
}
