/**
 * Kleineondernemersregeling (art. 25 Wet OB 1968), the EU-KOR (from 2025), the general btw rate
 * (art. 9) and the herziening periods (art. 15). 2027 is left out.
 */
import { everyYear, parameter, wetOb, YEARS_2022_2026 } from "./parameter";

const years = (value: string, art: string, from = 2022) =>
  everyYear(
    wetOb,
    value,
    art,
    YEARS_2022_2026.filter((y) => y >= from),
  );

export const korOmzetgrens = parameter({
  name: "kor_omzetgrens",
  label: "KOR: omzetgrens per kalenderjaar",
  unit: "EUR",
  values: years("20000", "25"),
});

export const korToetsVorigJaar = parameter({
  name: "kor_toets_vorig_jaar",
  label: "KOR: ook de omzet van het vorige kalenderjaar moet binnen de grens blijven (1 = ja)",
  unit: "ja/nee",
  values: { ...years("0", "25"), ...years("1", "25", 2025) },
});

export const euKorOmzetgrens = parameter({
  name: "eu_kor_omzetgrens",
  label: "EU-KOR: grens voor de totale omzet in de EU, dit en vorig jaar",
  unit: "EUR",
  values: years("100000", "25", 2025),
});

export const btwAlgemeenTarief = parameter({
  name: "btw_algemeen_tarief",
  label: "Btw: algemeen tarief",
  unit: "procent",
  values: years("21", "9"),
});

export const herzieningJarenRoerend = parameter({
  name: "herziening_jaren_roerend",
  label: "Herzieningsperiode roerende zaken (jaar van ingebruikneming en de vier jaren daarna)",
  unit: "jaren",
  values: years("5", "15"),
});

export const herzieningJarenOnroerend = parameter({
  name: "herziening_jaren_onroerend",
  label: "Herzieningsperiode onroerende zaken (jaar van ingebruikneming en de negen jaren daarna)",
  unit: "jaren",
  values: years("10", "15"),
});
