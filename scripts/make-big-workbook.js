#!/usr/bin/env node
/**
 * Writes a client list of N rows (default 100.000) with three formulas per row that all read one
 * year cell, streamed so that making it needs little memory. Used by the benchmark and the tests.
 *   node scripts/make-big-workbook.js <file.xlsx> [rows] [--<variant>]
 *
 *   (default)  NL formulas: NL.URENCRITERIUM, NL.KIA, NL.BELASTBAREWINST
 *   --native   the same three results as the nested IF formulas templates hard-code today
 *              (2025 numbers): what LibreOffice recalculates in the benchmark
 *   --engine   the NL formulas inside N(...), a function only HyperFormula evaluates (those of
 *              src/engine/excel/excelFunctions.ts around an NL call, such as ROUND, IF, SUM, MAX, ABS
 *              and INT, are evaluated directly), so that it evaluates every cell
 *   --round, --max, --iferror, --if, --sum
 *              what a template puts around NL results: ROUND(NL.KIA(…); 2); MAX(…; 0) or
 *              IFERROR(…; 0) around two of the three; IF around two; SUM over a row's results
 *   --engine-around  ROUND, MAX and IF around N(NL…): HyperFormula runs the functions of the table
 *   --running  an NL result per row and a running SUM and MAX over them ($D$2:D2): HyperFormula's
 *              range cache
 */
const ExcelJS = require("exceljs");
const path = require("path");
const { toFileFormula } = require(path.join(__dirname, "../lib/workbook/formula/print"));

const VARIANTS = {
  nl: (r) => [
    `NL.URENCRITERIUM(B${r})`,
    `NL.KIA($B$1,C${r})`,
    `NL.BELASTBAREWINST($B$1,A${r}-E${r},D${r})`,
  ],
  native: (r) => [
    `B${r}>=1225`,
    `ROUND(IF(C${r}<450,0,IF(C${r}<=2900,0,IF(C${r}<=70602,C${r}*0.28,IF(C${r}<=130744,19769,IF(C${r}<=392230,19769-0.0756*(C${r}-130744),0))))),2)`,
    `ROUND(A${r}-E${r}-IF(D${r},MIN(2470,MAX(A${r}-E${r},0)),0)-ROUND((A${r}-E${r}-IF(D${r},MIN(2470,MAX(A${r}-E${r},0)),0))*0.127,2),2)`,
  ],
  engine: (r) => [
    `N(NL.URENCRITERIUM(B${r}))`,
    `N(NL.KIA($B$1,C${r}))`,
    `N(NL.BELASTBAREWINST($B$1,A${r}-E${r},D${r}))`,
  ],
  round: (r) => [
    `NL.URENCRITERIUM(B${r})`,
    `ROUND(NL.KIA($B$1,C${r}),2)`,
    `NL.BELASTBAREWINST($B$1,A${r}-E${r},D${r})`,
  ],
  max: (r) => [
    `NL.URENCRITERIUM(B${r})`,
    `MAX(NL.KIA($B$1,C${r}),0)`,
    `MAX(NL.BELASTBAREWINST($B$1,A${r}-E${r},D${r}),0)`,
  ],
  iferror: (r) => [
    `NL.URENCRITERIUM(B${r})`,
    `IFERROR(NL.KIA($B$1,C${r}),0)`,
    `IFERROR(NL.BELASTBAREWINST($B$1,A${r}-E${r},D${r}),0)`,
  ],
  if: (r) => [
    `IF(NL.URENCRITERIUM(B${r}),1,0)`,
    `IF(C${r}>=450,NL.KIA($B$1,C${r}),0)`,
    `NL.BELASTBAREWINST($B$1,A${r}-E${r},D${r}=1)`,
  ],
  sum: (r) => [`NL.URENCRITERIUM(B${r})`, `NL.KIA($B$1,C${r})`, `SUM(D${r}:E${r})`],
  "engine-around": (r) => [
    `IF(N(NL.URENCRITERIUM(B${r})),1,0)`,
    `ROUND(N(NL.KIA($B$1,C${r})),2)`,
    `MAX(N(NL.BELASTBAREWINST($B$1,A${r}-E${r},D${r}=1)),0)`,
  ],
  running: (r) => [`NL.KIA($B$1,C${r})`, `SUM($D$2:D${r})`, `MAX($D$2:D${r})`],
};

/** The data of row i (0-based), the same in every variant. */
function rowData(i) {
  return [20000 + ((i * 7919) % 150000), 1000 + ((i * 31) % 800), (i * 104729) % 200000];
}

async function makeBigWorkbook(file, rows = 100000, variant = "nl") {
  const formulas = VARIANTS[variant];
  // The formula shapes are the same in every row: spell them once, as Excel stores them in a file.
  const spelled = formulas(2).map((f) => toFileFormula(f));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet("Klanten");
  ws.addRow(["Jaar", 2025]).commit();
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    // Row 2 of the spelled shapes becomes row r (every reference to row 2 is relative: $B$1 stays).
    const cells = spelled.map((f) => ({ formula: f.replace(/([A-Z])2(?![0-9])/g, `$1${r}`) }));
    ws.addRow([...rowData(i), ...cells]).commit();
  }
  await wb.commit();
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const chosen = args.filter((a) => a.startsWith("--")).map((a) => a.slice(2));
  const variant = chosen[0] ?? "nl";
  if (!VARIANTS[variant]) {
    console.error(`Onbekende soort ${chosen[0]}: ${Object.keys(VARIANTS).join(", ")}`);
    process.exit(1);
  }
  const [file, rows] = args.filter((a) => !a.startsWith("--"));
  if (!file) {
    console.error(`Gebruik: node scripts/make-big-workbook.js <bestand.xlsx> [rijen] [--${Object.keys(VARIANTS).join(" | --")}]`);
    process.exit(1);
  }
  makeBigWorkbook(file, rows ? Number(rows) : undefined, variant).catch((error) => {
    console.error(error.message);
    process.exit(2);
  });
}

module.exports = { makeBigWorkbook, rowData };
