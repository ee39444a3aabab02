/**
 * Reading back what the pane saved in the workbook (or the browser), field by field. A document
 * can hold anything: an older version's data, a colleague's hand edit, a broken sync. Every
 * scenario that is valid is kept; one that is not is named, and the stored data is copied aside
 * before anything is saved over it.
 */
import * as v from "valibot";
import { emptyScenario, ScenarioInput } from "./scenarioModel";

const text = (fallback: string) => v.optional(v.string(), fallback);
const yesNo = v.optional(v.boolean(), false);
/** Texts as typed that could not be read as a number (see scenarioModel). */
const drafts = v.optional(v.record(v.string(), v.string()));

const Investment = v.object({
  bedrag: v.string(),
  inGebruik: v.boolean(),
  betaald: text(""),
  drafts,
});

/** A scenario as saved. Fields added in later versions may be missing (they get their default). */
const Scenario = v.object({
  id: v.string(),
  naam: v.string(),
  jaar: v.string(),
  winst: text(""),
  urenOnderneming: text(""),
  urenOverigWerk: text(""),
  starter: yesNo,
  aow: yesNo,
  aoUitkering: yesNo,
  kerenZelfstandigenaftrek: text(""),
  kerenAoStartersaftrek: text(""),
  urenPartner: text(""),
  overigInkomen: text(""),
  overigArbeidsinkomen: text(""),
  combinatiekorting: yesNo,
  alleenstaand: yesNo,
  investeringen: v.optional(v.array(Investment), []),
  omzet: text(""),
  omzetVorigJaar: text(""),
  btwKosten: text(""),
  kor: yesNo,
  particulierZelfdePrijs: yesNo,
  drafts,
});

export interface SavedPane {
  readonly lang: "nl" | "en";
  readonly tab: string | null;
  readonly scenarios: ScenarioInput[];
  readonly activeId: string | null;
  readonly compareIds: string[];
  /** The saved scenarios (or parts) that could not be read, by how the user would recognise them. */
  readonly unreadable: string[];
}

function label(raw: unknown, index: number): string {
  const naam = typeof raw === "object" && raw !== null ? (raw as { naam?: unknown }).naam : undefined;
  return typeof naam === "string" && naam.trim()
    ? `scenario ${index + 1} ("${naam.slice(0, 40)}")`
    : `scenario ${index + 1}`;
}

/** What was saved, as far as it can be read. Never throws. */
export function readSaved(raw: unknown): SavedPane {
  const unreadable: string[] = [];
  if (raw === null || raw === undefined)
    return { lang: "nl", tab: null, scenarios: [], activeId: null, compareIds: [], unreadable };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return {
      lang: "nl",
      tab: null,
      scenarios: [],
      activeId: null,
      compareIds: [],
      unreadable: ["de opgeslagen gegevens"],
    };
  }
  const saved = raw as Record<string, unknown>;
  const scenarios: ScenarioInput[] = [];
  if (Array.isArray(saved.scenarios)) {
    saved.scenarios.forEach((item, i) => {
      const parsed = v.safeParse(Scenario, item);
      if (parsed.success) scenarios.push({ ...emptyScenario(parsed.output.naam), ...parsed.output });
      else unreadable.push(label(item, i));
    });
  } else if (saved.scenarios !== undefined) unreadable.push("de lijst met scenario's");
  const ids = new Set(scenarios.map((s) => s.id));
  return {
    lang: saved.lang === "en" ? "en" : "nl",
    tab: typeof saved.tab === "string" ? saved.tab : null,
    scenarios,
    activeId: typeof saved.activeId === "string" && ids.has(saved.activeId) ? saved.activeId : null,
    compareIds: Array.isArray(saved.compareIds)
      ? saved.compareIds.filter((x): x is string => typeof x === "string" && ids.has(x))
      : [],
    unreadable,
  };
}
