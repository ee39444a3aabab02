/**
 * Box 1: the tariff of art. 2.10 Wet IB 2001 (art. 2.10a for those born before 1 January 1946),
 * the tariefsaanpassing of art. 2.10 lid 2, and the premie volksverzekeringen (Wfsv art. 8, 10
 * and 11; the percentages are set by ministerial regulation under art. 11).
 *
 * The law's table gives income-tax-only rates; its third column holds the tax due at the start of
 * each bracket, rounded down to whole euros by the law itself. Premie is charged only over the
 * first bracket. Indexed yearly; 2027 is not yet known.
 */
import { parameter, sumOf, wetIb, wfsv } from "./parameter";

/** Art. 11 Wfsv only says how the percentages are set; the rates themselves are in the yearly regulation. */
const PREMIE_NOTE =
  "Art. 11 Wfsv bepaalt hoe de premiepercentages worden vastgesteld; het percentage zelf staat in de jaarlijkse regeling (Regeling premiepercentages volksverzekeringen) en in de tabellen van de Belastingdienst.";

export const schijf1Einde = parameter({
  name: "box1_schijf1_einde",
  label: "Box 1: einde van de eerste schijf (ook het maximum premie-inkomen)",
  unit: "EUR",
  values: {
    2022: wetIb("35472", 2022, "2.10", "1"),
    2023: wetIb("37149", 2023, "2.10", "1"),
    2024: wetIb("38098", 2024, "2.10", "1"),
    2025: wetIb("38441", 2025, "2.10", "1"),
    2026: wetIb("38883", 2026, "2.10", "1"),
  },
});
export const schijf2Einde = parameter({
  name: "box1_schijf2_einde",
  label: "Box 1: einde van de tweede schijf (begin van het toptarief)",
  unit: "EUR",
  values: {
    2022: wetIb("69398", 2022, "2.10", "1"),
    2023: wetIb("73031", 2023, "2.10", "1"),
    2024: wetIb("75518", 2024, "2.10", "1"),
    2025: wetIb("76817", 2025, "2.10", "1"),
    2026: wetIb("78426", 2026, "2.10", "1"),
  },
});
export const tariefSchijf1 = parameter({
  name: "box1_tarief_schijf1",
  label: "Box 1: tarief inkomstenbelasting in de eerste schijf (zonder premie)",
  unit: "procent",
  values: {
    2022: wetIb("9.42", 2022, "2.10", "1"),
    2023: wetIb("9.28", 2023, "2.10", "1"),
    2024: wetIb("9.32", 2024, "2.10", "1"),
    2025: wetIb("8.17", 2025, "2.10", "1"),
    2026: wetIb("8.10", 2026, "2.10", "1"),
  },
});
export const tariefSchijf2 = parameter({
  name: "box1_tarief_schijf2",
  label: "Box 1: tarief in de tweede schijf",
  unit: "procent",
  values: {
    2022: wetIb("37.07", 2022, "2.10", "1"),
    2023: wetIb("36.93", 2023, "2.10", "1"),
    2024: wetIb("36.97", 2024, "2.10", "1"),
    2025: wetIb("37.48", 2025, "2.10", "1"),
    2026: wetIb("37.56", 2026, "2.10", "1"),
  },
});
export const tariefSchijf3 = parameter({
  name: "box1_tarief_schijf3",
  label: "Box 1: tarief boven de tweede schijf",
  unit: "procent",
  values: {
    2022: wetIb("49.50", 2022, "2.10", "1"),
    2023: wetIb("49.50", 2023, "2.10", "1"),
    2024: wetIb("49.50", 2024, "2.10", "1"),
    2025: wetIb("49.50", 2025, "2.10", "1"),
    2026: wetIb("49.50", 2026, "2.10", "1"),
  },
});
export const heffingBeginSchijf2 = parameter({
  name: "box1_heffing_begin_schijf2",
  label: "Box 1: belasting over het inkomen tot het einde van de eerste schijf (kolom III)",
  unit: "EUR",
  values: {
    2022: wetIb("3341", 2022, "2.10", "1"),
    2023: wetIb("3447", 2023, "2.10", "1"),
    2024: wetIb("3550", 2024, "2.10", "1"),
    2025: wetIb("3140", 2025, "2.10", "1"),
    2026: wetIb("3149", 2026, "2.10", "1"),
  },
});
export const heffingBeginSchijf3 = parameter({
  name: "box1_heffing_begin_schijf3",
  label: "Box 1: belasting over het inkomen tot het einde van de tweede schijf (kolom III)",
  unit: "EUR",
  values: {
    2022: wetIb("15917", 2022, "2.10", "1"),
    2023: wetIb("16698", 2023, "2.10", "1"),
    2024: wetIb("17384", 2024, "2.10", "1"),
    2025: wetIb("17523", 2025, "2.10", "1"),
    2026: wetIb("18001", 2026, "2.10", "1"),
  },
});
export const schijf1EindeVoor1946 = parameter({
  name: "box1_schijf1_einde_voor_1946",
  label: "Box 1, geboren vóór 1946: einde van de eerste schijf (ook het maximum premie-inkomen)",
  unit: "EUR",
  values: {
    2022: wetIb("36409", 2022, "2.10a", "1"),
    2023: wetIb("38703", 2023, "2.10a", "1"),
    2024: wetIb("40021", 2024, "2.10a", "1"),
    2025: wetIb("40502", 2025, "2.10a", "1"),
    2026: wetIb("41123", 2026, "2.10a", "1"),
  },
});
export const heffingBeginSchijf2Voor1946 = parameter({
  name: "box1_heffing_begin_schijf2_voor_1946",
  label: "Box 1, geboren vóór 1946: belasting tot het einde van de eerste schijf (kolom III)",
  unit: "EUR",
  values: {
    2022: wetIb("3429", 2022, "2.10a", "1"),
    2023: wetIb("3591", 2023, "2.10a", "1"),
    2024: wetIb("3729", 2024, "2.10a", "1"),
    2025: wetIb("3309", 2025, "2.10a", "1"),
    2026: wetIb("3330", 2026, "2.10a", "1"),
  },
});
export const heffingBeginSchijf3Voor1946 = parameter({
  name: "box1_heffing_begin_schijf3_voor_1946",
  label: "Box 1, geboren vóór 1946: belasting tot het einde van de tweede schijf (kolom III)",
  unit: "EUR",
  values: {
    2022: wetIb("15658", 2022, "2.10a", "1"),
    2023: wetIb("16268", 2023, "2.10a", "1"),
    2024: wetIb("16852", 2024, "2.10a", "1"),
    2025: wetIb("16919", 2025, "2.10a", "1"),
    2026: wetIb("17341", 2026, "2.10a", "1"),
  },
});
export const tariefsaanpassingPercentage = parameter({
  name: "tariefsaanpassing_percentage",
  label: "Tariefsaanpassing: percentage over de aftrekposten in de hoogste schijf",
  unit: "procent",
  values: {
    2022: wetIb("9.5", 2022, "2.10", "2"),
    2023: wetIb("12.57", 2023, "2.10", "2"),
    2024: wetIb("12.53", 2024, "2.10", "2"),
    2025: wetIb("12.02", 2025, "2.10", "2"),
    2026: wetIb("11.94", 2026, "2.10", "2"),
  },
});
export const premieAow = parameter({
  name: "premie_aow",
  label: "Premie algemene ouderdomsverzekering (AOW), niet na de AOW-leeftijd",
  unit: "procent",
  values: {
    2022: wfsv("17.90", 2022, "11", undefined, PREMIE_NOTE),
    2023: wfsv("17.90", 2023, "11", undefined, PREMIE_NOTE),
    2024: wfsv("17.90", 2024, "11", undefined, PREMIE_NOTE),
    2025: wfsv("17.90", 2025, "11", undefined, PREMIE_NOTE),
    2026: wfsv("17.90", 2026, "11", undefined, PREMIE_NOTE),
  },
});
export const premieAnw = parameter({
  name: "premie_anw",
  label: "Premie nabestaandenverzekering (Anw)",
  unit: "procent",
  values: {
    2022: wfsv("0.10", 2022, "11", undefined, PREMIE_NOTE),
    2023: wfsv("0.10", 2023, "11", undefined, PREMIE_NOTE),
    2024: wfsv("0.10", 2024, "11", undefined, PREMIE_NOTE),
    2025: wfsv("0.10", 2025, "11", undefined, PREMIE_NOTE),
    2026: wfsv("0.10", 2026, "11", undefined, PREMIE_NOTE),
  },
});
export const premieWlz = parameter({
  name: "premie_wlz",
  label: "Premie verzekering langdurige zorg (Wlz)",
  unit: "procent",
  values: {
    2022: wfsv("9.65", 2022, "11", undefined, PREMIE_NOTE),
    2023: wfsv("9.65", 2023, "11", undefined, PREMIE_NOTE),
    2024: wfsv("9.65", 2024, "11", undefined, PREMIE_NOTE),
    2025: wfsv("9.65", 2025, "11", undefined, PREMIE_NOTE),
    2026: wfsv("9.65", 2026, "11", undefined, PREMIE_NOTE),
  },
});

/**
 * The rate of the first bracket as the Belastingdienst's tables give it and templates write it
 * (2025: 35,82%): the art. 2.10 rate with the premies volksverzekeringen, which are charged over
 * the first bracket only. From the AOW-leeftijd without the AOW premie (2025: 17,92%).
 */
const firstBracket = (value: string, year: number, note: string) => wetIb(value, year, "2.10", "1", note);
export const tariefSchijf1MetPremie = sumOf(
  {
    name: "box1_tarief_schijf1_met_premie",
    label: "Box 1: tarief in de eerste schijf inclusief premie volksverzekeringen (vóór de AOW-leeftijd)",
    unit: "procent",
  },
  [tariefSchijf1, premieAow, premieAnw, premieWlz],
  firstBracket,
);
export const tariefSchijf1MetPremieAow = sumOf(
  {
    name: "box1_tarief_schijf1_met_premie_aow",
    label:
      "Box 1: tarief in de eerste schijf inclusief premie, vanaf de AOW-leeftijd (geen AOW-premie; geboren in of na 1946)",
    unit: "procent",
  },
  [tariefSchijf1, premieAnw, premieWlz],
  firstBracket,
);
