#!/usr/bin/env node
/**
 * Writes a client list of N rows (default 100.000) with three NL formulas per row, streamed so
 * that making it needs little memory. Used by the benchmark and by the workbook-size test.
 *   node scripts/make-big-workbook.js <file.xlsx> [rows]
 */
const ExcelJS = require("exceljs");
const path = require("path");
const { toFileFormula } = require(path.join(__dirname, "../lib/workbook/formula/print"));

async function makeBigWorkbook(file, rows = 100000) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet("Klanten");
  ws.addRow(["Jaar", 2025]).commit();
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    ws.addRow([
      20000 + ((i * 7919) % 150000),
      1000 + ((i * 31) % 800),
      (i * 104729) % 200000,
      { formula: toFileFormula(`NL.URENCRITERIUM(B${r})`) },
      { formula: toFileFormula(`NL.KIA($B$1,C${r})`) },
      { formula: toFileFormula(`NL.BELASTBAREWINST($B$1,A${r}-E${r},D${r})`) },
    ]).commit();
  }
  await wb.commit();
}

if (require.main === module) {
  const [file, rows] = process.argv.slice(2);
  if (!file) {
    console.error("Gebruik: node scripts/make-big-workbook.js <bestand.xlsx> [rijen]");
    process.exit(1);
  }
  makeBigWorkbook(file, rows ? Number(rows) : undefined).catch((error) => {
    console.error(error.message);
    process.exit(2);
  });
}

module.exports = { makeBigWorkbook };
