/**
 * Aftrek voor speur- en ontwikkelingswerk: art. 3.77 Wet IB 2001, with the increase for starters.
 * Indexed yearly; 2027 is not yet known.
 */
import { everyYear, parameter, wetIb } from "./parameter";

const art = "3.77";
const same = (value: string) => everyYear(wetIb, value, art);

export const soAftrekBedrag = parameter({
  name: "so_aftrek",
  label: "S&O-aftrek",
  unit: "EUR",
  values: {
    2022: wetIb("13360", 2022, art),
    2023: wetIb("14202", 2023, art),
    2024: wetIb("15551", 2024, art),
    2025: wetIb("15738", 2025, art),
    2026: wetIb("15979", 2026, art),
  },
});

export const soStarterVerhoging = parameter({
  name: "so_aftrek_starter_verhoging",
  label: "S&O-aftrek: verhoging voor starters",
  unit: "EUR",
  values: {
    2022: wetIb("6684", 2022, art),
    2023: wetIb("7106", 2023, art),
    2024: wetIb("7781", 2024, art),
    2025: wetIb("7875", 2025, art),
    2026: wetIb("7996", 2026, art),
  },
});

export const soMinimumUren = parameter({
  name: "so_aftrek_minimum_uren",
  label: "S&O-aftrek: minimum aantal uren speur- en ontwikkelingswerk",
  unit: "uren",
  values: same("500"),
});

export const soStarterMaxJaren = parameter({
  name: "so_aftrek_starter_max_jaren",
  label: "S&O-starter: hoogstens zoveel jaren met een S&O-verklaring in de 5 voorafgaande jaren",
  unit: "jaren",
  values: same("2"),
});
