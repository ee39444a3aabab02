/**
 * Kleineondernemersregeling (art. 25 Wet OB 1968; from 2025 art. 25a), the EU-KOR (from 2025), the general btw rate
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

/** The KOR amounts: art. 25 up to 2024; from 2025 art. 25a (art. 25 then holds the definitions). */
const korYears = (value: string, from = 2022) =>
  Object.fromEntries(
    YEARS_2022_2026.filter((y) => y >= from).map((y) => [y, wetOb(value, y, y >= 2025 ? "25a" : "25")]),
  );

export const korOmzetgrens = parameter({
  name: "kor_omzetgrens",
  label: "KOR: omzetgrens per kalenderjaar",
  unit: "EUR",
  values: korYears("20000"),
});

export const korToetsVorigJaar = parameter({
  name: "kor_toets_vorig_jaar",
  label: "KOR: ook de omzet van het vorige kalenderjaar moet binnen de grens blijven (1 = ja)",
  unit: "ja/nee",
  values: { ...korYears("0"), ...korYears("1", 2025) },
});

export const euKorOmzetgrens = parameter({
  name: "eu_kor_omzetgrens",
  label: "EU-KOR: grens voor de totale omzet in de EU, dit en vorig jaar",
  unit: "EUR",
  values: korYears("100000", 2025),
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
