#!/usr/bin/env node
/**
 * Builds the template workbooks in test/fixtures/ (run: npm run fixtures). Formulas are stored the
 * way Excel stores add-in functions in a file (_xldudf_NL_...), without cached results, so the
 * workbook tests prove that recalculation produced every value.
 */
const ExcelJS = require("exceljs");
const path = require("path");
const { toFileFormula } = require("../lib/workbook/formula/print");

const out = path.join(__dirname, "../test/fixtures");
const EURO = "€ #,##0.00;[Red]-€ #,##0.00";
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "NL Aftrek";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

const f = (formula) => ({ formula: toFileFormula(formula) });
/** A formula exactly as Excel writes it in the file (a sheet name without quotes where it needs none). */
const asStored = (formula) => ({ formula });

function header(ws, titles, widths) {
  ws.addRow(titles).font = { bold: true };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

async function zzpJaaroverzicht() {
  const wb = newWorkbook();
  const uren = wb.addWorksheet("Uren");
  header(uren, ["Maand", "Uren onderneming", "Uren loondienst"], [14, 18, 16]);
  const maanden = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  ];
  maanden.forEach((m, i) => uren.addRow([m, i === 7 ? 40 : 116, 0]));
  uren.addRow(["Totaal", f("SUM(B2:B13)"), f("SUM(C2:C13)")]).font = { bold: true };

  const inv = wb.addWorksheet("Investeringen");
  header(inv, ["Bedrijfsmiddel", "Bedrag excl. btw", "Nog niet in gebruik", "Betaald"], [28, 18, 20, 14]);
  [
    ["Laptop", 1450, null, null],
    ["Bureaustoel", 380, null, null],
    ["Bestelbus", 22000, null, null],
    ["Software", 600, null, null],
    ["Machine (besteld in december)", 8000, true, 1000],
  ].forEach((r) => inv.addRow(r));
  inv.getColumn(2).numFmt = EURO;
  inv.getColumn(4).numFmt = EURO;

  const ov = wb.addWorksheet("Overzicht");
  ov.getColumn(1).width = 40;
  ov.getColumn(2).width = 18;
  const rows = [
    ["Jaar", 2025],
    ["Winst vóór investeringsaftrek", 52000],
    ["KIA dit jaar", asStored("_xldudf_NL_KIADITJAAR(B1,Investeringen!B2:B6,Investeringen!C2:C6,Investeringen!D2:D6)")],
    ["KIA later", asStored("_xldudf_NL_KIALATER(B1,Investeringen!B2:B6,Investeringen!C2:C6,Investeringen!D2:D6)")],
    ["Winst", f("B2-B3")],
    ["Urencriterium", f("NL.URENCRITERIUM(Uren!B14,Uren!C14)")],
    ["Zelfstandigenaftrek", f("NL.ZELFSTANDIGENAFTREK(B1,B6,B5)")],
    ["Startersaftrek", f("NL.STARTERSAFTREK(B1,B6,FALSE)")],
    ["MKB-winstvrijstelling", f("NL.MKBVRIJ(B1,B5,B7+B8)")],
    ["Belastbare winst", f("NL.BELASTBAREWINST(B1,B5,B6)")],
    ["Controle: winst - aftrek - vrijstelling", f("B5-B7-B8-B9")],
    ["Inkomstenbelasting en premie box 1", f("NL.INKOMSTENBELASTING(B1,B10)")],
    ["Tariefsaanpassing", f("NL.TARIEFSAANPASSING(B1,B10,B7:B9)")],
    ["Zelfstandigenaftrek volgens de wet", f('NL.PARAMETER(B1,"zelfstandigenaftrek")')],
    ["Urencriterium en geen starter", f("_xlfn.XOR(B6,TRUE)")],
  ];
  rows.forEach((r) => ov.addRow(r));
  for (let r = 2; r <= 14; r++) if (r !== 6) ov.getCell(`B${r}`).numFmt = EURO;
  ov.getCell("A1").font = { bold: true };
  await wb.xlsx.writeFile(path.join(out, "zzp-jaaroverzicht.xlsx"));
}

async function vof() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Vof");
  header(ws, ["Investering", "Bedrag"], [26, 16, 14, 16, 16, 14, 18, 18]);
  [
    ["Bedrijfspand verbouwing", 30000],
    ["Machines", 25000],
    ["Bestelauto", 20000],
    ["Inventaris", 5000],
  ].forEach((r) => ws.addRow(r));
  ws.addRow(["Totaal", f("SUM(B2:B5)")]);
  ws.addRow([]);
  ws.addRow(["Winst van de vof vóór KIA", 120000]);
  ws.addRow(["Vennoot", "Winstaandeel", "Aandeel", "KIA", "Winst", "Uren", "Urencriterium", "Belastbare winst"]).font =
    { bold: true };
  ws.addRow([
    "Anna",
    0.6,
    0.6,
    f("NL.KIA(2025,$B$2:$B$5,C10)"),
    f("B10*$B$8-D10"),
    1800,
    f("NL.URENCRITERIUM(F10)"),
    f("NL.BELASTBAREWINST(2025,E10,G10)"),
  ]);
  ws.addRow(["Bram", 0.4, 0.4, null, null, 1100, null, null]);
  // Row 11 uses shared formulas, as Excel writes a filled-down column.
  for (const col of ["D", "E", "G", "H"]) {
    const master = ws.getCell(`${col}10`);
    master.value = { ...master.value, shareType: "shared", ref: `${col}10:${col}11` };
    ws.getCell(`${col}11`).value = { sharedFormula: `${col}10` };
  }
  ["B8", "B6", "D10", "D11", "E10", "E11", "H10", "H11"].forEach((a) => (ws.getCell(a).numFmt = EURO));
  await wb.xlsx.writeFile(path.join(out, "vof.xlsx"));
}

/** A small deterministic generator, so the client list is the same every time. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function klantenlijst(count = 1000) {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Klanten");
  header(
    ws,
    [
      "Klant",
      "Jaar",
      "Winst",
      "Uren",
      "Starter",
      "AOW",
      "Investeringen",
      "Urencriterium",
      "KIA",
      "Zelfstandigenaftrek",
      "Belastbare winst",
      "Box 1",
    ],
    [12, 6, 12, 8, 8, 6, 14, 14, 12, 18, 16, 12],
  );
  const rnd = random(20251231);
  for (let i = 0; i < count; i++) {
    const r = i + 2;
    let row = [
      `Klant ${String(i + 1).padStart(4, "0")}`,
      2022 + (i % 5),
      Math.round((rnd() * 270000 - 20000) * 100) / 100,
      Math.round(500 + rnd() * 1700),
      rnd() < 0.15,
      i % 17 === 0,
      Math.round(rnd() * 150000),
    ];
    if (i === 0) row = ["Klant 0001", 2025, 40000, 1400, false, false, 0]; // the worked example
    if (i === 1) row = ["Klant 0002", 2025, -10000, 600, false, false, 0]; // a loss without urencriterium
    ws.addRow([
      ...row,
      f(`NL.URENCRITERIUM(D${r},0,E${r})`),
      f(`NL.KIA(B${r},G${r})`),
      f(`NL.ZELFSTANDIGENAFTREK(B${r},H${r},C${r}-I${r},E${r},F${r})`),
      f(`NL.BELASTBAREWINST(B${r},C${r}-I${r},H${r},E${r},F${r})`),
      f(`NL.INKOMSTENBELASTING(B${r},K${r},F${r})`),
    ]);
  }
  ["C", "G", "I", "J", "K", "L"].forEach((c) => (ws.getColumn(c).numFmt = EURO));
  await wb.xlsx.writeFile(path.join(out, "klantenlijst.xlsx"));
}

async function main() {
  await zzpJaaroverzicht();
  await vof();
  await klantenlijst();
  console.log(`Fixtures geschreven naar ${out}`);
}

if (require.main === module) main();
module.exports = { random, toFileFormula };
