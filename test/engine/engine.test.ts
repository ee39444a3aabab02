/**
 * One formula on its own, as `nl-aftrek eval` computes it: the file syntax and what a Dutch user
 * types, the NL functions beside native ones, and Dutch messages for mistakes.
 */
import { evaluateFormula, FormulaInputError, formatValue } from "../../src/engine/evalFormula";
import { toFileFormula } from "../../src/workbook/formula/print";

const evalText = (formula: string): string => formatValue(evaluateFormula(formula));

describe("formula spellings", () => {
  test("what a user types becomes what Excel stores in a file", () => {
    expect(toFileFormula("=NL.KIA(2025, B2:B20)+nl.mkbvrij(2025,1)")).toBe(
      "_xldudf_NL_KIA(2025,B2:B20)+_xldudf_NL_MKBVRIJ(2025,1)",
    );
    expect(toFileFormula("=NL.KIA(2025; B2:B20; 0,5)", { dutch: true })).toBe("_xldudf_NL_KIA(2025,B2:B20,0.5)");
    expect(toFileFormula('=_xlfn.XOR(A1,"NL.KIA(")')).toBe('_xlfn.XOR(A1,"NL.KIA(")');
  });
});

describe("the NL functions on their own", () => {
  test("the same values as in Excel", () => {
    expect(evalText("=NL.KIA(2025, 10000)")).toBe("2800"); // 28% x 10.000
    expect(evalText("=NL.BELASTBAREWINST(2025, 40000, TRUE)")).toBe("32763.69");
    expect(evalText("=NL.MKBVRIJ(2025, -10000)")).toBe("-1270");
    expect(evalText("=NL.URENCRITERIUM(1225, 1225)")).toBe("FALSE");
    expect(evalText("=NL.URENCRITERIUM(1300, 1600, TRUE)")).toBe("TRUE");
  });

  test("bare TRUE/FALSE, empty arguments and arithmetic inside arguments", () => {
    expect(evalText("=NL.ZELFSTANDIGENAFTREK(2026, TRUE, 50000, , TRUE)")).toBe("600");
    // an empty winst is a winst of 0 (art. 3.76 lid 5: at most the winst), as in every Excel
    expect(evalText("=NL.ZELFSTANDIGENAFTREK(2026, TRUE, , , TRUE)")).toBe("0");
    expect(evalText("=NL.ZELFSTANDIGENAFTREK(2026, TRUE, , TRUE, TRUE)")).toBe("600");
    expect(evalText("=NL.STARTERSAFTREK(2025, TRUE(), FALSE)")).toBe("0");
    expect(evalText("=NL.KIA(2025, 2000+901)")).toBe("812.28");
  });

  test("errors keep their code and Dutch message", () => {
    expect(evalText("=NL.KIA(2027, 10000)")).toBe(
      "#N/A Kleinschaligheidsinvesteringsaftrek: geen gegevens voor jaar 2027. Beschikbare jaren: 2022–2026.",
    );
    expect(evalText('=NL.KIA(2025, "abc")')).toMatch(/^#VALUE! Argument 'investeringen' moet bedragen bevatten/);
    expect(evalText("=NL.KIA(2025, 1, 1, 1)")).toMatch(/^#N\/A NL.KIA heeft ten hoogste 3 argumenten/);
    // Excel does not accept a formula that leaves out a required argument: no silent 0 here either.
    expect(evalText("=NL.KIA(2025)")).toBe(
      "#VALUE! Argument 'investeringen' ontbreekt: NL.KIA verwacht ten minste 2 argumenten (jaar; investeringen), gekregen: 1.",
    );
    expect(evalText("=NL.BELASTBAREWINST(2025, 40000)")).toMatch(/^#VALUE! Argument 'urencriterium' ontbreekt/);
    expect(evalText("=NL.URENCRITERIUM()")).toMatch(
      /^#VALUE! Argument 'uren' ontbreekt: NL.URENCRITERIUM verwacht ten minste 1 argument \(uren\)/,
    );
    // An argument left empty on purpose is an empty cell, as in Excel: 0 investeringen, no KIA.
    expect(evalText("=NL.KIA(2025, )")).toBe("0");
    expect(evalText("=NL.KIA(1/0, 1000)")).toBe("#DIV/0!"); // an error in an argument propagates
  });

  test("a spill prints one row per line", () => {
    const lines = evalText("=NL.OVERZICHT(2025, 40000, TRUE)").split("\n");
    expect(lines).toHaveLength(23);
    expect(lines).toContain("Belastbare winst uit onderneming\t32763.69");
  });

  test("native formulas work beside the NL ones", () => {
    expect(evalText('=SUM(1,2)+NL.PARAMETER(2025, "zelfstandigenaftrek")')).toBe("2473");
    expect(evalText("=_xlfn.XOR(TRUE, FALSE)")).toBe("TRUE");
    expect(evalText("=ROUND(NL.KIA(2025, 2901), 0)")).toBe("812"); // 812,28 rounded
  });
});

describe("what a Dutch user types in Excel", () => {
  test("; between arguments, a decimal comma, WAAR/ONWAAR", () => {
    expect(evalText("=NL.KIA(2025; 10000)")).toBe("2800");
    // 12,7% x 1.234,56 = 156,789... -> 156,79
    expect(evalText("=NL.MKBVRIJ(2025; 1234,56)")).toBe("156.79");
    expect(evalText("=NL.ZELFSTANDIGENAFTREK(2025; WAAR; 1500)")).toBe("1500");
    expect(evalText("=NL.URENCRITERIUM(1300; 1600; ONWAAR)")).toBe("FALSE");
    expect(evalText("=NL.KIA(2025; 80000; 0,5)")).toBe("9884.5"); // 19.769 / 2
  });

  test("Dutch function names", () => {
    expect(evalText("=ALS(NL.URENCRITERIUM(1300); NL.ZELFSTANDIGENAFTREK(2025; WAAR; 50000); 0)")).toBe("2470");
    expect(evalText("=SOM(1; 2,5)")).toBe("3.5");
    expect(evalText("=AFRONDEN(NL.KIA(2025; 2901); 0)")).toBe("812");
  });

  test("WAAR/ONWAAR also with commas", () => {
    expect(evalText("=NL.ZELFSTANDIGENAFTREK(2025, WAAR, 50000)")).toBe("2470");
    // winst is required: Excel does not take the formula without it, and neither does the engine
    expect(evalText("=NL.ZELFSTANDIGENAFTREK(2025, WAAR)")).toMatch(/^#VALUE! Argument 'winst' ontbreekt/);
  });

  test("mistakes get a Dutch message, never a library's", () => {
    const message = (formula: string) => {
      try {
        evaluateFormula(formula);
      } catch (error) {
        expect(error).toBeInstanceOf(FormulaInputError);
        return (error as Error).message;
      }
      throw new Error("no error");
    };
    expect(message("=NL.KIA(2025; 10000")).toMatch(/^De formule is niet te lezen: haakje '\)' ontbreekt/);
    expect(message("=NL.ZELFSTANDIGENAFTREK(2025; JA)")).toMatch(/^Onbekende naam 'JA'/);
    expect(message("=NL.BESTAATNIET(2025)")).toMatch(/^Onbekende functie NL.BESTAATNIET/);
    expect(message("=FROBNICATE(1)")).toBe("Onbekende functie FROBNICATE.");
    expect(message('=NL.KIA(2025; "10000)')).toMatch(/tekst zonder afsluitend aanhalingsteken/);
    // without a workbook a reference has no value: an error, not a silent 0 (KIA over an empty cell)
    expect(message("=NL.KIA(2025; A1)")).toBe(
      "De verwijzing A1 heeft hier geen waarde: nl-aftrek eval rekent één formule zonder werkmap. " +
        "Geef de waarde zelf (=NL.KIA(2025; 10000)), of herbereken een werkmap met nl-aftrek recalc.",
    );
    expect(message("=SOM(B2:B20)")).toMatch(/^De verwijzing B2:B20 heeft hier geen waarde/);
    expect(message("=NL.KIA(2025; Investeringen[Bedrag])")).toMatch(/^Een tabelverwijzing heeft hier geen waarde/);
    // a TEXT format beyond digits only Excel works out, in its own language (HyperFormula gave "1235,##0.00")
    expect(message('=TEKST(1234,5; "#.##0,00")')).toBe(
      'TEKST met de notatie "#.##0,00": die hangt af van de taal van Excel en rekent alleen Excel precies.',
    );
    expect(evalText('=TEKST(1234,5; "0")')).toBe("1235");
    // Excel's limits, named: 64 nested functions (with the place where it goes too deep), 255 arguments
    expect(message(`=${"ABS(".repeat(65)}1${")".repeat(65)}`)).toBe(
      "De formule is niet te lezen: de formule nest meer dan 64 functies in elkaar; Excel staat ten hoogste 64 niveaus toe (bij teken 258).",
    );
    expect(message(`=SOM(${Array.from({ length: 256 }, () => "1").join("; ")})`)).toBe(
      "De formule is niet te lezen: SOM heeft meer dan 255 argumenten; Excel staat er ten hoogste 255 toe (bij teken 771).",
    );
  });

  test("a point in a number written with ; is a mistake with its correction, never a hang", () => {
    const message = (formula: string) => {
      try {
        evaluateFormula(formula);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error("no error");
    };
    // 10.000 with points between thousands, as a Dutch user writes an amount outside a formula
    expect(message("=NL.KIA(2025; 10.000)")).toBe(
      "De formule is niet te lezen: getal '10.000': een punt tussen duizendtallen kent een formule niet; schrijf 10000 (bij teken 17).",
    );
    expect(message("=SOM(1.234.567,89; 1)")).toMatch(/getal '1\.234\.567,89'.*schrijf 1234567,89/);
    // a decimal point where ; asks for a decimal comma (this looped without end)
    expect(message("=SOM(0.3; 1)")).toMatch(
      /getal '0\.3': met ; tussen de argumenten is de komma het decimaalteken; schrijf 0,3/,
    );
    expect(message("=NL.KIA(2025; .5)")).toMatch(/onverwacht teken '\.'/);
  });

  test("a ; inside an array constant is the file syntax's row separator, not a sign of Dutch", () => {
    expect(evalText("=INDEX({1,2;3,4},2,1)")).toBe("3");
    expect(evalText("=SUM({0.5,1.5;2,3})")).toBe("7");
  });
});
