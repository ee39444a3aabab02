/**
 * Urencriterium: art. 3.6 Wet IB 2001 (1.225 uur, and more than half of all working time unless a
 * starter), and the verlaagd urencriterium of 800 uur for the startersaftrek bij
 * arbeidsongeschiktheid (art. 3.78a lid 3).
 */
import { parameter, wetIb } from "./parameter";

const UNCHANGED_2027 = "Geen wijziging vastgesteld voor 2027; de wet van 2026 geldt voort.";

export const urencriteriumUren = parameter({
  name: "urencriterium_uren",
  label: "Urencriterium: minimum aantal uren per kalenderjaar",
  unit: "uren",
  values: {
    2022: wetIb("1225", 2022, "3.6", "1"),
    2023: wetIb("1225", 2023, "3.6", "1"),
    2024: wetIb("1225", 2024, "3.6", "1"),
    2025: wetIb("1225", 2025, "3.6", "1"),
    2026: wetIb("1225", 2026, "3.6", "1"),
    2027: wetIb("1225", 2027, "3.6", "1", UNCHANGED_2027),
  },
});

export const verlaagdUrencriteriumUren = parameter({
  name: "urencriterium_verlaagd_uren",
  label: "Verlaagd urencriterium (startersaftrek bij arbeidsongeschiktheid): minimum aantal uren",
  unit: "uren",
  values: {
    2022: wetIb("800", 2022, "3.78a", "3"),
    2023: wetIb("800", 2023, "3.78a", "3"),
    2024: wetIb("800", 2024, "3.78a", "3"),
    2025: wetIb("800", 2025, "3.78a", "3"),
    2026: wetIb("800", 2026, "3.78a", "3"),
    2027: wetIb("800", 2027, "3.78a", "3", UNCHANGED_2027),
  },
});
