/**
 * The bad-input table of docs/foutmeldingen.md: for every function and argument, what a user gets
 * for each kind of bad input. Produced by calling the real functions, starting from the first
 * example of each function's help page.
 */
import examples from "../../help/examples.json";
import { NL_FUNCTIONS } from "../../src/functions/registry";
import { NL } from "../helpers/excelHost";

interface Example {
  formule: string;
}

/** Reads a Dutch-Excel argument of a help example the way Excel would pass it. */
export function excelValue(text: string, ranges: Record<string, unknown[][]>): unknown {
  const t = text.trim();
  if (t === "") return null;
  if (ranges[t]) return ranges[t];
  if (t === "WAAR") return true;
  if (t === "ONWAAR") return false;
  if (/^".*"$/.test(t)) return t.slice(1, -1);
  return Number(t.replace(",", "."));
}

type Docs = { voorbeelden: Example[]; bereiken?: Record<string, unknown[][]> };

/** The first example of a function's help page, and its arguments as Excel passes them. */
export function firstExample(id: string): { formula: string; base: unknown[] } {
  const docs = (examples as Record<string, Docs>)[id];
  const formula = docs.voorbeelden[0].formule;
  const inner = formula.match(/^=NL\.[A-Z]+\((.*)\)$/)![1];
  const base = inner === "" ? [] : inner.split(";").map((a) => excelValue(a, docs.bereiken ?? {}));
  if (id === "KIA") base[1] = [[base[1]]];
  return { formula, base };
}

/** A function's argument names, in order (without Excel's invocation). */
export function argumentNames(id: string): string[] {
  return (NL_FUNCTIONS[id].toString().match(/^function\s*\w*\(([^)]*)\)/)?.[1] ?? "")
    .split(",")
    .map((p) => p.trim().replace(/[?=].*$/, ""))
    .filter((p) => p && p !== "invocation");
}

/** The kinds of bad input, as a bookkeeper would make them (and an empty cell, which is never bad input). */
export const BAD: Array<[string, unknown]> = [
  ["lege cel of 0", null],
  ["tekst", "abc"],
  ["negatief getal", -1],
  ["bereik van twee cellen", [[1], [2]]],
  ["jaar zonder gegevens", 2019],
  ["te groot getal (10^16)", 1e16],
];

/** Slips a bookkeeper makes with plausible numbers: swapped arguments, a range too short, an amount where hours go. */
const SLIPS: Array<[string, string, unknown[]]> = [
  ["`kia_genoten` en `investeringsbedrag` verwisseld", "DESINVESTERING", [2025, 2023, 100000, 17841, 30000, 40000]],
  [
    "`betaald` korter dan `investeringen`",
    "KIADITJAAR",
    [2025, [[80000], [1500], [2000]], [[true], [null], [null]], [[10000], [null]]],
  ],
  ["`betaald` meer dan het bedrijfsmiddel kost", "KIADITJAAR", [2025, [[8000]], [[true]], [[80000]]]],
  ["`betaald` naast een lege investering", "KIALATER", [2025, [[8000], [null]], [[true], [null]], [[null], [500]]]],
  [
    "het betaalde bedrag als derde argument (de volgorde van vóór versie 0.2)",
    "KIADITJAAR",
    [2025, [[80000], [1500]], [[10000], [null]]],
  ],
  ["een bedrag als `uren`", "URENCRITERIUM", [40000]],
  ["uren samen meer dan een jaar", "URENCRITERIUM", [5000, 4000]],
  ["een bedrag als `uren_partner`", "MEEWERKAFTREK", [2025, 50000, 50000, true]],
  ["een bedrag als `so_uren`", "SOAFTREK", [2025, true, 25000]],
  ["`eerder_benut` meer dan de stakingsaftrek ooit is", "STAKINGSAFTREK", [2025, 10000, 8000]],
  ["een winst van −1,7E308", "BELASTBAREWINST", [2025, -1.7e308, false, null, null, 1.7e308]],
  ["een winst van −0,0001 (geen −0)", "MKBVRIJ", [2025, -0.0001]],
];

/** What the function answers, as Excel shows it; called through the fake host (test/helpers/excelHost.ts). */
export function outcome(id: string, args: unknown[]): string {
  try {
    const v = NL[id](...args);
    return Array.isArray(v) ? "tabel" : typeof v === "boolean" ? (v ? "WAAR" : "ONWAAR") : `${v}`;
  } catch (error) {
    const e = error as { code: string; message: string };
    return `${e.code} ${e.message}`;
  }
}

export function badInputTable(): string {
  const lines = [
    "# Foutmeldingen per formule",
    "",
    "Wat elke formule teruggeeft bij verkeerde invoer. Gemaakt door de echte formules aan te roepen",
    "(`test/docs/badInput.test.ts` controleert dat dit bestand klopt; bijwerken met",
    "`UPDATE_DOCS=1 npx jest test/docs`). Uitgangspunt per formule is het eerste voorbeeld van de",
    "helppagina; telkens wordt één argument vervangen. Een uitkomst zonder foutcode betekent dat die",
    "invoer is toegestaan (bijvoorbeeld een negatieve winst). Een lege cel, 0 en een weggelaten",
    'argument geven in elke Excel dezelfde uitkomst (de regel "lege cel of 0").',
    "",
  ];
  for (const id of Object.keys(examples)) {
    const { formula, base } = firstExample(id);
    const names = argumentNames(id);
    lines.push(
      `## NL.${id}`,
      "",
      `Uitgangspunt: \`${formula}\``,
      "",
      "| Argument | Invoer | Uitkomst |",
      "|---|---|---|",
    );
    if (names.length === 0) lines.push("| – | – | geen argumenten |");
    names.forEach((name, position) => {
      for (const [kind, value] of BAD) {
        if (kind === "jaar zonder gegevens" && position !== 0) continue;
        const args = [...base];
        while (args.length <= position) args.push(null);
        args[position] = value;
        lines.push(`| \`${name}\` | ${kind} | ${outcome(id, args).replace(/\|/g, "\\|")} |`);
      }
    });
    lines.push("");
  }
  lines.push(
    "## Verwisselde argumenten en onmogelijke waarden",
    "",
    "Invoer die eruitziet als een getal maar niet kan kloppen, wordt geweigerd in plaats van stil",
    "een verkeerd bedrag te geven.",
    "",
    "| Formule | Vergissing | Uitkomst |",
    "|---|---|---|",
  );
  for (const [slip, id, args] of SLIPS)
    lines.push(`| NL.${id} | ${slip} | ${outcome(id, args).replace(/\|/g, "\\|")} |`);
  lines.push("");
  return lines.join("\n");
}
