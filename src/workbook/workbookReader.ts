/**
 * THE workbook reader: an .xlsx/.xlsm file read as it is into a WorkbookPackage. The zip's
 * central directory, then the parts a calculation needs, streamed through saxes: the workbook
 * part (sheets, defined names, calculation settings), the shared strings, every worksheet's cells
 * (sheetReader.ts) and the tables. Nothing is built into an object model of the whole file and
 * nothing is changed; every other part stays in the zip untouched. A file that is no workbook gets
 * a Dutch message naming it. Recalculation and the audit both read through here.
 */
import { basename, extname } from "path";
import { parseRange } from "./address";
import { refuse, WorkbookError } from "./errors";
import { FileIdentity, ReadFile, readRegularFile } from "./files";
import { CalcPrPosition, DefinedName, SheetInfo, TableColumn, TableInfo, WorkbookPackage } from "./package";
import { decodeEscapes, isType, PartReader, Relationship, resolveTarget } from "./partReader";
import { readSheet } from "./sheetReader";
import { prefixedAttribute } from "./xml";
import { LIMITS, looksLikeBomb, readZipEntries, ZipDamage, ZipEntry, ZipProblem } from "./zip";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** What to do with a spreadsheet in another format, by its extension. */
const CONVERT_HINT: Readonly<Record<string, string>> = {
  ".xls": "; sla een oud .xls-bestand op als .xlsx",
  ".xlsb": "; sla een binaire .xlsb-werkmap in Excel op als .xlsx",
  ".ods": "; sla een OpenDocument-rekenblad in LibreOffice op als .xlsx",
  ".csv": "; open het in Excel en sla het op als .xlsx",
};

/** The file's bytes: a regular file only, and no more than a workbook may hold. */
function loadFile(file: string): Promise<ReadFile> {
  return readRegularFile(
    file,
    LIMITS.fileBytes,
    `het bestand is groter dan ${LIMITS.fileBytes / 1024 / 1024} MB; zo'n werkmap leest NL Aftrek niet.`,
  );
}

/** Opens a workbook for reading. A WorkbookError (Dutch, naming the file) when it is not one. */
export async function openWorkbook(file: string): Promise<WorkbookPackage> {
  const ext = extname(file).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".xlsm") {
    throw refuse(basename(file), `geen Excel-werkmap (.xlsx of .xlsm)${CONVERT_HINT[ext] ?? ""}.`);
  }
  const { data, identity } = await loadFile(file);
  return readWorkbook(file, data, identity);
}

/**
 * Reads a workbook from its bytes (`file` names it in messages). `identity` is the file it was read
 * from; null for a package made in memory, before it is written.
 */
export async function readWorkbook(
  file: string,
  data: Buffer,
  identity: FileIdentity | null = null,
): Promise<WorkbookPackage> {
  const name = basename(file);
  const head = data.subarray(0, 4);
  if (head.equals(OLE_MAGIC)) {
    throw refuse(
      name,
      "is met een wachtwoord beveiligd (versleuteld) of is een oud .xls-bestand; sla het op als .xlsx zonder wachtwoord.",
    );
  }
  if (!head.equals(ZIP_MAGIC) && !head.equals(EMPTY_ZIP)) {
    throw refuse(name, data.length === 0 ? "het bestand is leeg." : "is geen geldige werkmap (geen zip-bestand).");
  }
  let entries: ZipEntry[];
  try {
    entries = await readZipEntries(data);
  } catch (error) {
    if (error instanceof ZipDamage) throw refuse(name, `is beschadigd: ${error.message}.`);
    if (error instanceof ZipProblem) {
      throw refuse(
        name,
        `is beschadigd of onvolledig (het zip-bestand is niet te lezen: ${zipMessage(error.message)}).`,
      );
    }
    throw error;
  }
  if (entries.some((e) => e.encrypted))
    throw refuse(name, "bevat versleutelde onderdelen; die kan NL Aftrek niet lezen.");
  // Also an entry that is never read: a zip bomb is no healthy workbook.
  const bomb = entries.find(looksLikeBomb);
  if (bomb)
    throw refuse(
      name,
      `onderdeel ${bomb.name} pakt uit tot ${bomb.uncompressedSize} bytes uit ${bomb.compressedSize} (een zip-bom).`,
    );
  return readPackage(new PartReader(file, data, entries), identity);
}

function zipMessage(message: string): string {
  if (/end of central directory/i.test(message)) return "het einde ontbreekt, het bestand is afgebroken";
  if (/afgebroken/.test(message)) return "het bestand is afgebroken";
  if (/invalid|signature|bad/i.test(message)) return "ongeldige opbouw";
  if (/multi-disk/i.test(message)) return "verdeeld over meerdere delen";
  return "ongeldige opbouw";
}

/** What a zip package without a workbook part is, as far as its parts tell (for the message). */
function whatElse(reader: PartReader, workbookPart: string): string {
  const mimetype = reader.entry("mimetype");
  if (mimetype || reader.entry("content.xml")) {
    const type = mimetype ? reader.text(mimetype).text.trim().slice(0, 80) : "";
    if (type === "application/vnd.oasis.opendocument.spreadsheet" || !type)
      return "het is een OpenDocument-rekenblad (.ods); sla het in LibreOffice op als Excel-werkmap (.xlsx)";
    return type.startsWith("application/vnd.oasis.opendocument.")
      ? `het is een ander OpenDocument-bestand (${type})`
      : `het is een bestand van het soort ${type}`;
  }
  if (reader.entry("word/document.xml")) return "het is een Word-document (.docx)";
  if (reader.entry("ppt/presentation.xml")) return "het is een PowerPoint-presentatie (.pptx)";
  return `het werkmaponderdeel ${workbookPart} ontbreekt`;
}

function readPackage(reader: PartReader, identity: FileIdentity | null): WorkbookPackage {
  const root = reader.relationships("");
  const main = root.find((r) => isType(r, "officeDocument") && !r.external);
  const workbookPart = main ? resolveTarget("", main.target) : "xl/workbook.xml";
  const workbookEntry = reader.entry(workbookPart);
  if (!workbookEntry) throw reader.fail(`is geen Excel-werkmap (${whatElse(reader, workbookPart)}).`);
  if (/\.bin$/i.test(workbookPart)) {
    throw reader.fail("is een binaire Excel-werkmap (.xlsb); sla die in Excel op als .xlsx of .xlsm.");
  }
  const workbookXml = reader.text(workbookEntry);
  const workbookText = workbookXml.text;

  const sheetRefs: { name: string; rid: string }[] = [];
  const rawNames: { name: string; localSheetId: number | null; formula: string }[] = [];
  let date1904 = false;
  let calcElement: CalcPrPosition["element"] = null;
  let calcAttributes: Record<string, string> | null = null;
  let fileVersionApp: string | null = null;
  let insertAt = -1;
  let currentName: { name: string; localSheetId: number | null; formula: string } | null = null;
  let rootSeen = false;
  reader.parse(workbookEntry, workbookText, {
    open: (tag, attrs, start, end, selfClosing) => {
      if (!rootSeen) {
        rootSeen = true;
        if (tag !== "workbook") throw reader.fail("is geen Excel-werkmap (het werkmaponderdeel is iets anders).");
      }
      if (tag === "sheet")
        sheetRefs.push({ name: attrs.name ?? "", rid: prefixedAttribute(attrs, "id") ?? attrs.id ?? "" });
      else if (tag === "workbookPr") date1904 = attrs.date1904 === "1" || attrs.date1904 === "true";
      else if (tag === "definedName") {
        const local = attrs.localSheetId !== undefined ? Number(attrs.localSheetId) : null;
        currentName = { name: attrs.name ?? "", localSheetId: Number.isInteger(local) ? local : null, formula: "" };
        if (selfClosing) {
          rawNames.push(currentName);
          currentName = null;
        }
      } else if (tag === "calcPr") {
        calcElement = { start, tagEnd: end, selfClosing };
        calcAttributes = { ...attrs };
      } else if (tag === "fileVersion") fileVersionApp = attrs.appName ?? "";
      if (selfClosing && ["sheets", "functionGroups", "externalReferences", "definedNames"].includes(tag))
        insertAt = end;
    },
    close: (tag, _start, end) => {
      if (tag === "definedName" && currentName) {
        rawNames.push(currentName);
        currentName = null;
      }
      if (["sheets", "functionGroups", "externalReferences", "definedNames"].includes(tag)) insertAt = end;
    },
    text: (t) => {
      if (currentName) currentName.formula += t;
    },
  });
  if (insertAt < 0) throw reader.fail("is geen Excel-werkmap (de lijst met bladen ontbreekt).");

  const rels = reader.relationships(workbookPart);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const sst = rels.find((r) => isType(r, "sharedStrings") && !r.external);
  const strings = readSharedStrings(reader, sst ? resolveTarget(workbookPart, sst.target) : undefined);

  const sheets: SheetInfo[] = [];
  const otherSheets: string[] = [];
  const tables: TableInfo[] = [];
  sheetRefs.forEach((ref) => {
    const rel = relById.get(ref.rid);
    if (!rel || rel.external || !isType(rel, "worksheet")) {
      otherSheets.push(ref.name);
      return;
    }
    const part = resolveTarget(workbookPart, rel.target);
    const entry = reader.entry(part);
    if (!entry) throw reader.fail(`het blad '${ref.name}' ontbreekt in het bestand (${part}).`);
    const index = sheets.length;
    sheets.push(readSheet(reader, index, ref.name, entry, strings, date1904));
    for (const tableRel of reader.relationships(part)) {
      if (!isType(tableRel, "table") || tableRel.external) continue;
      const table = readTable(reader, resolveTarget(part, tableRel.target), index);
      if (table) tables.push(table);
    }
  });

  // localSheetId counts every sheet of the workbook (chart sheets too); map it to our worksheet index.
  const indexOfAll = sheetRefs.map((ref) => sheets.findIndex((s) => s.name === ref.name));
  const names: DefinedName[] = rawNames.map((n) => ({
    name: n.name,
    sheet: n.localSheetId === null ? null : (indexOfAll[n.localSheetId] ?? -1),
    formula: n.formula,
  }));

  return {
    file: reader.file,
    identity,
    data: reader.data,
    entries: reader.entries,
    workbookEntry,
    workbookPart: workbookXml,
    sheets,
    otherSheets,
    names,
    tables,
    date1904,
    calcPr: { element: calcElement, insertAt },
    origin: {
      ...readApplication(reader, root),
      fileVersionApp,
      calcPr: calcAttributes,
      folderEntries: reader.entries.some((e) => e.name.endsWith("/")),
      firstEntry: reader.entries[0]?.name ?? null,
    },
  };
}

function readSharedStrings(reader: PartReader, part: string | undefined): string[] {
  if (!part) return [];
  const entry = reader.entry(part);
  if (!entry) return [];
  const { text } = reader.text(entry);
  let strings: string[] = [];
  // Fresh state for each reading (the part can be big: read in one pass, saxes may take over).
  reader.parse(entry, text, () => {
    const read: string[] = (strings = []);
    let current: string | null = null;
    let inT = false;
    let phonetic = 0;
    return {
      open: (name, _attrs, _s, _e, selfClosing) => {
        if (name === "si") current = selfClosing ? null : "";
        else if (name === "rPh") phonetic += selfClosing ? 0 : 1;
        else if (name === "t" && !selfClosing && phonetic === 0) inT = true;
        if (name === "si" && selfClosing) read.push("");
      },
      close: (name) => {
        if (name === "t") inT = false;
        else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
        else if (name === "si" && current !== null) {
          read.push(decodeEscapes(current));
          current = null;
        }
      },
      text: (t) => {
        if (inT && current !== null) current += t;
      },
    };
  });
  return strings;
}

function readTable(reader: PartReader, part: string, sheet: number): TableInfo | null {
  const entry = reader.entry(part);
  if (!entry) return null;
  const { text } = reader.text(entry);
  let info: Omit<TableInfo, "columns"> | null = null;
  const columns: TableColumn[] = [];
  reader.parse(entry, text, {
    open: (name, attrs) => {
      if (name === "table") {
        const area = parseRange(attrs.ref ?? "", sheet);
        if (!area) return;
        info = {
          name: attrs.name ?? attrs.displayName ?? "",
          displayName: attrs.displayName ?? attrs.name ?? "",
          sheet,
          area,
          headerRows: attrs.headerRowCount !== undefined ? Number(attrs.headerRowCount) : 1,
          totalsRows: attrs.totalsRowCount !== undefined ? Number(attrs.totalsRowCount) : 0,
        };
      } else if (name === "tableColumn") columns.push({ name: decodeEscapes(attrs.name ?? "") }); // a line break is _x000a_
    },
  });
  return info ? { ...(info as Omit<TableInfo, "columns">), columns } : null;
}

/**
 * The program named in the extended properties (docProps/app.xml). Only told, never needed: a
 * part that cannot be read names no program, and the workbook is read as before.
 */
function readApplication(
  reader: PartReader,
  root: readonly Relationship[],
): { application: string | null; appVersion: string | null } {
  const none = { application: null, appVersion: null };
  // Transitional spells the type extended-properties, Strict extendedProperties.
  const rel = root.find((r) => (isType(r, "extended-properties") || isType(r, "extendedProperties")) && !r.external);
  const entry = rel ? reader.entry(resolveTarget("", rel.target)) : undefined;
  if (!entry) return none;
  const found: Record<string, string> = {};
  let collecting: string | null = null;
  let depth = 0;
  try {
    reader.parse(entry, reader.text(entry).text, {
      open: (tag, _attrs, _start, _end, selfClosing) => {
        if (depth === 1 && (tag === "Application" || tag === "AppVersion") && !selfClosing) {
          collecting = tag;
          found[tag] = "";
        }
        if (!selfClosing) depth++;
      },
      close: () => {
        depth--;
        collecting = null;
      },
      text: (t) => {
        if (collecting) found[collecting] += t;
      },
    });
  } catch (error) {
    if (error instanceof WorkbookError) return none;
    throw error;
  }
  return { application: found.Application?.trim() ?? null, appVersion: found.AppVersion?.trim() ?? null };
}
