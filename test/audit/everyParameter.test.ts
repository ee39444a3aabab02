/**
 * Recall over the whole catalogue: every value of every parameter in src/rules/parameters (each
 * year), typed into a template as a bookkeeper would (a constant beside the parameter's own Dutch
 * description; a percentage also as a whole number under that label with "(%)", and inside a
 * formula as x*n%), is found as that parameter. This checks the audit against the parameters it
 * reads, not tax values: those are tested against the law in test/rules.
 */
import { sheetFromGrid } from "../../src/audit/grid";
import { auditSheets } from "../../src/audit/scan";
import { ALL_PARAMETERS } from "../../src/rules/parameters";

const LEFT_OUT = new Set(["jaren", "aantal", "ja/nee"]);
const parameters = ALL_PARAMETERS.filter((p) => !LEFT_OUT.has(p.unit) && p.name !== "btw_algemeen_tarief");

test.each(parameters.map((p) => [p.name, p] as const))("%s: every year's value is found as written", (_name, p) => {
  const values = [...new Set(Object.values(p.values).map((d) => d.value))];
  const rows: unknown[][] = [];
  const expected: string[] = [];
  for (const value of values) {
    const n = Number(value);
    if (n === 0) continue;
    if (p.unit === "procent") {
      rows.push([`${p.label} (%)`, n]); // a whole percentage under a percent label
      rows.push([p.label, n / 100]); // a fraction
      rows.push([p.label, `=B1*${value}%`]); // in a formula
    } else rows.push([p.label, n]);
  }
  rows.forEach((_, i) => expected.push(`Blad1!B${i + 1}`));
  const formulas = rows;
  const found = auditSheets([sheetFromGrid("Blad1", 0, 0, formulas, formulas)], { today: 2026 });
  const ofParameter = found.filter((f) => f.parameter === p.name || f.label === p.label);
  expect([...new Set(ofParameter.map((f) => f.cell))]).toEqual(expected);
});
