/**
 * Startersaftrek bij arbeidsongeschiktheid: art. 3.78a Wet IB 2001. The amount depends on how
 * often it was applied in the 5 preceding years; it is capped at the winst.
 */
import { everyYear, parameter, wetIb } from "./parameter";

const art = "3.78a";
const UNCHANGED_2027 = "Vast bedrag in de wet; geen wijziging vastgesteld voor 2027.";
const years = (value: string) => ({
  ...everyYear(wetIb, value, art),
  2027: wetIb(value, 2027, art, undefined, UNCHANGED_2027),
});

export const aoStartersaftrekEerste = parameter({
  name: "ao_startersaftrek_eerste",
  label: "Startersaftrek bij arbeidsongeschiktheid, niet eerder toegepast in de 5 voorafgaande jaren",
  unit: "EUR",
  values: years("12000"),
});

export const aoStartersaftrekTweede = parameter({
  name: "ao_startersaftrek_tweede",
  label: "Startersaftrek bij arbeidsongeschiktheid, 1 keer eerder toegepast",
  unit: "EUR",
  values: years("8000"),
});

export const aoStartersaftrekDerde = parameter({
  name: "ao_startersaftrek_derde",
  label: "Startersaftrek bij arbeidsongeschiktheid, 2 keer eerder toegepast",
  unit: "EUR",
  values: years("4000"),
});
