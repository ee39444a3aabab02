/**
 * Excel's function names in Dutch (ALS, SOM, AFRONDEN ...) and back, from HyperFormula's Dutch
 * language pack (its list of names only; loaded when first asked for), and a formula as a user of
 * Dutch Excel reads it. The parser reads the Dutch notation, this writes it.
 */
import { FormulaSyntaxError, Host, parseFormula } from "./parse";
import { printNode, Unprintable } from "./print";

export { dutchDecimals } from "./print";

let names: { english: Map<string, string>; dutch: Map<string, string> } | null = null;

/**
 * Where HyperFormula's Dutch pack (3.x) is not Dutch Excel: its LEN is PITUUS, the Finnish name,
 * where Dutch Excel's is LENGTE (as Google Sheets' Dutch help also has it: "LENGTE (LEN)",
 * https://support.google.com/docs/answer/3094081?hl=nl); and it leaves three rounding functions in
 * English, which Microsoft's Dutch help names
 * (https://support.microsoft.com/nl-NL/Excel/floor-precise-function, …/functions/ceiling-precise-function,
 * …/iso-ceiling-function).
 */
const CORRECTIONS: Readonly<Record<string, string>> = {
  LEN: "LENGTE",
  "FLOOR.PRECISE": "AFRONDEN.BENEDEN.NAUWKEURIG",
  "CEILING.PRECISE": "AFRONDEN.BOVEN.NAUWKEURIG",
  "ISO.CEILING": "ISO.AFRONDEN.BOVEN",
};

function load(): NonNullable<typeof names> {
  if (!names) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pack = require("hyperformula/commonjs/i18n/languages/nlNL.js");
    const functions: Record<string, string> = { ...(pack.default ?? pack).functions, ...CORRECTIONS };
    names = {
      english: new Map(Object.entries(functions).map(([en, nl]) => [nl.toUpperCase(), en])),
      dutch: new Map(Object.entries(functions).map(([en, nl]) => [en, nl])),
    };
  }
  return names;
}

/** The English name of a Dutch function name (`ALS` -> `IF`), or undefined. */
export function englishName(dutch: string): string | undefined {
  return load().english.get(dutch);
}

/** The Dutch name of a canonical function name (`IF` -> `ALS`); an add-in's or an unknown one as it is. */
export function dutchName(canonical: string): string {
  return canonical.startsWith("NL.") ? canonical : (load().dutch.get(canonical) ?? canonical);
}

/**
 * A formula in file notation (`=IF(B7>=1225,MIN(B1,2470),0)`) as Dutch Excel shows it for the cell
 * at `host` (`=ALS(B7>=1225;MIN(B1;2470);0)`); as it was when it cannot be written so (an array
 * constant) or not be read.
 */
export function dutchFormula(formula: string, host: Host): string {
  if (!formula.startsWith("=")) return formula;
  try {
    const { node } = parseFormula(formula, host);
    return `=${printNode(node, { host, functionName: dutchName, dutch: true })}`;
  } catch (error) {
    if (error instanceof Unprintable || error instanceof FormulaSyntaxError) return formula;
    throw error;
  }
}
