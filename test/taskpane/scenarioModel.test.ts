/**
 * A scenario's numbers: checked by kind (bedrag, uren, jaren), stored in one notation whatever the
 * pane's language, kept as typed when they cannot be read, and never turned into facts while a
 * field is wrong or a required one is empty.
 */
import { problemMessage } from "../../src/taskpane/fields";
import { STRINGS } from "../../src/taskpane/i18n";
import {
  checkNumber,
  emptyScenario,
  INVESTMENT_FIELDS,
  scenarioIssues,
  settled,
  shownText,
  storeText,
  TEXT_FIELDS,
  toFacts,
} from "../../src/taskpane/scenarioModel";

const field = (key: string) => TEXT_FIELDS.find((f) => f.key === key)!;
const nl = STRINGS.nl;

test("a new scenario is empty: no result until winst and uren are filled in", () => {
  const s = emptyScenario("Nieuw");
  expect(s.winst).toBe("");
  expect(s.urenOnderneming).toBe("");
  expect(scenarioIssues(s, "nl", nl)).toEqual([
    { id: "f-winst", label: "Winst", missing: true },
    { id: "f-urenOnderneming", label: "Uren", missing: true },
  ]);
  expect(() => toFacts(s)).toThrow("winst: missing");
  storeText(s, field("winst"), "40.000", "nl");
  storeText(s, field("urenOnderneming"), "0", "nl"); // 0 hours is an answer, empty is not
  expect(scenarioIssues(s, "nl", nl)).toEqual([]);
  expect(toFacts(s).urenOnderneming.toString()).toBe("0");
});

test("each kind has its own message", () => {
  const msg = (text: string, kind: Parameters<typeof checkNumber>[2], required = false) =>
    problemMessage(checkNumber(text, "nl", kind, required), kind, text, "nl", nl);
  expect(msg("veertig", "amount")).toBe("Vul een bedrag in, bijvoorbeeld 40.000 of -2.500,50.");
  expect(msg("veel", "positiveAmount")).toBe("Vul een bedrag in, bijvoorbeeld 18.000 of 2.500,50.");
  expect(msg("-5", "positiveAmount")).toBe("Vul een bedrag van 0 of meer in.");
  expect(msg("veel", "hours")).toBe("Vul een aantal uren in, bijvoorbeeld 1.400 of 12,5.");
  expect(msg("-5", "hours")).toBe("Een aantal uren is 0 of meer.");
  expect(msg("9.000", "hours")).toBe("Een jaar heeft ten hoogste 8.784 uur.");
  expect(msg("7", "years")).toBe("Vul een aantal jaren in: een geheel getal van 0 tot en met 5.");
  // a reading with three decimals is no amount: only the other one is suggested
  expect(msg("12,345", "amount")).toBe('"12,345" is te lezen als € 12,345 of als € 12.345. Typ 12.345.');
  expect(msg("1,400", "hours")).toBe('"1,400" is te lezen als 1,4 uur of als 1.400 uur. Typ 1,4 of 1.400.');
  expect(msg("60,000", "amount")).toBe('"60,000" is te lezen als € 60 of als € 60.000. Typ 60 of 60.000.');
  expect(msg("6.0000", "positiveAmount")).toBe('"6.0000" is te lezen als € 6 of als € 60.000. Typ 6 of 60.000.');
  expect(msg("1,234", "hours")).toBe('"1,234" is te lezen als 1,234 uur of als 1.234 uur. Typ 1.234.');
  expect(msg("12,5,-", "amount")).toBe("Vul een bedrag in, bijvoorbeeld 40.000 of -2.500,50.");
  expect(msg("1.234,567", "amount")).toBe("Een bedrag heeft ten hoogste 2 decimalen.");
  expect(msg("", "amount", true)).toBe("Vul de winst in (ook als die 0 is).");
  expect(msg("", "hours", true)).toBe("Vul het aantal uren in (ook als het 0 is).");
  expect(msg("", "hours")).toBe("");
});

test("numbers are stored in one notation: typed in English, shown in Dutch, the same number", () => {
  const s = emptyScenario("X");
  storeText(s, field("winst"), "60,000", "en");
  expect(s.winst).toBe("60.000");
  expect(shownText(s, field("winst"), "en")).toBe("60,000");
  expect(shownText(s, field("winst"), "nl")).toBe("60.000");
  storeText(s, field("urenOnderneming"), "1,225.5", "en");
  expect(s.urenOnderneming).toBe("1.225,5");
  expect(toFacts(s, "en").winst.toString()).toBe("60000");
  expect(toFacts(s, "nl").urenOnderneming.toString()).toBe("1225.5");
});

test("what cannot be read is kept as typed, and shown again as typed in either language", () => {
  const s = emptyScenario("X");
  storeText(s, field("winst"), "60,000", "nl"); // ambiguous in Dutch
  expect(s.winst).toBe("");
  expect(s.drafts).toEqual({ winst: "60,000" });
  expect(shownText(s, field("winst"), "nl")).toBe("60,000");
  expect(scenarioIssues(s, "nl", nl)[0]).toEqual({ id: "f-winst", label: "Winst", missing: false });
  // The same text in an English pane is sixty thousand: the pane reads what it shows in its language.
  storeText(s, field("urenOnderneming"), "1.400", "nl");
  expect(scenarioIssues(s, "en", STRINGS.en)).toEqual([]);
  const forWorkbook = settled(s, "en", STRINGS.en);
  expect(forWorkbook.winst).toBe("60.000");
  expect(forWorkbook.drafts).toBeUndefined();
  expect(s.drafts).toEqual({ winst: "60,000" }); // the scenario itself is untouched
  storeText(s, field("winst"), "60.000", "nl");
  expect(s.drafts).toBeUndefined();
});

test("investments: amount and, for one not in use, what was paid; an empty amount is no investment", () => {
  const s = { ...emptyScenario("X"), winst: "40.000", urenOnderneming: "1.400" };
  s.investeringen = [
    { bedrag: "", inGebruik: true, betaald: "" },
    { bedrag: "", inGebruik: false, betaald: "" },
  ];
  storeText(s.investeringen[0], INVESTMENT_FIELDS.bedrag, "10000", "nl");
  storeText(s.investeringen[1], INVESTMENT_FIELDS.bedrag, "5.000", "nl");
  storeText(s.investeringen[1], INVESTMENT_FIELDS.betaald, "6.0000", "nl");
  expect(scenarioIssues(s, "nl", nl)).toEqual([
    { id: "f-inv-2-betaald", label: "Investering 2, al betaald", missing: false },
  ]);
  s.investeringen[1].inGebruik = true; // paid no longer asked
  expect(scenarioIssues(s, "nl", nl)).toEqual([]);
  expect(toFacts(s).investeringen!.map((i) => i.bedrag.toString())).toEqual(["10000", "5000"]);
});
