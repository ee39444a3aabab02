/**
 * Meewerkaftrek: art. 3.78 Wet IB 2001. A percentage of the winst by the hours the partner worked
 * in the business without pay. The same table in 2022–2026; 2027 is left out: cuts are announced
 * but not enacted.
 */
import { everyYear, parameter, wetIb } from "./parameter";

const art = "3.78";
const years = (value: string) => everyYear(wetIb, value, art);

export const meewerkUren1 = parameter({
  name: "meewerkaftrek_uren_1",
  label: "Meewerkaftrek: vanaf dit aantal uren van de partner",
  unit: "uren",
  values: years("525"),
});
export const meewerkPercentage1 = parameter({
  name: "meewerkaftrek_percentage_1",
  label: "Meewerkaftrek bij 525 tot 875 uur",
  unit: "procent",
  values: years("1.25"),
});
export const meewerkUren2 = parameter({
  name: "meewerkaftrek_uren_2",
  label: "Meewerkaftrek: tweede grens in uren",
  unit: "uren",
  values: years("875"),
});
export const meewerkPercentage2 = parameter({
  name: "meewerkaftrek_percentage_2",
  label: "Meewerkaftrek bij 875 tot 1.225 uur",
  unit: "procent",
  values: years("2"),
});
export const meewerkUren3 = parameter({
  name: "meewerkaftrek_uren_3",
  label: "Meewerkaftrek: derde grens in uren",
  unit: "uren",
  values: years("1225"),
});
export const meewerkPercentage3 = parameter({
  name: "meewerkaftrek_percentage_3",
  label: "Meewerkaftrek bij 1.225 tot 1.750 uur",
  unit: "procent",
  values: years("3"),
});
export const meewerkUren4 = parameter({
  name: "meewerkaftrek_uren_4",
  label: "Meewerkaftrek: vierde grens in uren",
  unit: "uren",
  values: years("1750"),
});
export const meewerkPercentage4 = parameter({
  name: "meewerkaftrek_percentage_4",
  label: "Meewerkaftrek bij 1.750 uur of meer",
  unit: "procent",
  values: years("4"),
});

/**
 * The partner must work "zonder enige vergoeding" (art. 3.78 lid 1). An arbeidsbeloning below the
 * amount of art. 3.16 lid 4 is not deductible and counts as none; from that amount on it is a cost
 * of the business and the partner's income, and there is no meewerkaftrek (Belastingdienst).
 */
export const meewerkVergoedingGrens = parameter({
  name: "meewerkaftrek_vergoeding_grens",
  label: "Meewerkaftrek: geen aftrek als de partner een vergoeding van ten minste dit bedrag kreeg",
  unit: "EUR",
  values: Object.fromEntries([2022, 2023, 2024, 2025, 2026].map((year) => [year, wetIb("5000", year, "3.16", "4")])),
});
