/**
 * Heffingskortingen and the Zvw-bijdrage at every band edge, per year. Every expected amount is worked
 * out from that year's law text (art. 8.10, 8.11, 8.14a, 8.17, 8.18 Wet IB 2001) and the
 * Belastingdienst's Zvw table, with the arithmetic in the comment; nothing is read from the code's
 * parameter files.
 */
import { algemeneHeffingskorting } from "../../src/rules/algemeneHeffingskorting";
import { arbeidskorting } from "../../src/rules/arbeidskorting";
import { combinatiekorting } from "../../src/rules/combinatiekorting";
import { NotCoveredError } from "../../src/rules/errors";
import { alleenstaandeOuderenkorting, ouderenkorting } from "../../src/rules/ouderenkorting";
import { zvwBijdrage } from "../../src/rules/zvwBijdrage";
import { cents, d } from "../helpers";

const AHK: Array<[number, string, string]> = [
  [2022, "0", "2888.00"], // geen inkomen: het volle bedrag
  [2022, "21317", "2888.00"], // precies de afbouwgrens: nog geen afbouw
  [2022, "21318", "2887.94"], // 1 boven de grens: 2888 - 6.007% x 1
  [2022, "41317", "1686.60"], // 2888 - 6.007% x 20.000
  [2022, "69393", "0.07"], // vlak voor nihil: 2888 - 6.007% x 48076
  [2022, "69395", "0.00"], // voorbij het nulpunt: nihil, niet negatief
  [2023, "0", "3070.00"], // geen inkomen: het volle bedrag
  [2023, "22660", "3070.00"], // precies de afbouwgrens: nog geen afbouw
  [2023, "22661", "3069.94"], // 1 boven de grens: 3070 - 6.095% x 1
  [2023, "42660", "1851.00"], // 3070 - 6.095% x 20.000
  [2023, "73028", "0.07"], // vlak voor nihil: 3070 - 6.095% x 50368
  [2023, "73030", "0.00"], // voorbij het nulpunt: nihil, niet negatief
  [2024, "0", "3362.00"], // geen inkomen: het volle bedrag
  [2024, "24812", "3362.00"], // precies de afbouwgrens: nog geen afbouw
  [2024, "24813", "3361.93"], // 1 boven de grens: 3362 - 6.630% x 1
  [2024, "44812", "2036.00"], // 3362 - 6.630% x 20.000
  [2024, "75520", "0.06"], // vlak voor nihil: 3362 - 6.630% x 50708
  [2024, "75522", "0.00"], // voorbij het nulpunt: nihil, niet negatief
  [2025, "0", "3068.00"], // geen inkomen: het volle bedrag
  [2025, "28406", "3068.00"], // precies de afbouwgrens: nog geen afbouw
  [2025, "28407", "3067.94"], // 1 boven de grens: 3068 - 6.337% x 1
  [2025, "48406", "1800.60"], // 3068 - 6.337% x 20.000
  [2025, "76819", "0.07"], // vlak voor nihil: 3068 - 6.337% x 48413
  [2025, "76821", "0.00"], // voorbij het nulpunt: nihil, niet negatief
  [2026, "0", "3115.00"], // geen inkomen: het volle bedrag
  [2026, "29736", "3115.00"], // precies de afbouwgrens: nog geen afbouw
  [2026, "29737", "3114.94"], // 1 boven de grens: 3115 - 6.398% x 1
  [2026, "49736", "1835.40"], // 3115 - 6.398% x 20.000
  [2026, "78422", "0.07"], // vlak voor nihil: 3115 - 6.398% x 48686
  [2026, "78424", "0.00"], // voorbij het nulpunt: nihil, niet negatief
];
const AHK_AOW: Array<[number, string, string]> = [
  [2022, "0", "1493.47"], // 2888.00 x (37.07 - 17,90) / 37.07 (art. 8.3-8.6: geen AOW-deel)
  [2022, "31317", "1182.83"], // 2287.30 x (37.07 - 17,90) / 37.07 (art. 8.3-8.6: geen AOW-deel)
  [2023, "0", "1581.97"], // 3070.00 x (36.93 - 17,90) / 36.93 (art. 8.3-8.6: geen AOW-deel)
  [2023, "32660", "1267.89"], // 2460.50 x (36.93 - 17,90) / 36.93 (art. 8.3-8.6: geen AOW-deel)
  [2024, "0", "1734.20"], // 3362.00 x (36.97 - 17,90) / 36.97 (art. 8.3-8.6: geen AOW-deel)
  [2024, "34812", "1392.21"], // 2699.00 x (36.97 - 17,90) / 36.97 (art. 8.3-8.6: geen AOW-deel)
  [2025, "0", "1534.86"], // 3068.00 x (35.82 - 17,90) / 35.82 (art. 8.3-8.6: geen AOW-deel)
  [2025, "38406", "1217.83"], // 2434.30 x (35.82 - 17,90) / 35.82 (art. 8.3-8.6: geen AOW-deel)
  [2026, "0", "1555.32"], // 3115.00 x (35.75 - 17,90) / 35.75 (art. 8.3-8.6: geen AOW-deel)
  [2026, "39736", "1235.87"], // 2475.20 x (35.75 - 17,90) / 35.75 (art. 8.3-8.6: geen AOW-deel)
];
const AK: Array<[number, string, string]> = [
  [2022, "0", "0.00"], // geen arbeidsinkomen: geen arbeidsinkomen: nihil
  [2022, "5000", "227.05"], // a: a 227.05; a+b 227.05 (max 3887); a+b+c 227.05 (max 4260); min d 5.86% x 0 = 0
  [2022, "10350", "469.99"], // a bereikt bijna/precies zijn maximum 470: a 469.9935; a+b 469.9935 (max 3887); a+b+c 469.9935 (max 4260); min d 5.86% x 0 = 0
  [2022, "11350", "754.61"], // b: a 470; a+b 754.61 (max 3887); a+b+c 754.61 (max 4260); min d 5.86% x 0 = 0
  [2022, "22356", "3887.00"], // a + b raakt het maximum 3887: a 470; a+b 3887 (max 3887); a+b+c 3887 (max 4260); min d 5.86% x 0 = 0
  [2022, "23356", "3913.10"], // c: a 470; a+b 3887 (max 3887); a+b+c 3913.1 (max 4260); min d 5.86% x 0 = 0
  [2022, "36649", "4260.00"], // afbouwgrens: a 470; a+b 3887 (max 3887); a+b+c 4260 (max 4260); min d 5.86% x 0 = 0
  [2022, "37649", "4201.40"], // d: a 470; a+b 3887 (max 3887); a+b+c 4260 (max 4260); min d 5.86% x 1000 = 58.6
  [2022, "66649", "2502.00"], // d: a 470; a+b 3887 (max 3887); a+b+c 4260 (max 4260); min d 5.86% x 30000 = 1758
  [2022, "109347", "0.00"], // voorbij het nulpunt: a 470; a+b 3887 (max 3887); a+b+c 4260 (max 4260); min d 5.86% x 72698 = 4260.1028
  [2022, "-5000", "0.00"], // verlies: geen arbeidsinkomen: nihil
  [2023, "0", "0.00"], // geen arbeidsinkomen: geen arbeidsinkomen: nihil
  [2023, "5000", "411.55"], // a: a 411.55; a+b 411.55 (max 4605); a+b+c 411.55 (max 5052); min d 6.51% x 0 = 0
  [2023, "10740", "884.00"], // a bereikt bijna/precies zijn maximum 884: a 884; a+b 884 (max 4605); a+b+c 884 (max 5052); min d 6.51% x 0 = 0
  [2023, "11740", "1182.61"], // b: a 884; a+b 1182.61 (max 4605); a+b+c 1182.61 (max 5052); min d 6.51% x 0 = 0
  [2023, "23202", "4605.03"], // a + b raakt het maximum 4605: a 884; a+b 4605 (max 4605); a+b+c 4605.0308 (max 5052); min d 6.51% x 0 = 0
  [2023, "23201", "4604.98"], // grens c: a 884; a+b 4604.9792 (max 4605); a+b+c 4604.9792 (max 5052); min d 6.51% x 0 = 0
  [2023, "24201", "4635.85"], // c: a 884; a+b 4605 (max 4605); a+b+c 4635.85 (max 5052); min d 6.51% x 0 = 0
  [2023, "37691", "5052.00"], // afbouwgrens: a 884; a+b 4605 (max 4605); a+b+c 5052 (max 5052); min d 6.51% x 0 = 0
  [2023, "38691", "4986.90"], // d: a 884; a+b 4605 (max 4605); a+b+c 5052 (max 5052); min d 6.51% x 1000 = 65.1
  [2023, "67691", "3099.00"], // d: a 884; a+b 4605 (max 4605); a+b+c 5052 (max 5052); min d 6.51% x 30000 = 1953
  [2023, "115296", "0.00"], // voorbij het nulpunt: a 884; a+b 4605 (max 4605); a+b+c 5052 (max 5052); min d 6.51% x 77605 = 5052.0855
  [2023, "-5000", "0.00"], // verlies: geen arbeidsinkomen: nihil
  [2024, "0", "0.00"], // geen arbeidsinkomen: geen arbeidsinkomen: nihil
  [2024, "5000", "421.25"], // a: a 421.25; a+b 421.25 (max 5158); a+b+c 421.25 (max 5532); min d 6.51% x 0 = 0
  [2024, "11490", "968.00"], // a bereikt bijna/precies zijn maximum 968: a 968; a+b 968 (max 5158); a+b+c 968 (max 5532); min d 6.51% x 0 = 0
  [2024, "12490", "1282.33"], // b: a 968; a+b 1282.33 (max 5158); a+b+c 1282.33 (max 5532); min d 6.51% x 0 = 0
  [2024, "24820", "5158.00"], // a + b raakt het maximum 5158: a 968; a+b 5158 (max 5158); a+b+c 5158 (max 5532); min d 6.51% x 0 = 0
  [2024, "25820", "5182.71"], // c: a 968; a+b 5158 (max 5158); a+b+c 5182.71 (max 5532); min d 6.51% x 0 = 0
  [2024, "39957", "5532.00"], // afbouwgrens: a 968; a+b 5158 (max 5158); a+b+c 5532 (max 5532); min d 6.51% x 0 = 0
  [2024, "40957", "5466.90"], // d: a 968; a+b 5158 (max 5158); a+b+c 5532 (max 5532); min d 6.51% x 1000 = 65.1
  [2024, "69957", "3579.00"], // d: a 968; a+b 5158 (max 5158); a+b+c 5532 (max 5532); min d 6.51% x 30000 = 1953
  [2024, "124935", "0.00"], // voorbij het nulpunt: a 968; a+b 5158 (max 5158); a+b+c 5532 (max 5532); min d 6.51% x 84978 = 5532.0678
  [2024, "-5000", "0.00"], // verlies: geen arbeidsinkomen: nihil
  [2025, "0", "0.00"], // geen arbeidsinkomen: geen arbeidsinkomen: nihil
  [2025, "5000", "402.65"], // a: a 402.65; a+b 402.65 (max 5220); a+b+c 402.65 (max 5599); min d 6.51% x 0 = 0
  [2025, "12169", "979.97"], // a bereikt bijna/precies zijn maximum 980: a 979.9696; a+b 979.9696 (max 5220); a+b+c 979.9696 (max 5599); min d 6.51% x 0 = 0
  [2025, "13169", "1280.30"], // b: a 980; a+b 1280.3 (max 5220); a+b+c 1280.3 (max 5599); min d 6.51% x 0 = 0
  [2025, "26289", "5220.02"], // a + b raakt het maximum 5220: a 980; a+b 5220 (max 5220); a+b+c 5220.0226 (max 5599); min d 6.51% x 0 = 0
  [2025, "26288", "5219.94"], // grens c: a 980; a+b 5219.9357 (max 5220); a+b+c 5219.9357 (max 5599); min d 6.51% x 0 = 0
  [2025, "27288", "5242.58"], // c: a 980; a+b 5220 (max 5220); a+b+c 5242.58 (max 5599); min d 6.51% x 0 = 0
  [2025, "43071", "5598.96"], // afbouwgrens: a 980; a+b 5220 (max 5220); a+b+c 5598.9601 (max 5599); min d 6.51% x 0 = 0
  [2025, "44071", "5533.90"], // d: a 980; a+b 5220 (max 5220); a+b+c 5599 (max 5599); min d 6.51% x 1000 = 65.1
  [2025, "73071", "3646.00"], // d: a 980; a+b 5220 (max 5220); a+b+c 5599 (max 5599); min d 6.51% x 30000 = 1953
  [2025, "129078", "0.00"], // voorbij het nulpunt: a 980; a+b 5220 (max 5220); a+b+c 5599 (max 5599); min d 6.51% x 86007 = 5599.0557
  [2025, "-5000", "0.00"], // verlies: geen arbeidsinkomen: nihil
  [2026, "0", "0.00"], // geen arbeidsinkomen: geen arbeidsinkomen: nihil
  [2026, "5000", "416.20"], // a: a 416.2; a+b 416.2 (max 5300); a+b+c 416.2 (max 5685); min d 6.51% x 0 = 0
  [2026, "11965", "995.97"], // a bereikt bijna/precies zijn maximum 996: a 995.9666; a+b 995.9666 (max 5300); a+b+c 995.9666 (max 5685); min d 6.51% x 0 = 0
  [2026, "12965", "1306.09"], // b: a 996; a+b 1306.09 (max 5300); a+b+c 1306.09 (max 5685); min d 6.51% x 0 = 0
  [2026, "25845", "5300.00"], // a + b raakt het maximum 5300: a 996; a+b 5300 (max 5300); a+b+c 5300 (max 5685); min d 6.51% x 0 = 0
  [2026, "26845", "5319.50"], // c: a 996; a+b 5300 (max 5300); a+b+c 5319.5 (max 5685); min d 6.51% x 0 = 0
  [2026, "45592", "5685.00"], // afbouwgrens: a 996; a+b 5300 (max 5300); a+b+c 5685 (max 5685); min d 6.51% x 0 = 0
  [2026, "46592", "5619.90"], // d: a 996; a+b 5300 (max 5300); a+b+c 5685 (max 5685); min d 6.51% x 1000 = 65.1
  [2026, "75592", "3732.00"], // d: a 996; a+b 5300 (max 5300); a+b+c 5685 (max 5685); min d 6.51% x 30000 = 1953
  [2026, "132921", "0.00"], // voorbij het nulpunt: a 996; a+b 5300 (max 5300); a+b+c 5685 (max 5685); min d 6.51% x 87329 = 5685.1179
  [2026, "-5000", "0.00"], // verlies: geen arbeidsinkomen: nihil
];
const AK_AOW: Array<[number, string, string]> = [
  [2022, "30000", "2113.26"], // 4086.51 x (37.07 - 17,90) / 37.07
  [2023, "30000", "2481.04"], // 4814.75 x (36.93 - 17,90) / 36.93
  [2024, "30000", "2726.64"], // 5286.00 x (36.97 - 17,90) / 36.97
  [2025, "30000", "2653.39"], // 5303.82 x (35.82 - 17,90) / 35.82
  [2026, "30000", "2686.75"], // 5381.02 x (35.75 - 17,90) / 35.75
];
const IACK: Array<[number, string, string]> = [
  [2022, "5219", "0.00"], // precies de grens: niets (lid 1 a: meer dan)
  [2022, "5220", "0.11"], // 1 boven de grens: 11,45% x 1
  [2022, "15219", "1145.00"], // 11,45% x 10.000
  [2022, "27349", "2533.89"], // vlak onder het maximum
  [2022, "28350", "2534.00"], // het maximum 2534
  [2023, "5547", "0.00"], // precies de grens: niets (lid 1 a: meer dan)
  [2023, "5548", "0.11"], // 1 boven de grens: 11,45% x 1
  [2023, "15547", "1145.00"], // 11,45% x 10.000
  [2023, "29074", "2693.84"], // vlak onder het maximum
  [2023, "30075", "2694.00"], // het maximum 2694
  [2024, "6073", "0.00"], // precies de grens: niets (lid 1 a: meer dan)
  [2024, "6074", "0.11"], // 1 boven de grens: 11,45% x 1
  [2024, "16073", "1145.00"], // 11,45% x 10.000
  [2024, "31836", "2949.86"], // vlak onder het maximum
  [2024, "32837", "2950.00"], // het maximum 2950
  [2025, "6145", "0.00"], // precies de grens: niets (lid 1 a: meer dan)
  [2025, "6146", "0.11"], // 1 boven de grens: 11,45% x 1
  [2025, "16145", "1145.00"], // 11,45% x 10.000
  [2025, "32223", "2985.93"], // vlak onder het maximum
  [2025, "33224", "2986.00"], // het maximum 2986
  [2026, "6239", "0.00"], // precies de grens: niets (lid 1 a: meer dan)
  [2026, "6240", "0.11"], // 1 boven de grens: 11,45% x 1
  [2026, "16239", "1145.00"], // 11,45% x 10.000
  [2026, "32718", "3031.85"], // vlak onder het maximum
  [2026, "33719", "3032.00"], // het maximum 3032
];
const OK: Array<[number, string, string]> = [
  [2022, "20000", "1726.00"], // onder de grens: het volle bedrag
  [2022, "38464", "1726.00"], // precies de grens
  [2022, "39464", "1576.00"], // 1726 - 15% x 1.000
  [2022, "49971", "0.00"], // bij het nulpunt
  [2022, "50071", "0.00"], // voorbij het nulpunt: nihil
  [2023, "20000", "1835.00"], // onder de grens: het volle bedrag
  [2023, "40888", "1835.00"], // precies de grens
  [2023, "41888", "1685.00"], // 1835 - 15% x 1.000
  [2023, "53121", "0.05"], // bij het nulpunt
  [2023, "53221", "0.00"], // voorbij het nulpunt: nihil
  [2024, "20000", "2010.00"], // onder de grens: het volle bedrag
  [2024, "44770", "2010.00"], // precies de grens
  [2024, "45770", "1860.00"], // 2010 - 15% x 1.000
  [2024, "58170", "0.00"], // bij het nulpunt
  [2024, "58270", "0.00"], // voorbij het nulpunt: nihil
  [2025, "20000", "2035.00"], // onder de grens: het volle bedrag
  [2025, "45308", "2035.00"], // precies de grens
  [2025, "46308", "1885.00"], // 2035 - 15% x 1.000
  [2025, "58875", "0.00"], // bij het nulpunt
  [2025, "58975", "0.00"], // voorbij het nulpunt: nihil
  [2026, "20000", "2067.00"], // onder de grens: het volle bedrag
  [2026, "46002", "2067.00"], // precies de grens
  [2026, "47002", "1917.00"], // 2067 - 15% x 1.000
  [2026, "59782", "0.00"], // bij het nulpunt
  [2026, "59882", "0.00"], // voorbij het nulpunt: nihil
];
const AOK: Array<[number, string]> = [
  [2022, "449.00"],
  [2023, "478.00"],
  [2024, "524.00"],
  [2025, "531.00"],
  [2026, "540.00"],
];
const ZVW: Array<[number, string, string]> = [
  [2022, "-5000", "0.00"], // verlies: geen bijdrage
  [2022, "0", "0.00"], // nihil
  [2022, "40000", "2200.00"], // 5.50% x 40.000
  [2022, "59706", "3283.83"], // precies het maximum: 5.50% x 59706
  [2022, "69706", "3283.83"], // boven het maximum: 5.50% x 59706
  [2023, "-5000", "0.00"], // verlies: geen bijdrage
  [2023, "0", "0.00"], // nihil
  [2023, "40000", "2172.00"], // 5.43% x 40.000
  [2023, "66956", "3635.71"], // precies het maximum: 5.43% x 66956
  [2023, "76956", "3635.71"], // boven het maximum: 5.43% x 66956
  [2024, "-5000", "0.00"], // verlies: geen bijdrage
  [2024, "0", "0.00"], // nihil
  [2024, "40000", "2128.00"], // 5.32% x 40.000
  [2024, "71628", "3810.61"], // precies het maximum: 5.32% x 71628
  [2024, "81628", "3810.61"], // boven het maximum: 5.32% x 71628
  [2025, "-5000", "0.00"], // verlies: geen bijdrage
  [2025, "0", "0.00"], // nihil
  [2025, "40000", "2104.00"], // 5.26% x 40.000
  [2025, "75864", "3990.45"], // precies het maximum: 5.26% x 75864
  [2025, "85864", "3990.45"], // boven het maximum: 5.26% x 75864
  [2026, "-5000", "0.00"], // verlies: geen bijdrage
  [2026, "0", "0.00"], // nihil
  [2026, "40000", "1940.00"], // 4.85% x 40.000
  [2026, "79409", "3851.34"], // precies het maximum: 4.85% x 79409
  [2026, "89409", "3851.34"], // boven het maximum: 4.85% x 79409
];

describe("algemene heffingskorting (art. 8.10)", () => {
  test.each(AHK)("%i, inkomen %s -> %s", (year, inkomen, expected) => {
    expect(cents(algemeneHeffingskorting({ year, inkomen: d(inkomen) }).value)).toBe(expected);
  });
  test.each(AHK_AOW)("%i at the AOW-leeftijd, inkomen %s -> %s", (year, inkomen, expected) => {
    expect(cents(algemeneHeffingskorting({ year, inkomen: d(inkomen), aow: true }).value)).toBe(expected);
  });
  test("2027 is not known: an error, not a guess", () => {
    expect(() => algemeneHeffingskorting({ year: 2027, inkomen: d("30000") })).toThrow(NotCoveredError);
  });
  test("the trace names the income it is built over: inkomen uit werk en woning up to 2024, verzamelinkomen from 2025", () => {
    const step = (year: number) => algemeneHeffingskorting({ year, inkomen: d("50000") }).trace.steps[0].label;
    expect(step(2024)).toContain("belastbaar inkomen uit werk en woning");
    expect(step(2025)).toContain("verzamelinkomen");
  });
});

describe("arbeidskorting (art. 8.11)", () => {
  test.each(AK)("%i, arbeidsinkomen %s -> %s", (year, ai, expected) => {
    expect(cents(arbeidskorting({ year, arbeidsinkomen: d(ai) }).value)).toBe(expected);
  });
  test.each(AK_AOW)("%i at the AOW-leeftijd, arbeidsinkomen %s -> %s", (year, ai, expected) => {
    expect(cents(arbeidskorting({ year, arbeidsinkomen: d(ai), aow: true }).value)).toBe(expected);
  });
  test("an unknown year fails even without arbeidsinkomen", () => {
    expect(() => arbeidskorting({ year: 2021, arbeidsinkomen: d("0") })).toThrow(NotCoveredError);
  });
});

describe("inkomensafhankelijke combinatiekorting (art. 8.14a)", () => {
  test.each(IACK)("%i, arbeidsinkomen %s -> %s", (year, ai, expected) => {
    expect(cents(combinatiekorting({ year, arbeidsinkomen: d(ai), voorwaarden: true }).value)).toBe(expected);
  });
  test("without a young child (or with the higher income) there is none", () => {
    expect(cents(combinatiekorting({ year: 2025, arbeidsinkomen: d("40000"), voorwaarden: false }).value)).toBe("0.00");
  });
});

describe("ouderenkorting (art. 8.17) and alleenstaande ouderenkorting (art. 8.18)", () => {
  test.each(OK)("%i, verzamelinkomen %s -> %s", (year, vi, expected) => {
    expect(cents(ouderenkorting({ year, verzamelinkomen: d(vi) }).value)).toBe(expected);
  });
  test.each(AOK)("%i alleenstaande ouderenkorting %s", (year, expected) => {
    expect(cents(alleenstaandeOuderenkorting(year).value)).toBe(expected);
  });
});

describe("inkomensafhankelijke bijdrage Zvw (art. 43-45 Zvw)", () => {
  test.each(ZVW)("%i, bijdrage-inkomen %s -> %s", (year, bi, expected) => {
    expect(cents(zvwBijdrage({ year, bijdrageInkomen: d(bi) }).value)).toBe(expected);
  });
});
