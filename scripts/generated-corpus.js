/**
 * The workbooks firms generate, made by the generators themselves: a list of 40 clients whose
 * winst and uren are ordinary formulas (omzet - kosten, the sum of the months' hours), three NL
 * formulas per client and formulas on their results, written by ExcelJS and SheetJS (npm), by
 * openpyxl and XlsxWriter (Debian's python3-openpyxl, python3-xlsxwriter) and saved again by
 * LibreOffice headless, where those are installed. Each file spells its formulas as that tool
 * writes them: plain references, an Excel table with structured references in several spellings,
 * function names in any case, `[2]!_xldudf_` (what Excel writes when a COM add-in interferes).
 *
 * With every file comes the value each NL cell and each formula on it must get, worked out here
 * from the law's own numbers for 2025 (never from the project's rules code), in whole cents.
 * Used by test/engine/generatedWorkbooks.test.ts and by `npm run fidelity`.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { soffice, recalculatingProfile, convertArgs } = require("./libreoffice");

/**
 * The law for 2025 (Wet inkomstenbelasting 2001 as in force on 1 January 2025,
 * https://wetten.overheid.nl/BWBR0011353/2025-01-01):
 * - art. 3.6: the urencriterium is met with at least 1.225 hours on the business;
 * - art. 3.76 lid 2: zelfstandigenaftrek € 2.470, limited to the winst (art. 3.76 lid 5, no startersaftrek);
 * - art. 3.79a: MKB-winstvrijstelling 12,7% of the winst after the ondernemersaftrek.
 */
const LAW_2025 = { year: 2025, urencriteriumUren: 1225, zelfstandigenaftrekCents: 247000, mkbPromille: 127 };

/** `numerator / denominator` rounded half away from zero (ROUND in Excel, half-up in the rules). */
function roundHalfUp(numerator, denominator) {
  const sign = numerator < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(numerator) * 2 + denominator) / (2 * denominator));
}

const MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/** Hours per month adding up to `total`. */
function spread(total) {
  const base = Math.floor(total / 12);
  return MONTHS.map((_, m) => base + (m < total - base * 12 ? 1 : 0));
}

/**
 * The clients: first the cases that matter (the example, a half cent in the MKB-winstvrijstelling,
 * a loss, a winst below the zelfstandigenaftrek, the 1.225-hour edge), then ordinary ones with cents.
 * Amounts in cents.
 */
function clients(count = 40) {
  const special = [
    { omzet: 5200000, kosten: 700000, uren: 1400 }, // winst 45.000: belastbare winst 37.128,69 (the issue)
    { omzet: 5000500, kosten: 500000, uren: 1300 }, // 12,7% x 42.535 = 5.401,945: 5.401,95
    { omzet: 1000000, kosten: 1500000, uren: 1500 }, // a loss of 5.000: MKB-winstvrijstelling -635
    { omzet: 300000, kosten: 150000, uren: 1225 }, // winst 1.500: zelfstandigenaftrek 1.500 (Belastingdienst)
    { omzet: 6000000, kosten: 2000000, uren: 1224 }, // one hour short: no zelfstandigenaftrek
    { omzet: 6000000, kosten: 2000000, uren: 1226 },
    { omzet: 3000000, kosten: 0, uren: 0 },
    { omzet: 2500000, kosten: 2500000, uren: 1800 }, // winst 0
  ];
  const list = [];
  for (let i = 0; i < count; i++) {
    const s = special[i] ?? {
      omzet: 2000000 + ((i * 7919 * 13) % 9000000) + ((i * 37) % 100),
      kosten: ((i * 104729) % 3000000) + ((i * 53) % 100),
      uren: 800 + ((i * 97) % 1000),
    };
    list.push({ naam: `Klant ${String(i + 1).padStart(2, "0")}`, omzet: s.omzet, kosten: s.kosten, uren: spread(s.uren) });
  }
  return list;
}

/** What the law gives a client, in cents (uren in hours). */
function lawFor(client) {
  const winst = client.omzet - client.kosten;
  const uren = client.uren.reduce((a, b) => a + b, 0);
  const urencriterium = uren >= LAW_2025.urencriteriumUren;
  const za = urencriterium ? Math.min(LAW_2025.zelfstandigenaftrekCents, Math.max(winst, 0)) : 0;
  const grondslag = winst - za;
  // A negative half cent would need the law's rounding of a negative amount: not in this corpus.
  if (grondslag < 0 && (Math.abs(grondslag) * LAW_2025.mkbPromille) % 1000 === 500)
    throw new Error(`client ${client.naam}: negative half cent`);
  const mkb = roundHalfUp(grondslag * LAW_2025.mkbPromille, 1000);
  const belastbareWinst = grondslag - mkb;
  return { winst, uren, urencriterium, za, belastbareWinst, perMaand: roundHalfUp(belastbareWinst, 12) };
}

/** The columns of the list (row 3 holds the headers, the clients rows 4 to 43, B1 the year). */
const HEADERS = [
  "Naam",
  "Omzet",
  "Kosten [excl. btw]",
  ...MONTHS.map((m) => `Uren ${m}`),
  "Winst",
  "Uren",
  "Urencriterium",
  "Zelfstandigenaftrek",
  "Belastbare winst",
  "Per maand",
];
const FIRST_ROW = 4;
const col = (name) => String.fromCharCode(65 + HEADERS.indexOf(name)); // A..U
const C = {
  omzet: col("Omzet"),
  kosten: col("Kosten [excl. btw]"),
  first: col("Uren jan"),
  last: col("Uren dec"),
  winst: col("Winst"),
  uren: col("Uren"),
  ur: col("Urencriterium"),
  za: col("Zelfstandigenaftrek"),
  bw: col("Belastbare winst"),
  pm: col("Per maand"),
};

/** A column name inside a structured reference: `[`, `]`, `#` and `'` escaped with `'`. */
const escapeColumn = (name) => name.replace(/(['[\]#])/g, "'$1");

/**
 * The formulas of one client row in a spelling: `names` spell the three NL functions, `ref(column)`
 * a cell of this row and `span(first, last)` the months.
 */
function rowFormulas(r, names, ref, span) {
  return {
    [C.winst]: `${ref("Omzet")}-${ref("Kosten [excl. btw]")}`,
    [C.uren]: `SUM(${span("Uren jan", "Uren dec")})`,
    [C.ur]: `${names.ur}(${ref("Uren")})`,
    [C.za]: `${names.za}($B$1,${ref("Urencriterium")},${ref("Winst")})`,
    [C.bw]: `${names.bw}($B$1,${ref("Winst")},${ref("Urencriterium")})`,
    [C.pm]: `ROUND(${ref("Belastbare winst")}/12,2)`,
  };
}

/** The spellings of a reference to a column of this row. */
const SPELLINGS = {
  // Plain references.
  a1: (r) => ({
    ref: (name) => `${col(name)}${r}`,
    span: (a, b) => `${col(a)}${r}:${col(b)}${r}`,
  }),
  // Excel's own file form.
  thisRow: () => ({
    ref: (name) => `Klanten[[#This Row],[${escapeColumn(name)}]]`,
    span: (a, b) => `Klanten[[#This Row],[${escapeColumn(a)}]:[${escapeColumn(b)}]]`,
  }),
  // What a user types; XlsxWriter turns it into `[[#This Row],Omzet]`, openpyxl writes it as it is.
  at: () => ({
    ref: (name) => (/^\w+$/.test(name) ? `[@${name}]` : `[@[${escapeColumn(name)}]]`),
    span: (a, b) => `[@[${escapeColumn(a)}]:[${escapeColumn(b)}]]`,
  }),
  // With the table's name.
  tableAt: () => ({
    ref: (name) => (/^\w+$/.test(name) ? `Klanten[@${name}]` : `Klanten[@[${escapeColumn(name)}]]`),
    span: (a, b) => `Klanten[@[${escapeColumn(a)}]:[${escapeColumn(b)}]]`,
  }),
};

/**
 * One workbook's cells: [ref, value] with a formula as { f, v } (v: the cached value the generator
 * is told to write, if any). The table, when there is one, spans the headers and the clients.
 */
function layout({ names, spelling, table = false, totalsRow = false, cache }) {
  const list = clients();
  const cells = [
    ["A1", "Jaar"],
    ["B1", LAW_2025.year],
  ];
  HEADERS.forEach((h, i) => cells.push([`${String.fromCharCode(65 + i)}3`, h]));
  list.forEach((client, i) => {
    const r = FIRST_ROW + i;
    cells.push([`A${r}`, client.naam], [`${C.omzet}${r}`, client.omzet / 100], [`${C.kosten}${r}`, client.kosten / 100]);
    client.uren.forEach((u, m) => cells.push([`${String.fromCharCode(C.first.charCodeAt(0) + m)}${r}`, u]));
    const spelled = SPELLINGS[spelling](r);
    for (const [c, f] of Object.entries(rowFormulas(r, names, spelled.ref, spelled.span))) {
      const ordinary = c === C.winst || c === C.uren || c === C.pm;
      cells.push([`${c}${r}`, cache !== undefined && ordinary ? { f, v: cache } : { f }]);
    }
  });
  const last = FIRST_ROW + list.length - 1;
  const totals = last + 1;
  if (totalsRow) {
    cells.push([`A${totals}`, "Totaal"]);
    cells.push([`${C.za}${totals}`, { f: "SUBTOTAL(109,Klanten[Zelfstandigenaftrek])" }]);
    cells.push([`${C.bw}${totals}`, { f: "SUBTOTAL(109,Klanten[Belastbare winst])" }]);
    // Beside the table: its totals row, its headers with its data, and all its rows.
    cells.push(["W1", { f: "Klanten[[#Totals],[Belastbare winst]]" }]);
    cells.push(["W2", { f: "SUM(Klanten[[#Headers],[#Data],[Zelfstandigenaftrek]])" }]);
    cells.push(["W3", { f: "ROWS(Klanten[#All])" }]);
  } else if (table) {
    cells.push([`${C.za}${totals}`, { f: "SUM(Klanten[Zelfstandigenaftrek])" }]);
    cells.push([`${C.bw}${totals}`, { f: "SUM(Klanten[Belastbare winst])" }]);
  } else {
    cells.push([`${C.za}${totals}`, { f: `SUM(${C.za}${FIRST_ROW}:${C.za}${last})` }]);
    cells.push([`${C.bw}${totals}`, { f: `SUM(${C.bw}${FIRST_ROW}:${C.bw}${last})` }]);
  }
  const spec = { sheet: "Klanten", cells };
  if (table) spec.table = { name: "Klanten", ref: `A3:${C.pm}${totalsRow ? totals : last}`, headers: HEADERS, totalsRow };
  return { spec, expected: expectations(list, totalsRow), nlCells: nlCells(list) };
}

/** The NL cells of the list. */
function nlCells(list) {
  const out = [];
  list.forEach((_, i) => out.push(...[C.ur, C.za, C.bw].map((c) => `Klanten!${c}${FIRST_ROW + i}`)));
  return out;
}

/**
 * What each formula cell must hold: { cents } for an amount, { value } for anything else. The
 * ordinary formulas the NL formulas read are in it too (they are computed when their cache is not
 * Excel's).
 */
function expectations(list, totalsRow) {
  const expected = {};
  let zaSum = 0;
  let bwSum = 0;
  list.forEach((client, i) => {
    const r = FIRST_ROW + i;
    const law = lawFor(client);
    expected[`Klanten!${C.winst}${r}`] = { cents: law.winst };
    expected[`Klanten!${C.uren}${r}`] = { value: law.uren };
    expected[`Klanten!${C.ur}${r}`] = { value: law.urencriterium };
    expected[`Klanten!${C.za}${r}`] = { cents: law.za };
    expected[`Klanten!${C.bw}${r}`] = { cents: law.belastbareWinst };
    expected[`Klanten!${C.pm}${r}`] = { cents: law.perMaand };
    zaSum += law.za;
    bwSum += law.belastbareWinst;
  });
  const totals = FIRST_ROW + list.length;
  expected[`Klanten!${C.za}${totals}`] = { cents: zaSum };
  expected[`Klanten!${C.bw}${totals}`] = { cents: bwSum };
  if (totalsRow) {
    expected["Klanten!W1"] = { cents: bwSum };
    expected["Klanten!W2"] = { cents: zaSum };
    expected["Klanten!W3"] = { value: list.length + 2 };
  }
  return expected;
}

/** The NL functions as a user types them, and as Excel stores them in a file. */
const DOTTED = { ur: "NL.URENCRITERIUM", za: "NL.ZELFSTANDIGENAFTREK", bw: "NL.BELASTBAREWINST" };
const XLDUDF = { ur: "_xldudf_NL_URENCRITERIUM", za: "_xldudf_NL_ZELFSTANDIGENAFTREK", bw: "_xldudf_NL_BELASTBAREWINST" };

/** The workbooks, by the tool that writes them. */
const WORKBOOKS = [
  {
    file: "openpyxl.xlsx",
    generator: "openpyxl",
    // Function names in any case, as a script's author types them.
    names: { ur: "nl.urencriterium", za: "NL.Zelfstandigenaftrek", bw: "_xldudf_nl_belastbarewinst" },
    spelling: "a1",
  },
  {
    file: "openpyxl-tabel.xlsx",
    generator: "openpyxl",
    names: XLDUDF,
    spelling: "thisRow",
    table: true,
  },
  {
    file: "openpyxl-tabel-at.xlsx",
    generator: "openpyxl",
    names: DOTTED,
    spelling: "at",
    table: true,
  },
  {
    file: "xlsxwriter.xlsx",
    generator: "xlsxwriter",
    names: DOTTED,
    spelling: "a1",
  },
  {
    // The file: XlsxWriter writes `[[#This Row],Omzet]`, without the table's name.
    file: "xlsxwriter-tabel.xlsx",
    generator: "xlsxwriter",
    names: DOTTED,
    spelling: "at",
    table: true,
  },
  {
    // A script that writes a result of its own beside each ordinary formula: 0.
    file: "exceljs.xlsx",
    generator: "exceljs",
    names: XLDUDF,
    spelling: "a1",
    cache: 0,
  },
  {
    // ExcelJS's streaming writer, for big lists: the same results of its own.
    file: "exceljs-stream.xlsx",
    generator: "exceljs",
    stream: true,
    names: XLDUDF,
    spelling: "a1",
    cache: 0,
  },
  {
    file: "exceljs-tabel.xlsx",
    generator: "exceljs",
    names: XLDUDF,
    spelling: "tableAt",
    table: true,
    totalsRow: true,
  },
  {
    // Formulas copied by a script from a workbook where a COM add-in got between Excel and NL Aftrek.
    file: "sheetjs.xlsx",
    generator: "sheetjs",
    names: { ur: DOTTED.ur, za: `[2]!${XLDUDF.za}`, bw: `[2]!${XLDUDF.bw}` },
    spelling: "a1",
  },
];

/** The files LibreOffice opens, recalculates and saves again (its own spellings and caches). */
const LIBREOFFICE_SOURCES = ["openpyxl.xlsx", "xlsxwriter-tabel.xlsx", "exceljs-tabel.xlsx"];

/** A cell's content as ExcelJS takes it: a formula with the result the script gives it, if any. */
const content = (value) =>
  value && typeof value === "object" ? (value.v === undefined ? { formula: value.f } : { formula: value.f, result: value.v }) : value;

/** Writes one workbook with ExcelJS. */
async function writeExcelJs(file, spec) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.sheet);
  if (spec.table) {
    const { ref, headers, totalsRow } = spec.table;
    const top = Number(/\d+/.exec(ref)[0]);
    const last = Number(/\d+$/.exec(ref)[0]) - (totalsRow ? 1 : 0);
    const byRef = new Map(spec.cells);
    const rows = [];
    for (let r = top + 1; r <= last; r++) rows.push(headers.map((_, i) => content(byRef.get(`${String.fromCharCode(65 + i)}${r}`))));
    const inTable = (cellRef) => {
      const r = Number(/\d+/.exec(cellRef)[0]);
      return r >= top && r <= (totalsRow ? last + 1 : last) && cellRef.charCodeAt(0) - 65 < headers.length;
    };
    ws.addTable({
      name: spec.table.name,
      ref: ref.split(":")[0],
      headerRow: true,
      totalsRow,
      columns: headers.map((name) => ({
        name,
        ...(name === "Naam" && totalsRow ? { totalsRowLabel: "Totaal" } : {}),
        ...((name === "Zelfstandigenaftrek" || name === "Belastbare winst") && totalsRow ? { totalsRowFunction: "sum" } : {}),
      })),
      rows,
    });
    for (const [cellRef, value] of spec.cells) if (!inTable(cellRef)) ws.getCell(cellRef).value = content(value);
  } else {
    for (const [cellRef, value] of spec.cells) ws.getCell(cellRef).value = content(value);
  }
  await wb.xlsx.writeFile(file);
}

/** Writes one workbook with ExcelJS's streaming writer (row by row; no tables). */
async function writeExcelJsStream(file, spec) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet(spec.sheet);
  const rows = new Map();
  for (const [cellRef, value] of spec.cells) {
    const r = Number(/\d+/.exec(cellRef)[0]);
    if (!rows.has(r)) rows.set(r, []);
    rows.get(r).push([cellRef, value]);
  }
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const row = ws.getRow(r);
    for (const [cellRef, value] of rows.get(r)) {
      row.getCell(cellRef.charCodeAt(0) - 64).value = content(value);
    }
    row.commit();
  }
  await wb.commit();
}

/** Writes one workbook with SheetJS (formulas without a cached value, as it does). */
function writeSheetJs(file, spec) {
  const XLSX = require("xlsx");
  const ws = {};
  let maxRow = 1;
  let maxCol = 0;
  for (const [cellRef, value] of spec.cells) {
    if (value && typeof value === "object") ws[cellRef] = { t: "n", f: value.f };
    else ws[cellRef] = typeof value === "number" ? { t: "n", v: value } : { t: "s", v: value };
    maxRow = Math.max(maxRow, Number(/\d+/.exec(cellRef)[0]));
    maxCol = Math.max(maxCol, cellRef.charCodeAt(0) - 65);
  }
  ws["!ref"] = `A1:${String.fromCharCode(65 + maxCol)}${maxRow}`;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, spec.sheet);
  XLSX.writeFile(wb, file);
}

/** The Python program that writes the openpyxl and XlsxWriter workbooks from a JSON list on stdin. */
const PYTHON = String.raw`
import json, sys
jobs = json.load(sys.stdin)
for job in jobs:
    spec = job["spec"]
    if job["generator"] == "openpyxl":
        import openpyxl
        from openpyxl.worksheet.table import Table
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = spec["sheet"]
        for ref, value in spec["cells"]:
            ws[ref] = ("=" + value["f"]) if isinstance(value, dict) else value
        if "table" in spec:
            ws.add_table(Table(displayName=spec["table"]["name"], ref=spec["table"]["ref"]))
        wb.save(job["file"])
    else:
        import xlsxwriter
        wb = xlsxwriter.Workbook(job["file"])
        ws = wb.add_worksheet(spec["sheet"])
        table = spec.get("table")
        cells = dict((ref, value) for ref, value in spec["cells"])
        if table:
            first, last = table["ref"].split(":")
            top = int(first[1:]); bottom = int(last[1:])
            columns = []
            rows = [[None] * len(table["headers"]) for _ in range(top + 1, bottom + 1)]
            for i, header in enumerate(table["headers"]):
                letter = chr(65 + i)
                value = cells.get(letter + str(top + 1))
                if isinstance(value, dict):
                    columns.append({"header": header, "formula": "=" + value["f"]})
                else:
                    columns.append({"header": header})
                    for r in range(top + 1, bottom + 1):
                        rows[r - top - 1][i] = cells[letter + str(r)]
            ws.add_table(table["ref"], {"name": table["name"], "columns": columns, "data": rows})
        for ref, value in spec["cells"]:
            row = int(ref[1:]); column = ref[0]
            if table and top <= row <= bottom and ord(column) - 65 < len(table["headers"]):
                continue
            if isinstance(value, dict):
                ws.write_formula(ref, "=" + value["f"])
            else:
                ws.write(ref, value)
        wb.close()
`;

/** A Python with the module, or null: Debian's first (a pyenv python may lack its packages). */
function pythonWith(module) {
  for (const python of ["/usr/bin/python3", "python3"]) {
    const r = spawnSync(python, ["-c", `import ${module}`], { stdio: "ignore" });
    if (r.status === 0) return python;
  }
  return null;
}

/**
 * Makes the corpus in `dir`. Returns the files made, each with its generator, what every formula
 * cell must hold and which cells are NL cells; and the generators not on this machine, with why.
 */
async function makeGeneratedCorpus(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  const missing = [];
  const python = [];
  for (const wb of WORKBOOKS) {
    const { spec, expected, nlCells } = layout(wb);
    const file = path.join(dir, wb.file);
    const entry = { file, generator: wb.generator, expected, nlCells };
    if (wb.generator === "exceljs") await (wb.stream ? writeExcelJsStream : writeExcelJs)(file, spec);
    else if (wb.generator === "sheetjs") writeSheetJs(file, spec);
    else {
      python.push({ entry, job: { generator: wb.generator, file, spec } });
      continue;
    }
    files.push(entry);
  }
  for (const generator of ["openpyxl", "xlsxwriter"]) {
    const jobs = python.filter((p) => p.job.generator === generator);
    const interpreter = pythonWith(generator);
    if (!interpreter) {
      missing.push({ generator, reason: `python3 met ${generator} ontbreekt (Debian: python3-${generator})` });
      continue;
    }
    const r = spawnSync(interpreter, ["-c", PYTHON], { input: JSON.stringify(jobs.map((j) => j.job)), encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${generator}: ${r.stderr}`);
    files.push(...jobs.map((j) => j.entry));
  }
  const sources = files.filter((f) => LIBREOFFICE_SOURCES.includes(path.basename(f.file)));
  if (!soffice) missing.push({ generator: "libreoffice", reason: "LibreOffice (soffice) ontbreekt" });
  else if (sources.length) files.push(...libreOfficeCopies(dir, sources));
  return { files, missing };
}

/** The sources opened, recalculated and saved by LibreOffice headless, as libreoffice-<name>. */
function libreOfficeCopies(dir, sources) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "nl-aftrek-lo-"));
  try {
    const out = path.join(work, "uit");
    const r = spawnSync(soffice, convertArgs(recalculatingProfile(path.join(work, "profiel")), out, sources.map((s) => s.file)), {
      encoding: "utf8",
      timeout: 300000,
    });
    if (r.status !== 0) throw new Error(`LibreOffice: ${r.stderr || r.error}`);
    return sources.map((source) => {
      const file = path.join(dir, `libreoffice-${path.basename(source.file)}`);
      fs.copyFileSync(path.join(out, path.basename(source.file)), file);
      return { ...source, file, generator: "libreoffice" };
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * How a recalculated copy compares with what the law gives: each expected cell is right to the
 * cent, or listed as not recalculated with its cached value as it was. `before`/`after` give a
 * cell's value ("Klanten!T4") in the file and in its recalculated copy; `listed` the cells reported
 * as not recalculated.
 */
function checkRecalculated(entry, { before, after, listed }) {
  const result = { right: 0, listed: 0, wrong: [] };
  for (const [cell, want] of Object.entries(entry.expected)) {
    const got = after(cell);
    if (listed.has(cell)) {
      if (JSON.stringify(got) === JSON.stringify(before(cell))) result.listed++;
      else result.wrong.push(`${cell}: niet herberekend gemeld, maar de waarde veranderde van ${before(cell)} in ${got}`);
      continue;
    }
    const right =
      "cents" in want
        ? typeof got === "number" && Math.abs(got * 100 - want.cents) < 1e-6
        : got === want.value;
    if (right) result.right++;
    else result.wrong.push(`${cell} = ${JSON.stringify(got)}, volgens de wet ${"cents" in want ? want.cents / 100 : want.value}`);
  }
  return result;
}

module.exports = { makeGeneratedCorpus, checkRecalculated, LAW_2025, lawFor, clients };
