#!/usr/bin/env node
/**
 * npm run bench: speed and size of NL Aftrek, printed as a table and written to bench/results.json.
 *  1. calls per second of each rule in the core;
 *  2. a 10.000-row client list with NL formulas against the same list with the nested IF formulas
 *     templates use today, in the same engine and run (ratio: NL time / native time);
 *  3. recalculation time and peak memory of a 100.000-row workbook (.xlsx in, .xlsx out);
 *  4. gzipped size of the JavaScript loaded before the functions register, and of the task pane.
 * Not part of npm test: timings belong in a benchmark, not in assertions.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const Decimal = require("decimal.js");
const rules = require("../lib/rules");
const { createEngine } = require("../lib/engine/engine");

const d = (x) => new Decimal(x);
const results = { date: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model ?? "?", rules: {} };

function perSecond(fn, ms = 400) {
  for (let i = 0; i < 200; i++) fn(i); // warm up
  let n = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(ms) * 1000000n;
  let now = start;
  while (now < until) {
    for (let i = 0; i < 100; i++) fn(n++);
    now = process.hrtime.bigint();
  }
  return Math.round(n / (Number(now - start) / 1e9));
}

// 1. The rules core.
const ruleCases = {
  kia: (i) => rules.kia({ year: 2025, investeringen: [d(1000 + (i % 200000))] }),
  zelfstandigenaftrek: (i) => rules.zelfstandigenaftrek({ year: 2025, urencriterium: true, winst: d(i % 5000) }),
  startersaftrek: () => rules.startersaftrek({ year: 2025, urencriterium: true, starter: true }),
  urencriterium: (i) => rules.urencriterium({ uren: d(1000 + (i % 500)), urenOverigWerk: d(300) }),
  mkbWinstvrijstelling: (i) =>
    rules.mkbWinstvrijstelling({ year: 2025, winst: d(40000 + i), ondernemersaftrek: d(2470) }),
  belastbareWinst: (i) => rules.belastbareWinst({ year: 2025, winst: d(40000 + i), urencriterium: true }),
  meewerkaftrek: (i) =>
    rules.meewerkaftrek({ year: 2025, winst: d(50000 + i), urenPartner: d(900), urencriterium: true }),
  box1: (i) => rules.box1({ year: 2025, inkomen: d(30000 + (i % 90000)) }),
  tariefsaanpassing: (i) => rules.tariefsaanpassing({ year: 2025, inkomen: d(85000 + i), aftrekposten: [d(14856.31)] }),
  keten: (i) => rules.keten({ year: 2025, winst: d(40000 + i), urencriterium: true }),
};
for (const [name, fn] of Object.entries(ruleCases)) results.rules[name] = perSecond(fn);

// 2. NL formulas against native nested IF formulas, 10.000 rows, same engine.
function clientRows(count, formulas) {
  const rows = [["Jaar", 2025]];
  for (let i = 0; i < count; i++) {
    const r = i + 2;
    const winst = 20000 + ((i * 7919) % 150000);
    const uren = 1000 + ((i * 31) % 800);
    const inv = (i * 104729) % 200000;
    rows.push([winst, uren, inv, ...formulas(r)]);
  }
  return rows;
}
// Per row: urencriterium, KIA, zelfstandigenaftrek, MKB-winstvrijstelling, belastbare winst.
const nlFormulas = (r) => [
  `=NL.URENCRITERIUM(B${r})`,
  `=NL.KIA($B$1,C${r})`,
  `=NL.ZELFSTANDIGENAFTREK($B$1,D${r},A${r}-E${r})`,
  `=NL.MKBVRIJ($B$1,A${r}-E${r},F${r})`,
  `=NL.BELASTBAREWINST($B$1,A${r}-E${r},D${r})`,
];
// What templates hard-code today (2025 numbers), the same five results.
const nativeFormulas = (r) => [
  `=B${r}>=1225`,
  `=ROUND(IF(C${r}<450,0,IF(C${r}<=2900,0,IF(C${r}<=70602,C${r}*0.28,IF(C${r}<=130744,19769,IF(C${r}<=392230,19769-0.0756*(C${r}-130744),0))))),2)`,
  `=IF(D${r},MIN(2470,MAX(A${r}-E${r},0)),0)`,
  `=ROUND((A${r}-E${r}-F${r})*0.127,2)`,
  `=ROUND(A${r}-E${r}-F${r}-ROUND((A${r}-E${r}-F${r})*0.127,2),2)`,
];
function timeBuild(formulas, count) {
  const sheets = { Klanten: clientRows(count, formulas) };
  const times = [];
  for (let k = 0; k < 3; k++) {
    const start = process.hrtime.bigint();
    const hf = createEngine(sheets);
    const value = hf.getCellValue({ sheet: 0, row: 1, col: 7 }); // touch a result
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (value === undefined) throw new Error("no value");
    hf.destroy();
  }
  return times.sort((a, b) => a - b)[1];
}
const nlMs = timeBuild(nlFormulas, 10000);
const nativeMs = timeBuild(nativeFormulas, 10000);
results.clientList10k = {
  nlMs: Math.round(nlMs),
  nativeMs: Math.round(nativeMs),
  ratio: Number((nlMs / nativeMs).toFixed(2)),
};

// 3. A 100.000-row workbook, recalculated by the CLI in a child process.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nl-aftrek-bench-"));
const big = path.join(tmp, "klanten-100k.xlsx");
execFileSync(process.execPath, [path.join(__dirname, "../scripts/make-big-workbook.js"), big], { stdio: "inherit" });
const recalcScript = `
const { readWorkbook, recalcWorkbook, writeWorkbook } = require(${JSON.stringify(path.join(__dirname, "../lib/engine/workbook"))});
(async () => {
  const start = Date.now();
  const wb = await readWorkbook(${JSON.stringify(big)});
  const summary = recalcWorkbook(wb);
  await writeWorkbook(wb, ${JSON.stringify(path.join(tmp, "uit.xlsx"))});
  console.log(JSON.stringify({ ms: Date.now() - start, formulas: summary.formulas, errors: summary.errors.length,
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
})();`;
const big100k = JSON.parse(execFileSync(process.execPath, ["-e", recalcScript], { encoding: "utf8" }));
results.workbook100k = big100k;
fs.rmSync(tmp, { recursive: true, force: true });

// 4. Bundle sizes (the production build must exist: npm run bench builds it first).
const { measure } = require("../scripts/size.js");
results.bundles = measure(path.join(__dirname, "../dist"));

fs.writeFileSync(path.join(__dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);

const fmt = (n) => n.toLocaleString("nl-NL");
console.log("\nRekenkern: aanroepen per seconde");
for (const [name, n] of Object.entries(results.rules)) console.log(`  ${name.padEnd(22)} ${fmt(n).padStart(10)}`);
console.log("\nKlantenlijst 10.000 rijen, 5 formules per rij (zelfde engine, mediaan van 3)");
console.log(`  NL-formules          ${fmt(results.clientList10k.nlMs).padStart(8)} ms`);
console.log(`  geneste ALS-formules ${fmt(results.clientList10k.nativeMs).padStart(8)} ms`);
console.log(`  verhouding NL/native ${String(results.clientList10k.ratio).padStart(8)}   (doel <= 1,0)`);
console.log("\nWerkmap 100.000 rijen (3 NL-formules per rij), .xlsx in en uit");
console.log(
  `  formules ${fmt(big100k.formulas)}, fouten ${big100k.errors}, tijd ${fmt(big100k.ms)} ms, piekgeheugen ${big100k.peakMb} MB (doel < 1.024 MB)`,
);
console.log("\nBundels (gzip)");
console.log(
  `  vóór registratie (functions.js) ${(results.bundles.functionsGzipBytes / 1024).toFixed(1)} KB (doel <= 60 KB)`,
);
console.log(`  taakvenster                     ${(results.bundles.taskpaneGzipBytes / 1024).toFixed(1)} KB`);
console.log(`\nGeschreven: bench/results.json`);
