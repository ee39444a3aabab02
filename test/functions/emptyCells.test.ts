/**
 * One workbook, one answer, in every Excel. An empty cell reaches a function as `null` (Excel for
 * the web, current Microsoft 365) or as 0 (older desktop builds, inside ranges too), and an
 * omitted argument as `null`: for every function and every argument, starting from the first
 * example of its help page, an empty cell, 0 and an omitted argument give the same answer, and
 * empty rows at the end of a range change nothing. Runs in both hosts (jest projects "web" and
 * "desktop").
 */
import examples from "../../help/examples.json";
import { NL_REQUIRED } from "../../src/functions/registry";
import { argumentNames, firstExample, outcome } from "../docs/badInputTable";
import { NL } from "../helpers/excelHost";

const cases = Object.keys(examples).flatMap((id) => {
  const { base } = firstExample(id);
  return argumentNames(id).map((name, position) => [id, name, position, base] as const);
});

describe.each(cases)("NL.%s, argument %s", (id, name, position, base) => {
  const withArg = (value: unknown) => {
    const args = [...base];
    while (args.length <= position) args.push(null);
    args[position] = value;
    return args;
  };
  const optional = !NL_REQUIRED[id].includes(name);

  test("an empty cell, 0, an empty 1×1 range and (when optional) leaving it out: one answer", () => {
    const empty = outcome(id, withArg(null));
    expect(outcome(id, withArg(0))).toBe(empty);
    expect(outcome(id, withArg([[null]]))).toBe(empty);
    expect(outcome(id, withArg([[0]]))).toBe(empty);
    expect(outcome(id, withArg(""))).toBe(empty);
    if (optional) expect(outcome(id, withArg(null).slice(0, position))).toBe(empty);
  });

  test("empty rows at the end of a range (null or 0) change nothing", () => {
    const value = base[position];
    if (!Array.isArray(value)) return;
    const grow = (filler: unknown) =>
      base.map((arg) =>
        Array.isArray(arg)
          ? [...arg, ...Array.from({ length: 3 }, () => (arg[0] as unknown[]).map(() => filler))]
          : arg,
      );
    const asIs = outcome(id, base);
    expect(outcome(id, grow(null))).toBe(asIs);
    expect(outcome(id, grow(0))).toBe(asIs);
  });
});

test("NL.TARIEFSAANPASSING over a range of posten with empty rows at its end (null or 0)", () => {
  // 2025: 85.143,69 inkomen after 2.470 + 12.386,31 posten -> 1.785,73 (as with the posten as one amount)
  for (const empty of [null, 0]) {
    expect(NL.TARIEFSAANPASSING(2025, 85143.69, [[2470], [12386.31], [empty], [empty]])).toBe(1785.73);
  }
});

describe("the issue's three workbooks give one answer in every Excel", () => {
  test("=NL.ZELFSTANDIGENAFTREK(2025; WAAR; C5) with C5 empty: a winst of 0, so no aftrek", () => {
    // art. 3.76 lid 5: the aftrek is at most the winst (0); 2.470 only with startersaftrek
    expect(NL.ZELFSTANDIGENAFTREK(2025, true, null)).toBe(0);
    expect(NL.ZELFSTANDIGENAFTREK(2025, true, null, true)).toBe(2470);
  });

  test("=NL.KIADITJAAR(2025; A2; B2; C2): in use unless stated, whatever B2 and C2 hold when empty", () => {
    // 80.000 in use: the maximum KIA of 2025, 19.769; stated not in use with nothing paid: 0 now
    expect(NL.KIADITJAAR(2025, [[80000]], [[null]], [[null]])).toBe(19769);
    expect(NL.KIALATER(2025, [[80000]], [[null]], [[null]])).toBe(0);
    expect(NL.KIADITJAAR(2025, [[80000]], [[true]], [[null]])).toBe(0);
    expect(NL.KIALATER(2025, [[80000]], [[true]], [[null]])).toBe(19769);
  });

  test("=NL.NGZVERREKENING(2026; 1500; WAAR; A2:B4) with rows 3-4 empty: 300", () => {
    // 2026: winst 1.500 - zelfstandigenaftrek 1.200 = 300 room for the 970 open from 2025
    const open = [
      [2025, 970],
      [null, null],
      [null, null],
    ];
    expect(NL.NGZVERREKENING(2026, 1500, true, open)).toBe(300);
    expect(NL.NGZRESTANT(2026, 1500, true, open)).toBe(670);
  });
});

describe("a cell with a data type", () => {
  const entity = {
    type: "Entity",
    text: "Microsoft Corporation",
    properties: {},
    basicType: "Error",
    basicValue: "#VALUE!",
  };
  const stock = {
    type: "LinkedEntity",
    text: "MSFT",
    id: { serviceId: 268 },
    basicType: "Error",
    basicValue: "#VALUE!",
  };

  test("an entity (Stocks, Geography, a card) is refused with a Dutch message that says so", () => {
    for (const value of [entity, stock, [[entity]]]) {
      expect(() => NL.KIA(2025, value)).toThrow(
        /^Argument 'investeringen' bevat een gegevenstype \("(Microsoft Corporation|MSFT)"\), zoals Aandelen of Aardrijkskunde: geen getal\. Verwijs naar één veld ervan, bijvoorbeeld A2\.Prijs\.$/,
      );
    }
    expect(() => NL.ZELFSTANDIGENAFTREK(2025, true, entity)).toThrow(/'winst' bevat een gegevenstype/);
    expect(() => NL.ZELFSTANDIGENAFTREK(2025, entity, 50000)).toThrow(/'urencriterium' bevat een gegevenstype/);
    expect(() => NL.KIADITJAAR(2025, [[80000]], [[entity]], [[0]])).toThrow(/'niet_in_gebruik' bevat een gegevenstype/);
  });

  test("a formatted number, a text or a yes/no as a data type counts as its value", () => {
    const number = (basicValue: number) => ({ type: "FormattedNumber", basicValue, numberFormat: "€ #.##0,00" });
    expect(NL.KIA(2025, [[number(2901)], [null]])).toBe(812.28); // 28% x 2.901
    expect(NL.ZELFSTANDIGENAFTREK(2025, { type: "Boolean", basicValue: true }, number(1500))).toBe(1500);
    expect(NL.PARAMETER(2025, { type: "String", basicValue: "zelfstandigenaftrek" })).toBe(2470);
  });
});
