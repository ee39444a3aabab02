/**
 * Stakingsaftrek (art. 3.79) and the desinvesteringsbijtelling (art. 3.47) Wet IB 2001.
 * 2027 is left out: a cut of the stakingsaftrek is announced but not enacted.
 */
import { everyYear, parameter, wetIb } from "./parameter";

const years = (value: string, art: string) => everyYear(wetIb, value, art);

export const stakingsaftrekMaximum = parameter({
  name: "stakingsaftrek",
  label: "Stakingsaftrek: hoogstens dit bedrag, verminderd met eerder genoten stakingsaftrek",
  unit: "EUR",
  values: years("3630", "3.79"),
});

export const desinvesteringDrempel = parameter({
  name: "desinvestering_drempel",
  label: "Desinvesteringsbijtelling alleen als de overdrachtsprijzen van het jaar samen meer zijn dan dit bedrag",
  unit: "EUR",
  values: {
    2022: wetIb("2400", 2022, "3.47"),
    2023: wetIb("2600", 2023, "3.47"),
    2024: wetIb("2800", 2024, "3.47"),
    2025: wetIb("2900", 2025, "3.47"),
    2026: wetIb("2900", 2026, "3.47"),
  },
});

export const desinvesteringTermijn = parameter({
  name: "desinvestering_termijn",
  label: "Desinvesteringsbijtelling bij vervreemding binnen zoveel jaren na het begin van het investeringsjaar",
  unit: "jaren",
  values: years("5", "3.47"),
});
