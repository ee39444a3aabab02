/**
 * help/parameters.json is the list of names NL.PARAMETER takes, with what each is and for which
 * years, as the rules core has them. The help page of NL.PARAMETER shows it (the function's error
 * message for an unknown name points there instead of listing every name: Excel for Mac cuts a
 * message at about 255 characters). Update with `UPDATE_DOCS=1 npx jest test/docs`.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { describeYears } from "../../src/rules/errors";
import { ALL_PARAMETERS, coveredYears } from "../../src/rules/parameters";

const file = join(__dirname, "../../help/parameters.json");

function parameterList(): string {
  const list = ALL_PARAMETERS.map((p) => ({
    naam: p.name,
    omschrijving: p.label,
    eenheid: p.unit,
    jaren: describeYears(coveredYears(p)),
  }));
  return `${JSON.stringify(list, null, 2)}\n`;
}

test("help/parameters.json lists every name NL.PARAMETER takes", () => {
  const generated = parameterList();
  if (process.env.UPDATE_DOCS) writeFileSync(file, generated);
  expect(readFileSync(file, "utf8")).toBe(generated);
});
