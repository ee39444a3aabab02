/** Everything the pane says, in Dutch (first) and English. */
import { KETEN_LABELS } from "../rules/keten";
import type { ScenarioKey } from "../rules/scenario";
import { dutchDecimals, dutchFormula } from "../workbook/formula/dutch";
import { formatDate } from "./format";
import type { FieldProblem, NumberKind, TextField } from "./scenarioModel";

export type Lang = "nl" | "en";

/**
 * Two readings of one typed number, each written out with its unit ("€ 60", "1,4 uur"), and the
 * ways to type them that cannot be misread (one or both).
 */
export interface Readings {
  readonly typed: string;
  readonly shown: readonly [string, string];
  readonly plain: readonly string[];
}

/** The first ten cells of a list, and how many more there are (a filled-down run can be thousands). */
function firstFew(cells: readonly string[], and: string, more: string): string {
  const shown = cells.slice(0, 10).join(", ");
  return cells.length > 10 ? `${shown} ${and} ${cells.length - 10} ${more}` : shown;
}

const nl = {
  title: "NL Aftrek",
  settings: "Instellingen",
  languages: { nl: "Nederlands", en: "English" } as Record<Lang, string>,
  moreTabs: "Meer tabbladen",
  closeBanner: "Melding sluiten",
  inExcel: "Verbonden met Excel. Scenario's worden in de werkmap bewaard.",
  inBrowser:
    "Geopend in een browser, dus geen werkmap: scenario's blijven in deze browser. Invoegen en uitleg van een cel werken alleen in Excel.",
  hostShort: (inExcel: boolean): string => (inExcel ? "Verbonden met Excel." : "In een browser, geen werkmap."),
  tabs: {
    scenario: "Scenario",
    compare: "Vergelijken",
    explain: "Uitleg cel",
    insert: "Invoegen",
    check: "Controleren",
  },
  scenario: "Scenario",
  chooseScenario: "Kies scenario",
  name: "Naam van het scenario",
  scenarioActions: "Scenario-acties",
  newScenario: "Nieuw scenario",
  duplicate: "Dupliceren",
  remove: "Verwijderen",
  removed: (name: string) => `Scenario "${name}" verwijderd.`,
  undo: "Ongedaan maken",
  copyOf: (name: string) => `${name} (kopie)`,
  defaultName: (n: number) => `Scenario ${n}`,
  fields: {
    jaar: "Jaar",
    winst: "Winst vóór investeringsaftrek (€)",
    urenOnderneming: "Uren aan de onderneming",
    urenOverigWerk: "Uren ander werk (loondienst e.d.)",
    starter: "Starter: geen ondernemer in 1 of meer van de 5 voorafgaande jaren",
    aow: "AOW-leeftijd bereikt op 1 januari",
    aoUitkering: "Arbeidsongeschikt: recht op een AO-uitkering",
    kerenZelfstandigenaftrek: "Zelfstandigenaftrek gehad in de 5 voorafgaande jaren (keer)",
    kerenAoStartersaftrek: "Startersaftrek bij AO gehad in de 5 voorafgaande jaren (keer)",
    urenPartner: "Uren van uw partner (onbetaald meewerken)",
    overigInkomen: "Overig inkomen in box 1 (€)",
    overigArbeidsinkomen: "Waarvan loon of ander arbeidsinkomen (€)",
    combinatiekorting: "Kind jonger dan 12 en geen partner of het laagste inkomen (combinatiekorting)",
    alleenstaand: "AOW voor een alleenstaande (alleenstaande ouderenkorting)",
    omzet: "Omzet dit jaar, excl. btw (€)",
    omzetVorigJaar: "Omzet vorig jaar, excl. btw (€)",
    btwKosten: "Btw op kosten en investeringen dit jaar (€)",
    kor: "Kleineondernemersregeling (KOR) toepassen",
    particulierZelfdePrijs: "Particuliere klanten blijven dezelfde prijs incl. btw betalen",
  },
  /** Short names of the fields, for the summary's list of what to fix. */
  short: {
    winst: "Winst",
    urenOnderneming: "Uren",
    urenOverigWerk: "Uren ander werk",
    urenPartner: "Uren partner",
    kerenZelfstandigenaftrek: "Zelfstandigenaftrek eerder",
    kerenAoStartersaftrek: "Startersaftrek bij AO eerder",
    overigInkomen: "Overig inkomen",
    overigArbeidsinkomen: "Waarvan loon",
    omzet: "Omzet",
    omzetVorigJaar: "Omzet vorig jaar",
    btwKosten: "Btw op kosten",
  } satisfies Record<TextField, string>,
  placeholders: {
    winst: "bijv. 40.000",
    urenOnderneming: "bijv. 1.400",
    bedrag: "bijv. 10.000",
    optional: "0",
  },
  kor: "Btw en KOR",
  korNotPossible: (limit: string, lastYearToo: boolean) =>
    `KOR niet mogelijk: omzet ${lastYearToo ? "dit of vorig jaar " : ""}hoger dan ${limit}`,
  investments: "Investeringen",
  investmentAmount: (i: number) => `Investering ${i}: bedrag excl. btw (€)`,
  investmentInUse: (i: number) => `Investering ${i} in gebruik op 31 december`,
  investmentPaid: (i: number) => `Investering ${i}: al betaald (€)`,
  investmentShort: (i: number) => `Investering ${i}`,
  investmentPaidShort: (i: number) => `Investering ${i}, al betaald`,
  investmentNotInUse: "Nog niet in gebruik op 31 december",
  addInvestment: "Investering toevoegen",
  removeInvestment: (i: number) => `Investering ${i} verwijderen`,
  /** A number written with its unit: "€ 60.000", "1.400 uur", "2 keer". */
  withUnit: (kind: NumberKind, n: string) =>
    kind === "hours" ? `${n} uur` : kind === "years" ? `${n} keer` : `€ ${n}`,
  readAs: (shown: string) => `Gelezen als ${shown}`,
  fieldProblem: (kind: NumberKind, problem: FieldProblem, r?: Readings): string => {
    const hours = kind === "hours";
    switch (problem) {
      case "missing":
        return hours ? "Vul het aantal uren in (ook als het 0 is)." : "Vul de winst in (ook als die 0 is).";
      case "ambiguous":
        return `"${r!.typed}" is te lezen als ${r!.shown[0]} of als ${r!.shown[1]}. Typ ${r!.plain.join(" of ")}.`;
      case "years":
        return "Vul een aantal jaren in: een geheel getal van 0 tot en met 5.";
      case "negative":
        return hours ? "Een aantal uren is 0 of meer." : "Vul een bedrag van 0 of meer in.";
      case "decimals":
        return hours
          ? "Uren met ten hoogste 2 decimalen, bijvoorbeeld 12,25."
          : "Een bedrag heeft ten hoogste 2 decimalen.";
      case "tooLarge":
        return hours ? "Een jaar heeft ten hoogste 8.784 uur." : "Dit bedrag is te groot.";
      default:
        return hours
          ? "Vul een aantal uren in, bijvoorbeeld 1.400 of 12,5."
          : kind === "positiveAmount"
            ? "Vul een bedrag in, bijvoorbeeld 18.000 of 2.500,50."
            : "Vul een bedrag in, bijvoorbeeld 40.000 of -2.500,50.";
    }
  },
  fixFields: "Verbeter eerst de velden met een melding; de samenvatting bovenaan wijst ze aan.",
  waitingForInput: "De uitkomst verschijnt zodra de winst en de uren zijn ingevuld.",
  issuesInvalid: (n: number) => `${n} ${n === 1 ? "veld" : "velden"} onjuist:`,
  issuesMissing: "Nog invullen:",
  noValue: "—",
  result: "Uitkomst",
  lawLink: "wettekst",
  showAllLines: (n: number) => `Toon alle regels (${n} op € 0,00)`,
  hideZeroLines: "Verberg de regels op € 0,00",
  lines: {
    korEffect: "Effect van de KOR op de winst",
    kia: "Kleinschaligheidsinvesteringsaftrek",
    kiaLater: "KIA in latere jaren",
    winstNaKia: "Winst na investeringsaftrek",
    aoStartersaftrek: "Startersaftrek bij arbeidsongeschiktheid",
    // The chain's lines carry the same names as in =NL.OVERZICHT (domain terms stay Dutch).
    ...KETEN_LABELS,
  } satisfies Record<ScenarioKey, string>,
  explain: {
    korEffect: "Met KOR geen btw rekenen en geen btw op kosten terugvragen; zonder KOR is btw neutraal.",
    kia: "28% of een vast bedrag over de bedrijfsmiddelen van ten minste € 450, volgens de tabel van het jaar.",
    kiaLater: "Nog niet in gebruik en minder betaald dan de aftrek: dit deel volgt in latere jaren.",
    winstNaKia: "Winst min de investeringsaftrek van dit jaar.",
    zelfstandigenaftrek:
      "Alleen met urencriterium; de helft bij AOW-leeftijd; ten hoogste de winst, behalve voor starters.",
    startersaftrek: "Extra voor starters met urencriterium die de zelfstandigenaftrek hoogstens 2 keer eerder hadden.",
    soAftrek: "Voor speur- en ontwikkelingswerk met S&O-verklaring.",
    meewerkaftrek: "Percentage van de winst naar de uren die uw partner onbetaald meewerkte.",
    aoStartersaftrek: "Voor een arbeidsongeschikte starter met 800 maar geen 1.225 uur; ten hoogste de winst.",
    stakingsaftrek: "Bij staken van de onderneming.",
    ondernemersaftrek: "De som van de aftrekposten hierboven.",
    mkbWinstvrijstelling: "Percentage van de winst na ondernemersaftrek; negatief bij verlies.",
    belastbareWinst: "Winst min ondernemersaftrek min MKB-winstvrijstelling.",
    inkomenBox1: "Belastbare winst plus ander inkomen in box 1.",
    box1: "Volgens de tabel van de wet, met premie volksverzekeringen over de eerste schijf.",
    tariefsaanpassing: "Aftrekposten in de hoogste schijf leveren minder op.",
    totaalBox1: "Box 1 plus tariefsaanpassing, vóór heffingskortingen.",
    algemeneHeffingskorting:
      "Voor iedereen; wordt kleiner naarmate het inkomen stijgt. Bij AOW-leeftijd zonder AOW-deel.",
    arbeidskorting: "Over de winst en het loon; stijgt eerst mee met het inkomen en wordt daarna afgebouwd.",
    combinatiekorting: "Voor wie werkt en een kind jonger dan 12 heeft, alleenstaand of met het laagste inkomen.",
    ouderenkorting: "Vanaf de AOW-leeftijd; afgebouwd boven de inkomensgrens.",
    alleenstaandeOuderenkorting: "Vanaf de AOW-leeftijd, voor wie AOW voor een alleenstaande krijgt.",
    heffingskortingen: "De kortingen samen, nooit meer dan de belasting en premie zelf.",
    belastingNaKortingen: "Belasting en premie box 1 min de heffingskortingen.",
    zvwBijdrage: "Percentage van de belastbare winst tot het maximum bijdrage-inkomen.",
    totaalTeBetalen: "Belasting en premie na heffingskortingen plus de bijdrage Zvw.",
  } satisfies Record<ScenarioKey, string>,
  summary: "Samenvatting",
  summaryNetto: "KIA netto",
  summaryBelastbareWinst: "Belastbare winst",
  marginalRate: "Marginaal tarief",
  marginalRateHelp: (rate: string) =>
    `Marginaal tarief ${rate}: van elke euro winst meer gaat ${rate} naar belasting, premie en Zvw (heffingskortingen meegerekend).`,
  reasonUren: "Urencriterium niet gehaald: geen zelfstandigenaftrek",
  reasonKiaBelow: (threshold: string) => `Geen KIA: investeringen tot en met ${threshold}`,
  reasonKiaAbove: (limit: string) => `Geen KIA: investeringen boven ${limit}`,
  reasonKiaSmall: (minimum: string) => `Geen KIA: geen bedrijfsmiddel van ${minimum} of meer`,
  kiaNoInvestments: (threshold: string) =>
    `Nog geen investeringen. De KIA begint boven ${threshold} aan investeringen in het jaar.`,
  kiaBelowThreshold: (threshold: string) =>
    `Tot en met ${threshold} aan investeringen is er geen KIA; daarboven 28% (zie de curve).`,
  kiaMore: (step: string, kia: string, netto: string) =>
    `Nog ${step} investeren: KIA ${kia} hoger, netto ${netto} minder te betalen.`,
  urencriteriumMet: "Urencriterium gehaald",
  kiaChart: "KIA-curve",
  kiaChartDesc: (year: number) => `Investeringsaftrek bij elk investeringsbedrag in ${year}; uw totaal is gemarkeerd.`,
  kiaMarker: (total: string, kia: string) => `Uw investeringen: ${total}, KIA ${kia}`,
  compareTitle: "Scenario's naast elkaar",
  comparePick: "Kies de scenario's",
  compareHelp: "Kies 2 tot 4 scenario's; het eerste gekozen scenario is de basis. Afwijkingen daarvan zijn gemarkeerd.",
  compareNeedTwo: "Kies twee scenario's om ze te vergelijken.",
  compareOnlyOne:
    "Er is nog één scenario. Maak een variant met Dupliceren (knop ⋯ naast het scenario) en vergelijk ze hier.",
  compareMax: "U kunt ten hoogste vier scenario's vergelijken.",
  compareAnswer: (name: string, amount: string, direction: -1 | 0 | 1, base: string) =>
    direction === 0
      ? `${name}: evenveel te betalen als ${base}`
      : `${name}: ${amount} ${direction < 0 ? "minder" : "meer"} te betalen dan ${base}`,
  compareIncomplete: (name: string) => `${name}: nog niet volledig ingevuld, geen uitkomst`,
  difference: "verschil",
  showEqualRows: (n: number) => `Toon alle regels (${n} gelijk in elk scenario)`,
  hideEqualRows: "Verberg de gelijke regels",
  barChart: "Totalen per scenario",
  legend: "Legenda",
  explainTitle: "Uitleg van de geselecteerde cel",
  explainHelp: "Selecteer in de werkmap een cel met een NL-formule.",
  explainNoFormula: (address: string) => `Cel ${address} bevat geen NL-formule.`,
  unreadable: (what: string[]) =>
    `Niet te lezen uit de werkmap: ${what.join(", ")}. De andere scenario's zijn geladen; de oorspronkelijke gegevens zijn apart bewaard (documentinstelling nlAftrek.pane.onleesbaar) en worden niet overschreven.`,
  close: "Sluiten",
  explainNotYet: (address: string) =>
    `Cel ${address} bevat een NL-formule die in deze sessie nog niet is berekend: wijzig een invoer of druk op F9.`,
  explainTooBig: (address: string) =>
    `De argumenten van cel ${address} zijn te groot om te bewaren voor uitleg; verklein het bereik of selecteer een andere cel.`,
  explainError: (code: string, message: string) => `De formule geeft ${code}: ${message}`,
  explainFormula: "Formule",
  explainBrowser: "Uitleg van een cel werkt alleen in Excel.",
  explainYear: "Jaar",
  explainVersion: (v: string, d: string) => `Rekenkern ${v}, bedragen gecontroleerd op ${formatDate(d, "nl")}`,
  explainParameters: "Gebruikte bedragen",
  explainSteps: "Stappen",
  insertTitle: "Invoegen in de werkmap",
  insertHelp: "Schrijf het scenario als blok met invoercellen en live NL-formules die ernaar verwijzen.",
  insertAtSelection: "Invoegen bij selectie",
  insertNewSheet: "Invoegen op nieuw blad",
  insertBrowser: "Invoegen werkt alleen in Excel.",
  insertIncomplete: "Vul het scenario eerst volledig in (zie Scenario); daarna kunt u het invoegen.",
  confirmOverwrite: (n: number) => `${n} cel(len) zijn niet leeg en worden overschreven:`,
  confirmYes: "Overschrijven",
  confirmNo: "Annuleren",
  inserted: (address: string) => `Ingevoegd in ${address}.`,
  cancelled: "Niets gewijzigd.",
  exportTitle: "Waarden exporteren",
  exportHelp:
    "Maakt een kopie van het actieve blad waarin NL-formules door hun waarden zijn vervangen, voor klanten zonder de add-in.",
  exportButton: "Kopie met waarden maken",
  exported: (sheet: string) => `Kopie gemaakt: ${sheet}.`,
  excelRefused: (reason: string) => `Excel voerde dit niet uit: ${reason}`,
  about: (v: string, d: string) =>
    `Rekenkern ${v}, bedragen gecontroleerd op ${formatDate(d, "nl")}. Alles wordt lokaal berekend.`,
  auditTitle: "Werkmap controleren",
  auditHelp:
    "Zoekt in alle bladen naar belastingbedragen en -percentages die vast in formules of naast een label zijn ingetikt, en stelt de NL-formule voor die ze vervangt. Er verandert niets tot u cellen kiest en bevestigt.",
  auditBrowser: "Werkmap controleren werkt alleen in Excel. Zonder Excel: nl-aftrek controleer <bestand>.",
  auditRun: "Werkmap controleren",
  auditProgress: (sheet: string, i: number, n: number, rows: number, total: number) =>
    `Blad ${i} van ${n} (${sheet}): ${rows.toLocaleString("nl-NL")} van ${total.toLocaleString("nl-NL")} rijen gelezen`,
  auditNone: "Geen vast ingetikte belastingbedragen gevonden.",
  auditFound: (n: number) => `${n.toLocaleString("nl-NL")} cel(len) met vast ingetikte belastingbedragen.`,
  auditPick: "Vervangen",
  auditAll: "Alles kiezen",
  auditReplace: "Gekozen cellen vervangen",
  auditPickFirst: "Kies eerst de cellen die u wilt vervangen.",
  auditConfirm: (n: number) => `${n.toLocaleString("nl-NL")} cel(len) krijgen de voorgestelde formule:`,
  auditConfirmYes: "Vervangen",
  auditBefore: "Nu",
  auditAfter: "Wordt",
  /** A formula as Dutch Excel shows it (ALS, `;`, a decimal comma); what is written stays the file's notation. */
  auditFormula: (formula: string, host: { row: number; col: number }): string => dutchFormula(formula, host),
  auditNumber: dutchDecimals,
  auditStale: (year: string) => `verouderd voor ${year}`,
  auditConfidence: { hoog: "zekerheid hoog", laag: "zekerheid laag" } as Record<"hoog" | "laag", string>,
  auditRunNote: (n: number, first: string) =>
    `${n.toLocaleString("nl-NL")} cellen onder elkaar; getoond voor ${first}, elke andere cel krijgt de formule voor haar eigen rij.`,
  auditReplaced: (n: number, skipped: string[]) =>
    `${n.toLocaleString("nl-NL")} cel(len) vervangen.${skipped.length ? ` Niet vervangen omdat de cel intussen is gewijzigd: ${firstFew(skipped, "en", "andere")}.` : ""}`,
  // ---- Werkmap controleren: the year of each number, the report of a replacement (issue 32) ----
  auditCurrent: (where: string) => `actueel voor ${where}`,
  auditNotKnown: (where: string) => `nog niet te controleren voor ${where}: de regels kennen dat jaar nog niet`,
  auditReportTitle: "Rapport van het vervangen",
  auditReportColumns: ["Blad", "Cel", "Stond er", "Staat er nu", "Waarde voor", "Waarde na", "Waarom"],
  auditReportSkipped: "Niet vervangen",
  auditReportMarkdown: "Het rapport als Markdown (om te bewaren of te delen)",
  auditChangedMeanwhile: "niet vervangen: de cel is sinds het controleren gewijzigd",
  auditThisWorkbook: "deze werkmap",
  // ---- end of issue 32 ----
};

export type Strings = typeof nl;

const en: Strings = {
  ...nl,
  settings: "Settings",
  moreTabs: "More tabs",
  closeBanner: "Close message",
  inExcel: "Connected to Excel. Scenarios are saved in the workbook.",
  inBrowser:
    "Opened in a browser, so no workbook: scenarios stay in this browser. Inserting and explaining a cell only work in Excel.",
  hostShort: (inExcel: boolean) => (inExcel ? "Connected to Excel." : "In a browser, no workbook."),
  tabs: { scenario: "Scenario", compare: "Compare", explain: "Explain cell", insert: "Insert", check: "Check" },
  chooseScenario: "Choose scenario",
  name: "Name of the scenario",
  scenarioActions: "Scenario actions",
  newScenario: "New scenario",
  duplicate: "Duplicate",
  remove: "Delete",
  removed: (name: string) => `Scenario "${name}" deleted.`,
  undo: "Undo",
  copyOf: (name: string) => `${name} (copy)`,
  fields: {
    jaar: "Year",
    winst: "Profit before investment deduction (€)",
    urenOnderneming: "Hours in the business",
    urenOverigWerk: "Hours of other work (employment etc.)",
    starter: "Starter: no entrepreneur in 1 or more of the 5 preceding years",
    aow: "State pension age reached on 1 January",
    aoUitkering: "Incapacitated: entitled to a disability benefit",
    kerenZelfstandigenaftrek: "Self-employed deduction in the 5 preceding years (times)",
    kerenAoStartersaftrek: "Disability starter deduction in the 5 preceding years (times)",
    urenPartner: "Hours of your partner (unpaid help)",
    overigInkomen: "Other box 1 income (€)",
    overigArbeidsinkomen: "Of which wages or other earned income (€)",
    combinatiekorting: "Child under 12 and no partner or the lower income (combinatiekorting)",
    alleenstaand: "State pension for a single person (alleenstaande ouderenkorting)",
    omzet: "Turnover this year, excl. VAT (€)",
    omzetVorigJaar: "Turnover last year, excl. VAT (€)",
    btwKosten: "VAT on costs and investments this year (€)",
    kor: "Apply the small business scheme (KOR)",
    particulierZelfdePrijs: "Private clients keep paying the same price incl. VAT",
  },
  short: {
    winst: "Profit",
    urenOnderneming: "Hours",
    urenOverigWerk: "Hours of other work",
    urenPartner: "Partner's hours",
    kerenZelfstandigenaftrek: "Self-employed deduction before",
    kerenAoStartersaftrek: "Disability starter deduction before",
    overigInkomen: "Other income",
    overigArbeidsinkomen: "Of which wages",
    omzet: "Turnover",
    omzetVorigJaar: "Turnover last year",
    btwKosten: "VAT on costs",
  },
  placeholders: {
    winst: "e.g. 40,000",
    urenOnderneming: "e.g. 1,400",
    bedrag: "e.g. 10,000",
    optional: "0",
  },
  kor: "VAT and KOR",
  korNotPossible: (limit: string, lastYearToo: boolean) =>
    `KOR not possible: turnover ${lastYearToo ? "this or last year " : ""}above ${limit}`,
  investments: "Investments",
  investmentAmount: (i: number) => `Investment ${i}: amount excl. VAT (€)`,
  investmentInUse: (i: number) => `Investment ${i} in use on 31 December`,
  investmentPaid: (i: number) => `Investment ${i}: paid so far (€)`,
  investmentShort: (i: number) => `Investment ${i}`,
  investmentPaidShort: (i: number) => `Investment ${i}, paid so far`,
  investmentNotInUse: "Not yet in use on 31 December",
  addInvestment: "Add investment",
  removeInvestment: (i: number) => `Remove investment ${i}`,
  withUnit: (kind: NumberKind, n: string) =>
    kind === "hours" ? `${n} hours` : kind === "years" ? `${n} times` : `€${n}`,
  readAs: (shown: string) => `Read as ${shown}`,
  fieldProblem: (kind: NumberKind, problem: FieldProblem, r?: Readings): string => {
    const hours = kind === "hours";
    switch (problem) {
      case "missing":
        return hours ? "Enter the number of hours (also when it is 0)." : "Enter the profit (also when it is 0).";
      case "ambiguous":
        return `"${r!.typed}" can be read as ${r!.shown[0]} or as ${r!.shown[1]}. Type ${r!.plain.join(" or ")}.`;
      case "years":
        return "Enter a number of years: a whole number from 0 to 5.";
      case "negative":
        return hours ? "A number of hours is 0 or more." : "Enter an amount of 0 or more.";
      case "decimals":
        return hours ? "Hours with at most 2 decimals, for example 12.25." : "An amount has at most 2 decimals.";
      case "tooLarge":
        return hours ? "A year has at most 8,784 hours." : "This amount is too large.";
      default:
        return hours
          ? "Enter a number of hours, for example 1,400 or 12.5."
          : kind === "positiveAmount"
            ? "Enter an amount, for example 18,000 or 2,500.50."
            : "Enter an amount, for example 40,000 or -2,500.50.";
    }
  },
  fixFields: "First correct the fields with a message; the summary at the top points to them.",
  waitingForInput: "The result appears once the profit and the hours are filled in.",
  issuesInvalid: (n: number) => `${n} ${n === 1 ? "field" : "fields"} wrong:`,
  issuesMissing: "Still to fill in:",
  result: "Result",
  lawLink: "law text",
  showAllLines: (n: number) => `Show all lines (${n} at €0.00)`,
  hideZeroLines: "Hide the lines at €0.00",
  urencriteriumMet: "Hours criterion met",
  kiaChart: "KIA curve",
  kiaChartDesc: (year: number) => `Investment deduction for every investment total in ${year}; your total is marked.`,
  kiaMarker: (total: string, kia: string) => `Your investments: ${total}, KIA ${kia}`,
  summary: "Summary",
  summaryNetto: "KIA net",
  summaryBelastbareWinst: "Taxable profit",
  marginalRate: "Marginal rate",
  marginalRateHelp: (rate: string) =>
    `Marginal rate ${rate}: of every extra euro of profit, ${rate} goes to tax, premiums and Zvw (tax credits included).`,
  reasonUren: "Hours criterion not met: no zelfstandigenaftrek",
  reasonKiaBelow: (threshold: string) => `No KIA: investments up to ${threshold}`,
  reasonKiaAbove: (limit: string) => `No KIA: investments above ${limit}`,
  reasonKiaSmall: (minimum: string) => `No KIA: no asset of ${minimum} or more`,
  kiaNoInvestments: (threshold: string) =>
    `No investments yet. The KIA starts above ${threshold} of investments in the year.`,
  kiaBelowThreshold: (threshold: string) =>
    `Up to ${threshold} of investments there is no KIA; above it 28% (see the curve).`,
  kiaMore: (step: string, kia: string, netto: string) =>
    `Investing ${step} more: KIA ${kia} higher, ${netto} less to pay in total.`,
  explain: {
    korEffect: "With the KOR no VAT is charged and none is reclaimed on costs; without it VAT is neutral.",
    kia: "28% or a fixed amount over the business assets of at least € 450, by the table of the year.",
    kiaLater: "Not yet in use and less paid than the deduction: this part follows in later years.",
    winstNaKia: "Profit less this year's investment deduction.",
    zelfstandigenaftrek:
      "Only with the hours criterion; half at state pension age; at most the profit, except for starters.",
    startersaftrek:
      "Extra for starters meeting the hours criterion who had the zelfstandigenaftrek at most twice before.",
    soAftrek: "For research and development work with an S&O statement.",
    meewerkaftrek: "A percentage of the profit by the hours your partner helped without pay.",
    aoStartersaftrek: "For an incapacitated starter with 800 but not 1,225 hours; at most the profit.",
    stakingsaftrek: "When the business is ended.",
    ondernemersaftrek: "The sum of the deductions above.",
    mkbWinstvrijstelling: "A percentage of the profit after the ondernemersaftrek; negative on a loss.",
    belastbareWinst: "Profit less ondernemersaftrek less MKB-winstvrijstelling.",
    inkomenBox1: "Taxable profit plus other box 1 income.",
    box1: "By the table of the law, with national insurance premiums over the first bracket.",
    tariefsaanpassing: "Deductions in the top bracket save less.",
    totaalBox1: "Box 1 plus tariefsaanpassing, before tax credits.",
    algemeneHeffingskorting: "For everyone; shrinks as income grows. At state pension age without the AOW part.",
    arbeidskorting: "Over profit and wages; first grows with income, then is phased out.",
    combinatiekorting: "For a working parent of a child under 12, single or with the lower income.",
    ouderenkorting: "From state pension age; phased out above the income limit.",
    alleenstaandeOuderenkorting: "From state pension age, for whoever receives the single person's AOW.",
    heffingskortingen: "The tax credits together, never more than the tax and premiums themselves.",
    belastingNaKortingen: "Box 1 tax and premiums less the tax credits.",
    zvwBijdrage: "A percentage of the taxable profit up to the maximum contribution income.",
    totaalTeBetalen: "Tax and premiums after tax credits plus the Zvw contribution.",
  },
  compareTitle: "Scenarios side by side",
  comparePick: "Choose the scenarios",
  compareHelp: "Choose 2 to 4 scenarios; the first one chosen is the base. Differences from it are highlighted.",
  compareNeedTwo: "Choose two scenarios to compare them.",
  compareOnlyOne:
    "There is one scenario so far. Make a variant with Duplicate (button ⋯ next to the scenario) and compare them here.",
  compareMax: "You can compare at most four scenarios.",
  compareAnswer: (name: string, amount: string, direction: -1 | 0 | 1, base: string) =>
    direction === 0
      ? `${name}: as much to pay as ${base}`
      : `${name}: ${amount} ${direction < 0 ? "less" : "more"} to pay than ${base}`,
  compareIncomplete: (name: string) => `${name}: not filled in completely, no result`,
  difference: "difference",
  showEqualRows: (n: number) => `Show all lines (${n} equal in every scenario)`,
  hideEqualRows: "Hide the equal lines",
  barChart: "Totals per scenario",
  legend: "Legend",
  explainTitle: "How the selected cell was computed",
  explainHelp: "Select a cell with an NL formula in the workbook.",
  explainNoFormula: (address: string) => `Cell ${address} holds no NL formula.`,
  unreadable: (what: string[]) =>
    `Could not be read from the workbook: ${what.join(", ")}. The other scenarios are loaded; the original data is kept apart (document setting nlAftrek.pane.onleesbaar) and is not overwritten.`,
  close: "Close",
  explainNotYet: (address: string) =>
    `Cell ${address} holds an NL formula that has not been computed in this session: change an input or press F9.`,
  explainTooBig: (address: string) =>
    `The arguments of cell ${address} are too large to keep for an explanation; use a smaller range or select another cell.`,
  explainError: (code: string, message: string) => `The formula gives ${code}: ${message}`,
  explainFormula: "Formula",
  explainBrowser: "Explaining a cell only works in Excel.",
  explainYear: "Year",
  explainVersion: (v: string, d: string) => `Engine ${v}, amounts checked on ${formatDate(d, "en")}`,
  explainParameters: "Amounts used",
  explainSteps: "Steps",
  insertTitle: "Insert into the workbook",
  insertHelp: "Write the scenario as a block of input cells with live NL formulas that refer to them.",
  insertAtSelection: "Insert at selection",
  insertNewSheet: "Insert on a new sheet",
  insertBrowser: "Inserting only works in Excel.",
  insertIncomplete: "First fill in the scenario completely (see Scenario); then it can be inserted.",
  confirmOverwrite: (n: number) => `${n} cell(s) are not empty and will be overwritten:`,
  confirmYes: "Overwrite",
  confirmNo: "Cancel",
  inserted: (address: string) => `Inserted at ${address}.`,
  cancelled: "Nothing changed.",
  exportTitle: "Export values",
  exportHelp:
    "Makes a copy of the active sheet in which NL formulas are replaced by their values, for clients without the add-in.",
  exportButton: "Make a copy with values",
  exported: (sheet: string) => `Copy made: ${sheet}.`,
  excelRefused: (reason: string) => `Excel did not do this: ${reason}`,
  about: (v: string, d: string) =>
    `Engine ${v}, amounts checked on ${formatDate(d, "en")}. Everything is computed locally.`,
  auditTitle: "Check the workbook",
  auditHelp:
    "Looks in every sheet for tax amounts and percentages typed into formulas or next to a label, and suggests the NL formula that replaces them. Nothing changes until you pick cells and confirm.",
  auditBrowser: "Checking a workbook only works in Excel. Without Excel: nl-aftrek controleer <file>.",
  auditRun: "Check the workbook",
  auditProgress: (sheet: string, i: number, n: number, rows: number, total: number) =>
    `Sheet ${i} of ${n} (${sheet}): ${rows.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} rows read`,
  auditNone: "No hard-coded tax amounts found.",
  auditFound: (n: number) => `${n.toLocaleString("en-GB")} cell(s) with hard-coded tax amounts.`,
  auditPick: "Replace",
  auditAll: "Pick all",
  auditReplace: "Replace the picked cells",
  auditPickFirst: "First pick the cells you want to replace.",
  auditConfirm: (n: number) => `${n.toLocaleString("en-GB")} cell(s) get the suggested formula:`,
  auditConfirmYes: "Replace",
  auditBefore: "Now",
  auditAfter: "Becomes",
  auditFormula: (formula: string) => formula,
  auditNumber: (written: string) => written,
  auditStale: (year: string) => `out of date for ${year}`,
  auditConfidence: { hoog: "high confidence", laag: "low confidence" },
  auditRunNote: (n: number, first: string) =>
    `${n.toLocaleString("en-GB")} cells one below the other; shown for ${first}, every other cell gets the formula for its own row.`,
  auditReplaced: (n: number, skipped: string[]) =>
    `${n.toLocaleString("en-GB")} cell(s) replaced.${skipped.length ? ` Not replaced because the cell changed meanwhile: ${firstFew(skipped, "and", "more")}.` : ""}`,
  // ---- Werkmap controleren: the year of each number, the report of a replacement (issue 32) ----
  // The report's rows stay in Dutch: they are the same report `nl-aftrek controleer --vervang` writes.
  auditCurrent: (where: string) => `current for ${where}`,
  auditNotKnown: (where: string) => `cannot be checked yet for ${where}: the rules do not know that year yet`,
  auditReportTitle: "Report of the replacement",
  auditReportColumns: ["Sheet", "Cell", "Was", "Is now", "Value before", "Value after", "Why (Dutch)"],
  auditReportSkipped: "Not replaced",
  auditReportMarkdown: "The report as Markdown (to keep or share)",
  auditChangedMeanwhile: "niet vervangen: de cel is sinds het controleren gewijzigd",
  auditThisWorkbook: "this workbook",
  // ---- end of issue 32 ----
};

export const STRINGS: Record<Lang, Strings> = { nl, en };
