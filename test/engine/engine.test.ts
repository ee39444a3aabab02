import { evaluateFormula, formatValue } from "../../src/engine/engine";
import { toEngineFormula, toFileFormula } from "../../src/engine/formulaText";

const evalText = (formula: string): string => formatValue(evaluateFormula(formula));

describe("formula spellings", () => {
  test("what Excel writes into files becomes what the engine parses", () => {
    expect(toEngineFormula("_xldudf_NL_KIA(2025,B2:B20)")).toBe("=NL.KIA(2025,B2:B20)");
    expect(toEngineFormula("=_xldudf_nl_belastbarewinst(B1,B5,TRUE)")).toBe("=NL.BELASTBAREWINST(B1,B5,TRUE)");
    expect(toEngineFormula("_xlfn.XOR(A1,_xlws.SORT(B1:B2))")).toBe("=XOR(A1,SORT(B1:B2))");
    expect(toFileFormula("=NL.KIA(2025, B2:B20)+nl.mkbvrij(2025,1)")).toBe(
      "_xldudf_NL_KIA(2025, B2:B20)+_xldudf_NL_MKBVRIJ(2025,1)",
    );
  });
});

describe("the NL functions in the headless engine", () => {
  test("the same values as in Excel", () => {
    expect(evalText("=NL.KIA(2025, 10000)")).toBe("2800"); // 28% x 10.000
    expect(evalText("=NL.BELASTBAREWINST(2025, 40000, TRUE)")).toBe("32763.69");
    expect(evalText("=NL.MKBVRIJ(2025, -10000)")).toBe("-1270");
    expect(evalText("=NL.URENCRITERIUM(1225, 1225)")).toBe("FALSE");
    expect(evalText("=NL.URENCRITERIUM(1300, 1600, TRUE)")).toBe("TRUE");
  });

  test("bare TRUE/FALSE, empty arguments and arithmetic inside arguments", () => {
    expect(evalText("=NL.ZELFSTANDIGENAFTREK(2026, TRUE, , , TRUE)")).toBe("600");
    expect(evalText("=NL.STARTERSAFTREK(2025, TRUE(), FALSE)")).toBe("0");
    expect(evalText("=NL.KIA(2025, 2000+901)")).toBe("812.28");
  });

  test("errors keep their code and Dutch message", () => {
    expect(evalText("=NL.KIA(2027, 10000)")).toBe(
      "#N/A Kleinschaligheidsinvesteringsaftrek: geen gegevens voor jaar 2027. Beschikbare jaren: 2022–2026.",
    );
    expect(evalText('=NL.KIA(2025, "abc")')).toMatch(/^#VALUE! Argument 'investeringen' moet bedragen bevatten/);
    expect(evalText("=NL.KIA(2025, 1, 1, 1)")).toMatch(/^#N\/A NL.KIA heeft ten hoogste 3 argumenten/);
    expect(evalText("=NL.KIA(1/0, 1000)")).toBe("#DIV/0!"); // an error in an argument propagates
  });

  test("a spill prints one row per line", () => {
    const lines = evalText("=NL.OVERZICHT(2025, 40000, TRUE)").split("\n");
    expect(lines).toHaveLength(14);
    expect(lines).toContain("Belastbare winst uit onderneming\t32763.69");
  });

  test("native formulas work beside the NL ones", () => {
    expect(evalText('=SUM(1,2)+NL.PARAMETER(2025, "zelfstandigenaftrek")')).toBe("2473");
    expect(evalText("=_xlfn.XOR(TRUE, FALSE)")).toBe("TRUE");
  });
});
