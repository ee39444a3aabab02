import { box1 } from "../../src/rules/box1";
import { tariefsaanpassing } from "../../src/rules/tariefsaanpassing";
import { NotCoveredError } from "../../src/rules/errors";
import { officialValue } from "../../src/rules/officialValue";
import { cents, d } from "../helpers";

/**
 * Box 1 at every bracket edge, for every year, below and at the AOW-leeftijd and for those born
 * before 1946. Worked out from the tables of art. 2.10 / 2.10a Wet IB 2001 (kolom III is the tax at
 * the start of a bracket, rounded down by the law) plus premie volksverzekeringen over the first
 * bracket (Wfsv art. 8 lid 3: 27,65%, or 9,75% without AOW premie). Note the law's own rounding:
 * one euro into the second bracket the tax is a few cents lower than at the end of the first.
 */
const cases: Array<[number, string, boolean, boolean, string]> = [
  [2022, "35472", false, false, "13149.47"], // 9.42% x 35472 = 3341.4624; premie 27.65% x 35472 = 9808.008
  [2022, "35473", false, false, "13149.38"], // 3341 + 37.07% x (35473 - 35472) = 3341.3707; premie 27.65% x 35472 = 9808.008
  [2022, "69398", false, false, "25725.38"], // 3341 + 37.07% x (69398 - 35472) = 15917.3682; premie 27.65% x 35472 = 9808.008
  [2022, "69399", false, false, "25725.50"], // 15917 + 49,5% x (69399 - 69398) = 15917.495; premie 27.65% x 35472 = 9808.008
  [2022, "35472", true, false, "6799.98"], // AOW: 9.42% x 35472 = 3341.4624; premie 9.75% x 35472 = 3458.52
  [2022, "69399", true, false, "19376.02"], // AOW: 15917 + 49,5% x (69399 - 69398) = 15917.495; premie 9.75% x 35472 = 3458.52
  [2022, "36409", true, true, "6979.61"], // voor 1946: 9.42% x 36409 = 3429.7278; premie 9.75% x 36409 = 3549.8775
  [2022, "36410", true, true, "6979.25"], // voor 1946: 3429 + 37.07% x (36410 - 36409) = 3429.3707; premie 9.75% x 36409 = 3549.8775
  [2023, "37149", false, false, "13719.13"], // 9.28% x 37149 = 3447.4272; premie 27.65% x 37149 = 10271.6985
  [2023, "37150", false, false, "13719.07"], // 3447 + 36.93% x (37150 - 37149) = 3447.3693; premie 27.65% x 37149 = 10271.6985
  [2023, "73031", false, false, "26969.92"], // 3447 + 36.93% x (73031 - 37149) = 16698.2226; premie 27.65% x 37149 = 10271.6985
  [2023, "73032", false, false, "26970.19"], // 16698 + 49,5% x (73032 - 73031) = 16698.495; premie 27.65% x 37149 = 10271.6985
  [2023, "37149", true, false, "7069.45"], // AOW: 9.28% x 37149 = 3447.4272; premie 9.75% x 37149 = 3622.0275
  [2023, "73032", true, false, "20320.52"], // AOW: 16698 + 49,5% x (73032 - 73031) = 16698.495; premie 9.75% x 37149 = 3622.0275
  [2023, "38703", true, true, "7365.18"], // voor 1946: 9.28% x 38703 = 3591.6384; premie 9.75% x 38703 = 3773.5425
  [2023, "38704", true, true, "7364.91"], // voor 1946: 3591 + 36.93% x (38704 - 38703) = 3591.3693; premie 9.75% x 38703 = 3773.5425
  [2024, "38098", false, false, "14084.83"], // 9.32% x 38098 = 3550.7336; premie 27.65% x 38098 = 10534.097
  [2024, "38099", false, false, "14084.47"], // 3550 + 36.97% x (38099 - 38098) = 3550.3697; premie 27.65% x 38098 = 10534.097
  [2024, "75518", false, false, "27918.27"], // 3550 + 36.97% x (75518 - 38098) = 17384.174; premie 27.65% x 38098 = 10534.097
  [2024, "75519", false, false, "27918.59"], // 17384 + 49,5% x (75519 - 75518) = 17384.495; premie 27.65% x 38098 = 10534.097
  [2024, "38098", true, false, "7265.29"], // AOW: 9.32% x 38098 = 3550.7336; premie 9.75% x 38098 = 3714.555
  [2024, "75519", true, false, "21099.05"], // AOW: 17384 + 49,5% x (75519 - 75518) = 17384.495; premie 9.75% x 38098 = 3714.555
  [2024, "40021", true, true, "7632.00"], // voor 1946: 9.32% x 40021 = 3729.9572; premie 9.75% x 40021 = 3902.0475
  [2024, "40022", true, true, "7631.42"], // voor 1946: 3729 + 36.97% x (40022 - 40021) = 3729.3697; premie 9.75% x 40021 = 3902.0475
  [2025, "38441", false, false, "13769.57"], // 8.17% x 38441 = 3140.6297; premie 27.65% x 38441 = 10628.9365
  [2025, "38442", false, false, "13769.31"], // 3140 + 37.48% x (38442 - 38441) = 3140.3748; premie 27.65% x 38441 = 10628.9365
  [2025, "76817", false, false, "28152.26"], // 3140 + 37.48% x (76817 - 38441) = 17523.3248; premie 27.65% x 38441 = 10628.9365
  [2025, "76818", false, false, "28152.43"], // 17523 + 49,5% x (76818 - 76817) = 17523.495; premie 27.65% x 38441 = 10628.9365
  [2025, "38441", true, false, "6888.63"], // AOW: 8.17% x 38441 = 3140.6297; premie 9.75% x 38441 = 3747.9975
  [2025, "76818", true, false, "21271.49"], // AOW: 17523 + 49,5% x (76818 - 76817) = 17523.495; premie 9.75% x 38441 = 3747.9975
  [2025, "40502", true, true, "7257.96"], // voor 1946: 8.17% x 40502 = 3309.0134; premie 9.75% x 40502 = 3948.945
  [2025, "40503", true, true, "7258.32"], // voor 1946: 3309 + 37.48% x (40503 - 40502) = 3309.3748; premie 9.75% x 40502 = 3948.945
  [2026, "38883", false, false, "13900.67"], // 8.10% x 38883 = 3149.523; premie 27.65% x 38883 = 10751.1495
  [2026, "38884", false, false, "13900.53"], // 3149 + 37.56% x (38884 - 38883) = 3149.3756; premie 27.65% x 38883 = 10751.1495
  [2026, "78426", false, false, "28752.50"], // 3149 + 37.56% x (78426 - 38883) = 18001.3508; premie 27.65% x 38883 = 10751.1495
  [2026, "78427", false, false, "28752.64"], // 18001 + 49,5% x (78427 - 78426) = 18001.495; premie 27.65% x 38883 = 10751.1495
  [2026, "38883", true, false, "6940.62"], // AOW: 8.10% x 38883 = 3149.523; premie 9.75% x 38883 = 3791.0925
  [2026, "78427", true, false, "21792.59"], // AOW: 18001 + 49,5% x (78427 - 78426) = 18001.495; premie 9.75% x 38883 = 3791.0925
  [2026, "41123", true, true, "7340.46"], // voor 1946: 8.10% x 41123 = 3330.963; premie 9.75% x 41123 = 4009.4925
  [2026, "41124", true, true, "7339.87"], // voor 1946: 3330 + 37.56% x (41124 - 41123) = 3330.3756; premie 9.75% x 41123 = 4009.4925
];

describe("box 1 (art. 2.10, 2.10a)", () => {
  test.each(cases)("%i: inkomen %s, AOW %s, voor 1946 %s -> %s", (year, inkomen, aow, voor1946, expected) => {
    expect(cents(box1({ year, inkomen: d(inkomen), aow, geborenVoor1946: voor1946 }).value)).toBe(expected);
  });

  test("fact-sheet check 2025, 50.000: 18.101,25 (statutory method), split in belasting and premie", () => {
    // 3.140 + 37,48% x 11.559 = 7.472,3132; premie 27,65% x 38.441 = 10.628,9365
    const result = box1({ year: 2025, inkomen: d("50000") });
    expect(cents(result.value)).toBe("18101.25");
    expect(cents(result.inkomstenbelasting)).toBe("7472.31");
    expect(cents(result.premie)).toBe("10628.94");
  });

  test("no tax on a negative income; 2027 is not covered", () => {
    expect(cents(box1({ year: 2025, inkomen: d("-5000") }).value)).toBe("0.00");
    expect(() => box1({ year: 2027, inkomen: d("1000") })).toThrow(NotCoveredError);
  });
});

describe("the first bracket's rate with the premies (NL.PARAMETER, the audit)", () => {
  // art. 2.10 lid 1 rate + AOW 17,90 + Anw 0,10 + Wlz 9,65 (art. 11 Wfsv, every year); from the
  // AOW-leeftijd without the 17,90. The Belastingdienst's tables of each year give the same rates.
  const rates: Array<[number, string, string]> = [
    [2022, "37.07", "19.17"], // 9,42 + 27,65 = 37,07; 9,42 + 9,75 = 19,17
    [2023, "36.93", "19.03"], // 9,28 + 27,65 = 36,93; 9,28 + 9,75 = 19,03
    [2024, "36.97", "19.07"], // 9,32 + 27,65 = 36,97; 9,32 + 9,75 = 19,07
    [2025, "35.82", "17.92"], // 8,17 + 27,65 = 35,82; 8,17 + 9,75 = 17,92
    [2026, "35.75", "17.85"], // 8,10 + 27,65 = 35,75; 8,10 + 9,75 = 17,85
  ];
  test.each(rates)("%i: %s%%, at the AOW-leeftijd %s%%", (year, rate, aowRate) => {
    expect(officialValue(year, "box1_tarief_schijf1_met_premie").value.toString()).toBe(rate);
    expect(officialValue(year, "box1_tarief_schijf1_met_premie_aow").value.toString()).toBe(aowRate);
    expect(officialValue(year, "box1_tarief_schijf1_met_premie").source.note).toMatch(
      /^De som van box1_tarief_schijf1/,
    );
  });

  test("2027 is not covered (the bracket rate is not yet known)", () => {
    expect(() => officialValue(2027, "box1_tarief_schijf1_met_premie")).toThrow(NotCoveredError);
  });
});

describe("tariefsaanpassing (art. 2.10 lid 2)", () => {
  test("2025 winst 100.000, no starter: posten 14.856,31 -> 1.785,73", () => {
    // belastbare winst 85.143,69; 85.143,69 + 14.856,31 - 76.817 = 23.183 > posten; 12,02% x 14.856,31 = 1.785,728
    const result = tariefsaanpassing({ year: 2025, inkomen: d("85143.69"), aftrekposten: [d("2470"), d("12386.31")] });
    expect(cents(result.value)).toBe("1785.73");
  });

  test("only the part of the posten that falls above the bracket limit", () => {
    // 2025: 70.000 + 10.000 - 76.817 = 3.183; 12,02% x 3.183 = 382,5966
    expect(cents(tariefsaanpassing({ year: 2025, inkomen: d("70000"), aftrekposten: [d("10000")] }).value)).toBe(
      "382.60",
    );
    // exactly at the limit: 66.817 + 10.000 = 76.817 -> 0
    expect(cents(tariefsaanpassing({ year: 2025, inkomen: d("66817"), aftrekposten: [d("10000")] }).value)).toBe(
      "0.00",
    );
  });

  test("a negative MKB-winstvrijstelling is not a post", () => {
    // posten 2.470 only; 100.000 + 2.470 - 76.817 = 25.653 > 2.470; 12,02% x 2.470 = 296,894
    const result = tariefsaanpassing({ year: 2025, inkomen: d("100000"), aftrekposten: [d("2470"), d("-500")] });
    expect(cents(result.value)).toBe("296.89");
  });

  test.each([
    [2022, "950.00"], // 9,5% x 10.000
    [2023, "1257.00"], // 12,57%
    [2024, "1253.00"], // 12,53%
    [2025, "1202.00"], // 12,02%
    [2026, "1194.00"], // 11,94%
  ])("%i: posten 10.000 fully in the top bracket -> %s", (year, expected) => {
    expect(cents(tariefsaanpassing({ year, inkomen: d("150000"), aftrekposten: [d("10000")] }).value)).toBe(expected);
  });
});
