/**
 * Zelfstandigenaftrek and startersaftrek: art. 3.76 Wet IB 2001.
 * Lid 2: the amount; lid 3: the startersaftrek (an increase of the zelfstandigenaftrek);
 * lid 4: 50 % of both for someone who has reached the AOW-leeftijd at the start of the year.
 */
import { parameter, wetIb } from "./parameter";

const art = "3.76";
const FIXED_2027 = "Afbouwpad vastgesteld bij het Belastingplan 2023; geldend vanaf 1 januari 2027.";
const UNCHANGED_2027 = "Geen wijziging van dit bedrag vastgesteld voor 2027; de wet van 2026 geldt voort.";

export const zelfstandigenaftrekBedrag = parameter({
  name: "zelfstandigenaftrek",
  label: "Zelfstandigenaftrek (onder de AOW-leeftijd)",
  unit: "EUR",
  values: {
    2022: wetIb("6310", 2022, art, "2"),
    2023: wetIb("5030", 2023, art, "2"),
    2024: wetIb("3750", 2024, art, "2"),
    2025: wetIb("2470", 2025, art, "2"),
    2026: wetIb("1200", 2026, art, "2"),
    2027: wetIb("900", 2027, art, "2", FIXED_2027),
  },
});

export const startersaftrekBedrag = parameter({
  name: "startersaftrek",
  label: "Startersaftrek (verhoging van de zelfstandigenaftrek)",
  unit: "EUR",
  values: {
    2022: wetIb("2123", 2022, art, "3"),
    2023: wetIb("2123", 2023, art, "3"),
    2024: wetIb("2123", 2024, art, "3"),
    2025: wetIb("2123", 2025, art, "3"),
    2026: wetIb("2123", 2026, art, "3"),
    2027: wetIb("2123", 2027, art, "3", UNCHANGED_2027),
  },
});

export const aowPercentage = parameter({
  name: "zelfstandigenaftrek_aow_percentage",
  label: "Deel van zelfstandigenaftrek en startersaftrek bij AOW-leeftijd op 1 januari",
  unit: "procent",
  values: {
    2022: wetIb("50", 2022, art, "4"),
    2023: wetIb("50", 2023, art, "4"),
    2024: wetIb("50", 2024, art, "4"),
    2025: wetIb("50", 2025, art, "4"),
    2026: wetIb("50", 2026, art, "4"),
    2027: wetIb("50", 2027, art, "4", UNCHANGED_2027),
  },
});

export const startersMaxKerenZelfstandigenaftrek = parameter({
  name: "startersaftrek_max_keren",
  label: "Startersaftrek: zelfstandigenaftrek hoogstens zo vaak toegepast in de 5 voorafgaande jaren",
  unit: "aantal",
  values: {
    2022: wetIb("2", 2022, art, "3"),
    2023: wetIb("2", 2023, art, "3"),
    2024: wetIb("2", 2024, art, "3"),
    2025: wetIb("2", 2025, art, "3"),
    2026: wetIb("2", 2026, art, "3"),
    2027: wetIb("2", 2027, art, "3", UNCHANGED_2027),
  },
});
