#!/usr/bin/env node
/**
 * npm run fidelity -- <folder> [--broken <list>] [--json]
 *
 * Recalculates every workbook in a folder (copies; the folder itself is never written) and checks
 * that nothing is lost: every zip entry is still there, no entry other than a recalculated sheet
 * changed, no formula text changed, every cached result outside the NL formulas' reach is kept.
 * For each workbook it also makes a copy with an NL formula that reads a number cell of the
 * workbook and a native formula that reads that NL result, recalculates the copy and checks that
 * exactly those two cells got values, right to the cent.
 *
 * With --broken <list>, every refused file must be on the list (one file name per line, `#` for
 * comments): files that are really broken. Exit code 1 when any check fails.
 *
 * Beside the folder it makes the generated workbooks of scripts/generated-corpus.js (a client list
 * written by ExcelJS, SheetJS, openpyxl, XlsxWriter and LibreOffice, where installed) and checks
 * that every NL cell and every formula on it gets the law's value to the cent, or is reported as
 * not recalculated with its cached value untouched; that none reports "geen NL-formules"; and that
 * nothing else in them is lost or changed.
 * The zip entries are compared with fflate, independently of the zip library the tool writes with.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { unzipSync, zipSync } = require("fflate");
const Decimal = require("decimal.js");
const { recalcFile } = require("../lib/engine/recalcFile");
const { openWorkbook } = require("../lib/workbook/workbookReader");
const { WorkbookError } = require("../lib/workbook/errors");
const { WorkbookReferences } = require("../lib/workbook/references");
const { NamesResolved } = require("../lib/engine/plan/namesResolved");
const { a1, areasOverlap, MAX_COLUMNS } = require("../lib/workbook/address");
const { NL_FUNCTIONS } = require("../lib/functions/registry");
const { scanPlainXml } = require("../lib/workbook/plainXml");
const { decodeXml, parseWithSaxes } = require("../lib/workbook/xml");
const { parseA1 } = require("../lib/workbook/address");
const { makeGeneratedCorpus, checkRecalculated } = require("./generated-corpus");

/** What a parse reports, as one string (text inside the root joined); null when it fails. */
function xmlReport(parse, xml) {
  const out = [];
  let depth = 0;
  let text = "";
  const flush = () => {
    if (text) out.push(`T${JSON.stringify(text)}`);
    text = "";
  };
  try {
    parse(xml, {
      open: (name, attrs, start, end, self) => (flush(), depth++, out.push(`O${name}${JSON.stringify(attrs)}${start},${end},${self}`)),
      close: (name, start, end) => (flush(), depth--, out.push(`C${name}${start},${end}`)),
      text: (t) => {
        if (depth > 0) text += t;
      },
    });
  } catch {
    return null;
  }
  return out.join("\n");
}

/** Every XML part of a workbook read by the fast path (where it reads it) and by saxes: the same? */
function xmlFastPath(entries) {
  const result = { parts: 0, fast: 0, differ: [] };
  for (const [name, bytes] of Object.entries(entries)) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    const xml = decodeXml(Buffer.from(bytes)).text;
    result.parts++;
    if (!scanPlainXml(xml, null)) continue;
    result.fast++;
    const fast = xmlReport(scanPlainXml, xml);
    if (fast === null || fast !== xmlReport(parseWithSaxes, xml)) result.differ.push(name);
  }
  return result;
}

function parseArgs(argv) {
  const args = { folder: null, broken: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--broken") args.broken = argv[++i];
    else if (argv[i] === "--json") args.json = true;
    else args.folder = argv[i];
  }
  if (!args.folder) {
    console.error("Gebruik: npm run fidelity -- <map met werkmappen> [--broken <lijst>] [--json]");
    process.exit(2);
  }
  return args;
}

function workbooksIn(folder) {
  const out = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...workbooksIn(full));
    else if (/\.xls[xm]$/i.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function entriesOf(file) {
  try {
    return unzipSync(fs.readFileSync(file));
  } catch {
    return null;
  }
}

const sameBytes = (a, b) => a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
const cellId = (sheet, row, col) => `${sheet}:${row}:${col}`;

/** Everything outside <sheetData> of a sheet's XML. */
function outsideSheetData(text) {
  const start = text.search(/<([\w]+:)?sheetData[\s>/]/);
  const endMatch = /<\/([\w]+:)?sheetData\s*>/.exec(text);
  if (start < 0) return text;
  const end = endMatch ? endMatch.index + endMatch[0].length : start;
  return text.slice(0, start) + text.slice(end);
}

/**
 * Compares a workbook with its recalculated version. `reach` holds the cells the recalculation was
 * allowed to give new values (the NL formulas and their dependents).
 */
async function compare(before, after, reach) {
  const result = { lost: [], added: [], changedEntries: [], formulasChanged: [], cachedTotal: 0, cachedKept: 0, valuesChanged: [] };
  const a = entriesOf(before);
  const b = entriesOf(after);
  if (!a || !b) {
    result.changedEntries.push("(zip niet te lezen)");
    return result;
  }
  const pa = await openWorkbook(before);
  const pb = await openWorkbook(after);
  const sheetParts = new Map(pa.sheets.map((s) => [s.entry.name, s.index]));
  for (const name of Object.keys(a)) {
    if (!(name in b)) {
      result.lost.push(name);
      continue;
    }
    if (sameBytes(a[name], b[name])) continue;
    if (sheetParts.has(name)) {
      const ta = Buffer.from(a[name]).toString("utf8");
      const tb = Buffer.from(b[name]).toString("utf8");
      if (outsideSheetData(ta) !== outsideSheetData(tb)) result.changedEntries.push(name);
      continue;
    }
    if (name === pa.workbookEntry.name) {
      const strip = (t) => Buffer.from(t).toString("utf8").replace(/\s*fullCalcOnLoad="1"/, "").replace(/<([\w]+:)?calcPr\s*\/>/, "");
      if (strip(a[name]) === strip(b[name])) continue;
    }
    result.changedEntries.push(name);
  }
  for (const name of Object.keys(b)) if (!(name in a)) result.added.push(name);
  pa.sheets.forEach((sa, index) => {
    const sb = pb.sheets[index];
    for (const ca of sa.cells.values()) {
      const cb = sb.cells.get(ca.row, ca.col);
      const where = `${sa.name}!${a1(ca.row, ca.col)}`;
      if (!cb) {
        result.valuesChanged.push(`${where} (cel verdwenen)`);
        continue;
      }
      if ((ca.formula?.text ?? null) !== (cb.formula?.text ?? null) || (ca.formula?.kind ?? null) !== (cb.formula?.kind ?? null)) {
        result.formulasChanged.push(where);
      }
      if (reach.has(cellId(index, ca.row, ca.col))) continue;
      const same = JSON.stringify(ca.value) === JSON.stringify(cb.value) && (ca.type ?? "n") === (cb.type ?? "n");
      if (ca.formula && ca.value !== null) {
        result.cachedTotal++;
        if (same) result.cachedKept++;
      }
      if (!same) result.valuesChanged.push(where);
    }
  });
  return result;
}

/**
 * Where the copy's new cells go: beside the first plain number of a sheet (or beside a number the
 * copy adds, when the workbook has none), where no formula and no table reads.
 */
function injectionPlan(pkg) {
  const refs = new WorkbookReferences(pkg);
  const names = new NamesResolved(refs);
  const read = [];
  for (const sheet of pkg.sheets) {
    for (const cell of sheet.cells.values()) {
      if (!cell.formula) continue;
      read.push(...names.areasRead(names.cellFormula(sheet, cell), sheet.index, cell));
    }
  }
  const candidates = pkg.sheets.filter((s) => s.encoding === "utf8");
  // Sheets with a number first.
  const withNumber = (sheet) => {
    for (const cell of sheet.cells.values()) {
      const v = cell.value;
      if (!cell.formula && typeof v === "number" && Math.abs(v) >= 1 && Math.abs(v) <= 1e9 && (cell.type ?? "n") === "n") return cell;
    }
    return null;
  };
  candidates.sort((a, b) => Number(!withNumber(a)) - Number(!withNumber(b)));
  for (const sheet of candidates) {
    let maxCol = 0;
    let maxRow = 0;
    for (const cell of sheet.cells.values()) {
      maxCol = Math.max(maxCol, cell.col);
      maxRow = Math.max(maxRow, cell.row);
    }
    const number = withNumber(sheet);
    const width = number ? 2 : 3;
    const col = maxCol + 2;
    if (col + width > MAX_COLUMNS) continue;
    const free = (row) => {
      const area = { sheet: sheet.index, r1: row, c1: col, r2: row, c2: col + width - 1 };
      return !read.some((a) => areasOverlap(a, area)) && !pkg.tables.some((t) => areasOverlap(t.area, area));
    };
    const rows = (number ? [number.row, maxRow + 2] : [maxRow + 2]).filter(free);
    if (rows.length) return { sheet, number, rows, col, maxRow };
  }
  return { skip: "geen vrije plek" };
}

/** Writes a copy with the new cells (formulas as Excel stores them: no cached value). */
function inject(copy, target, plan) {
  const { sheet, number } = plan;
  const entries = unzipSync(fs.readFileSync(copy));
  const text = Buffer.from(entries[sheet.entry.name]).toString("utf8");
  const rowTagAt = (r) => new RegExp(`<([\\w]+:)?row\\b[^>]*\\sr="${r}"[^>]*?(/?)>`).exec(text);
  // Beside the number when its row can be found by number, else in a new row below the others.
  const row = plan.rows.find((r) => r > plan.maxRow || rowTagAt(r));
  if (row === undefined) return null;
  const newRow = row > plan.maxRow;
  const prefix = /<([\w]+:)?sheetData[\s>/]/.exec(text)?.[1] ?? "";
  const p = prefix;
  let col = plan.col;
  let cells = "";
  let source = number;
  let value = number?.value;
  if (!number) {
    value = 12345;
    cells += `<${p}c r="${a1(row, col)}"><${p}v>${value}</${p}v></${p}c>`;
    source = { row, col };
    col++;
  }
  const abs = `$${a1(source.row, source.col).replace(/(\d+)$/, "$$$1")}`;
  const nl = a1(row, col);
  cells +=
    `<${p}c r="${nl}"><${p}f>_xldudf_NL_MKBVRIJ(2025,${abs})</${p}f></${p}c>` +
    `<${p}c r="${a1(row, col + 1)}"><${p}f>ROUND(${nl}*2,2)</${p}f></${p}c>`;
  let edited;
  if (newRow) {
    const close = /<\/([\w]+:)?sheetData\s*>/.exec(text);
    const selfClosing = /<([\w]+:)?sheetData\b[^>]*\/>/.exec(text);
    const rowXml = `<${p}row r="${row}">${cells}</${p}row>`;
    if (close) edited = text.slice(0, close.index) + rowXml + text.slice(close.index);
    else if (selfClosing) {
      const open = selfClosing[0].replace(/\s*\/>$/, ">");
      edited = text.slice(0, selfClosing.index) + open + rowXml + `</${p}sheetData>` + text.slice(selfClosing.index + selfClosing[0].length);
    } else return null;
  } else {
    const rowTag = rowTagAt(row);
    if (rowTag[2] === "/") {
      const open = rowTag[0].replace(/\s*\/>$/, ">");
      edited = text.slice(0, rowTag.index) + open + cells + `</${p}row>` + text.slice(rowTag.index + rowTag[0].length);
    } else {
      const close = text.indexOf(`</${p}row>`, rowTag.index);
      edited = text.slice(0, close) + cells + text.slice(close);
    }
  }
  entries[sheet.entry.name] = Buffer.from(edited, "utf8");
  fs.writeFileSync(target, zipSync(entries));
  const mkb = NL_FUNCTIONS.MKBVRIJ(2025, value);
  return {
    sheet: sheet.index,
    cells: [
      { row, col, expected: mkb },
      { row, col: col + 1, expected: new Decimal(mkb).times(2).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber() },
    ],
  };
}

/** The generated workbooks made in `dir`, recalculated and held to the law's values. */
async function checkGenerated(dir) {
  const { files, missing } = await makeGeneratedCorpus(dir);
  const result = { files: files.length, generators: [...new Set(files.map((f) => f.generator))], missing, right: 0, listed: 0, wrong: [], noNl: [], lossless: [] };
  for (const entry of files) {
    const name = path.basename(entry.file);
    const out = entry.file.replace(/\.xlsx$/, ".uit.xlsx");
    const report = await recalcFile(entry.file, out);
    if (report.nlFormulas === 0) result.noNl.push(`${name}: geen NL-formules gemeld, maar het bestand heeft er ${entry.nlCells.length}`);
    const before = await openWorkbook(entry.file);
    const after = await openWorkbook(out);
    const valueIn = (pkg) => (cell) => {
      const [sheet, address] = cell.split("!");
      const at = parseA1(address);
      return pkg.sheets.find((s) => s.name === sheet).cells.get(at.row, at.col)?.value ?? null;
    };
    const check = checkRecalculated(entry, { before: valueIn(before), after: valueIn(after), listed: new Set(report.notRecalculated.map((n) => n.cell)) });
    result.right += check.right;
    result.listed += check.listed;
    result.wrong.push(...check.wrong.map((w) => `${name}: ${w}`));
    // Only the cells worked out may change: the formulas the NL formulas read, the NL formulas and what reads them.
    const reach = new Set(
      Object.keys(entry.expected).map((cell) => {
        const [sheet, address] = cell.split("!");
        const at = parseA1(address);
        return cellId(before.sheets.findIndex((s) => s.name === sheet), at.row, at.col);
      }),
    );
    const diff = await compare(entry.file, out, reach);
    for (const problem of [...diff.lost, ...diff.changedEntries, ...diff.added, ...diff.formulasChanged, ...diff.valuesChanged])
      result.lossless.push(`${name}: ${problem}`);
  }
  return result;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const broken = args.broken
    ? new Set(
        fs
          .readFileSync(args.broken, "utf8")
          .split("\n")
          .map((l) => l.replace(/#.*/, "").trim())
          .filter(Boolean),
      )
    : null;
  const files = workbooksIn(args.folder);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nl-aftrek-fidelity-"));
  const totals = { files: files.length, read: 0, refused: [], lost: [], changedEntries: [], formulasChanged: [], cachedTotal: 0, cachedKept: 0, valuesChanged: [], copies: 0, copiesRight: 0, copiesWrong: [], copiesSkipped: [], xmlParts: 0, xmlFast: 0, xmlDiffer: [] };
  const started = Date.now();
  for (const file of files) {
    const name = path.relative(args.folder, file);
    const zipped = entriesOf(file);
    if (zipped) {
      const xml = xmlFastPath(zipped);
      totals.xmlParts += xml.parts;
      totals.xmlFast += xml.fast;
      totals.xmlDiffer.push(...xml.differ.map((part) => `${name}: ${part}`));
    }
    const work = fs.mkdtempSync(path.join(tmp, "w"));
    const copy = path.join(work, path.basename(file));
    const out = path.join(work, `uit${path.extname(file)}`);
    fs.copyFileSync(file, copy);
    fs.chmodSync(copy, 0o644);
    let report;
    try {
      report = await recalcFile(copy, out);
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
      totals.refused.push({ file: name, message: error.message });
      continue;
    }
    totals.read++;
    const reach = new Set();
    const pkgBefore = await openWorkbook(copy);
    const diff = await compare(copy, out, reach);
    const label = (list) => list.map((x) => `${name}: ${x}`);
    totals.lost.push(...label(diff.lost));
    totals.changedEntries.push(...label(diff.changedEntries), ...label(diff.added.map((a) => `${a} (nieuw)`)));
    totals.formulasChanged.push(...label(diff.formulasChanged));
    totals.cachedTotal += diff.cachedTotal;
    totals.cachedKept += diff.cachedKept;
    totals.valuesChanged.push(...label(diff.valuesChanged));
    if (report.nlFormulas > 0) continue; // a workbook that already has NL formulas is checked as it is

    const plan = injectionPlan(pkgBefore);
    if (plan.skip) {
      totals.copiesSkipped.push(`${name}: ${plan.skip}`);
      continue;
    }
    const injected = path.join(work, `kopie-${path.basename(file)}`);
    const injectedOut = path.join(work, `kopie-uit${path.extname(file)}`);
    const made = inject(copy, injected, plan);
    if (!made) {
      totals.copiesSkipped.push(`${name}: geen rij of blad om de cellen in te zetten`);
      continue;
    }
    totals.copies++;
    let copyReport;
    try {
      copyReport = await recalcFile(injected, injectedOut);
    } catch (error) {
      totals.copiesWrong.push(`${name}: ${error.message}`);
      continue;
    }
    const newCells = new Set(made.cells.map((c) => cellId(made.sheet, c.row, c.col)));
    const copyDiff = await compare(injected, injectedOut, newCells);
    const after = await openWorkbook(injectedOut);
    const problems = [];
    for (const c of made.cells) {
      const got = after.sheets[made.sheet].cells.get(c.row, c.col)?.value;
      if (got !== c.expected) problems.push(`${a1(c.row, c.col)} = ${JSON.stringify(got)}, verwacht ${c.expected}`);
    }
    if (copyDiff.lost.length || copyDiff.changedEntries.length || copyDiff.added.length) problems.push(`onderdelen: ${[...copyDiff.lost, ...copyDiff.changedEntries, ...copyDiff.added].join(", ")}`);
    if (copyDiff.formulasChanged.length) problems.push(`formules veranderd: ${copyDiff.formulasChanged.join(", ")}`);
    if (copyDiff.valuesChanged.length) problems.push(`andere waarden veranderd: ${copyDiff.valuesChanged.slice(0, 5).join(", ")}`);
    if (copyReport.recalculated !== 2) problems.push(`${copyReport.recalculated} cellen herberekend in plaats van 2`);
    if (problems.length) totals.copiesWrong.push(`${name}: ${problems.join("; ")}`);
    else totals.copiesRight++;
  }
  const generated = await checkGenerated(path.join(tmp, "gegenereerd"));
  fs.rmSync(tmp, { recursive: true, force: true });

  const unexpectedRefusals = broken ? totals.refused.filter((r) => !broken.has(path.basename(r.file))) : [];
  const checks = {
    "0 onderdelen verloren": totals.lost.length === 0,
    "0 andere onderdelen veranderd": totals.changedEntries.length === 0,
    "0 formules veranderd": totals.formulasChanged.length === 0,
    "100% opgeslagen uitkomsten buiten bereik behouden": totals.cachedKept === totals.cachedTotal && totals.valuesChanged.length === 0,
    "elke kopie goed": totals.copiesWrong.length === 0,
    "XML-snelpad leest alles zoals saxes": totals.xmlDiffer.length === 0,
    ...(broken ? { "alleen echt kapotte bestanden geweigerd": unexpectedRefusals.length === 0 } : {}),
    "gegenereerde werkmappen: elke NL-cel en formule erop goed of gemeld": generated.wrong.length === 0,
    "gegenereerde werkmappen: nooit 'geen NL-formules' bij NL-formules": generated.noNl.length === 0,
    "gegenereerde werkmappen: niets anders verloren of veranderd": generated.lossless.length === 0,
  };
  if (args.json) {
    console.log(JSON.stringify({ ...totals, generated, checks, ms: Date.now() - started }, null, 2));
  } else {
    const pct = totals.cachedTotal ? ((100 * totals.cachedKept) / totals.cachedTotal).toFixed(2) : "100.00";
    console.log(`Werkmappen: ${totals.files}, gelezen ${totals.read}, geweigerd ${totals.refused.length} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const r of totals.refused) console.log(`  geweigerd: ${r.message}`);
    console.log(`Zip-onderdelen verloren:           ${totals.lost.length}`);
    console.log(`Andere onderdelen veranderd:       ${totals.changedEntries.length}`);
    console.log(`Formules met andere tekst:         ${totals.formulasChanged.length}`);
    console.log(`Opgeslagen uitkomsten behouden:    ${totals.cachedKept} van ${totals.cachedTotal} (${pct}%)`);
    console.log(`Kopieën met NL-formule:            ${totals.copiesRight} van ${totals.copies} goed; ${totals.copiesSkipped.length} overgeslagen`);
    console.log(`XML-onderdelen via het snelpad:    ${totals.xmlFast} van ${totals.xmlParts}, ${totals.xmlDiffer.length} anders dan saxes`);
    console.log(
      `Gegenereerde werkmappen:           ${generated.files} (${generated.generators.join(", ")}): ` +
        `${generated.right} cellen goed, ${generated.listed} gemeld als niet herberekend, ${generated.wrong.length} fout`,
    );
    for (const m of generated.missing) console.log(`  zonder ${m.generator}: ${m.reason}`);
    for (const line of [...generated.wrong.slice(0, 20), ...generated.noNl, ...generated.lossless]) console.log(`  ! ${line}`);
    for (const line of [...totals.xmlDiffer, ...totals.lost, ...totals.changedEntries, ...totals.formulasChanged, ...totals.valuesChanged.slice(0, 20), ...totals.copiesWrong]) {
      console.log(`  ! ${line}`);
    }
    for (const line of totals.copiesSkipped) console.log(`  overgeslagen: ${line}`);
    for (const r of unexpectedRefusals) console.log(`  ! geweigerd maar niet als kapot bekend: ${r.file}`);
    for (const [check, ok] of Object.entries(checks)) console.log(`${ok ? "OK  " : "FOUT"} ${check}`);
  }
  process.exitCode = Object.values(checks).every(Boolean) ? 0 : 1;
}

// The comparison is also what the tests of `controleer --vervang` check a converted copy with.
module.exports = { compare };

if (require.main === module) {
  main().catch((error) => {
    console.error(error.stack || error);
    process.exitCode = 2;
  });
}
