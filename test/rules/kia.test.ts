import { kia } from "../../src/rules/kia";
import { InvalidInputError, NotCoveredError } from "../../src/rules/errors";
import { cents, d } from "../helpers";

/**
 * The table of art. 3.41 lid 2 Wet IB 2001 per year (wetten.overheid.nl BWBR0011353 at 1 January):
 * "meer dan X, maar niet meer dan Y" rows, so every upper bound is inclusive; the phase-out is
 * 7,56% of the part above the end of the fixed band. Expected values worked out by hand below.
 */
const bandEdges: Record<number, Array<[string, string]>> = {
  2022: [
    ["2400", "0.00"], // not more than 2.400: 0
    ["2400.01", "672.00"], // 28% x 2.400,01 = 672,0028
    ["2401", "672.28"], // 28% x 2.401 = 672,28
    ["59939", "16782.92"], // 28% x 59.939 = 16.782,92 (top of the 28% band, statute 2022)
    ["59940", "16784.00"], // fixed band: 16.784
    ["110998", "16784.00"], // end of the fixed band
    ["110999", "16783.92"], // 16.784 - 7,56% x 1 = 16.783,9244
    ["200000", "10055.45"], // 16.784 - 7,56% x 89.002 = 16.784 - 6.728,5512 = 10.055,4488
    ["332994", "1.10"], // 16.784 - 7,56% x 221.996 = 16.784 - 16.782,8976 = 1,1024
    ["332995", "0.00"], // above the upper limit
  ],
  2023: [
    ["2600", "0.00"],
    ["2600.01", "728.00"], // 28% x 2.600,01 = 728,0028
    ["2601", "728.28"], // 28% x 2.601
    ["63716", "17840.48"], // 28% x 63.716
    ["63717", "17841.00"], // fixed band
    ["117991", "17841.00"],
    ["117992", "17840.92"], // 17.841 - 0,0756
    ["200000", "11641.12"], // 17.841 - 7,56% x 82.009 = 17.841 - 6.199,8804 = 11.641,1196
    ["353973", "0.76"], // 17.841 - 7,56% x 235.982 = 17.841 - 17.840,2392 = 0,7608
    ["353974", "0.00"],
  ],
  2024: [
    ["2800", "0.00"],
    ["2800.01", "784.00"], // 28% x 2.800,01 = 784,0028
    ["2801", "784.28"],
    ["69765", "19534.20"], // 28% x 69.765
    ["69766", "19535.00"],
    ["129194", "19535.00"],
    ["129195", "19534.92"], // 19.535 - 0,0756
    ["200000", "14182.07"], // 19.535 - 7,56% x 70.806 = 19.535 - 5.352,9336 = 14.182,0664
    ["387580", "1.02"], // 19.535 - 7,56% x 258.386 = 19.535 - 19.533,9816 = 1,0184
    ["387581", "0.00"],
  ],
  2025: [
    ["2900", "0.00"],
    ["2900.01", "812.00"], // 28% x 2.900,01 = 812,0028
    ["2901", "812.28"], // 28% x 2.901 = 812,28 (issue example)
    ["70602", "19768.56"], // 28% x 70.602 = 19.768,56
    ["70603", "19769.00"], // the small jump into the fixed band
    ["130744", "19769.00"],
    ["130745", "19768.92"], // 19.769 - 0,0756 = 19.768,9244 (not 19.769: the phase-out starts at 130.744)
    ["200000", "14533.25"], // 19.769 - 7,56% x 69.256 = 19.769 - 5.235,7536 = 14.533,2464
    ["392230", "0.66"], // 19.769 - 7,56% x 261.486 = 19.769 - 19.768,3416 = 0,6584
    ["392231", "0.00"],
  ],
  2026: [
    ["2900", "0.00"],
    ["2900.01", "812.00"],
    ["2901", "812.28"],
    ["71683", "20071.24"], // 28% x 71.683
    ["71684", "20072.00"],
    ["132746", "20072.00"],
    ["132747", "20071.92"], // 20.072 - 0,0756
    ["200000", "14987.60"], // 20.072 - 7,56% x 67.254 = 20.072 - 5.084,4024 = 14.987,5976
    ["398236", "0.96"], // 20.072 - 7,56% x 265.490 = 20.072 - 20.071,044 = 0,956
    ["398237", "0.00"],
  ],
};

describe("KIA table (art. 3.41 lid 1)", () => {
  for (const [year, cases] of Object.entries(bandEdges)) {
    test.each(cases)(`${year}: investeringsbedrag %s gives %s`, (total, expected) => {
      expect(cents(kia({ year: Number(year), investeringen: [d(total)] }).value)).toBe(expected);
    });
  }
});

describe("KIA per-asset minimum (art. 3.45 lid 2)", () => {
  test("an asset of 449,99 does not count, one of 450 does", () => {
    // 2025: 2.500 + 449,99 = 2.949,99 would be above 2.900, but 449,99 does not count: 2.500 -> 0
    expect(cents(kia({ year: 2025, investeringen: [d("2500"), d("449.99")] }).value)).toBe("0.00");
    // 2.500 + 450 = 2.950 -> 28% x 2.950 = 826
    expect(cents(kia({ year: 2025, investeringen: [d("2500"), d("450")] }).value)).toBe("826.00");
  });

  test("many small assets never reach the threshold", () => {
    // 10 x 400 = 4.000 in total, but each is below 450: nothing counts
    const small = Array.from({ length: 10 }, () => d("400"));
    expect(cents(kia({ year: 2025, investeringen: small }).value)).toBe("0.00");
  });

  test("a list is totalled before the table is applied", () => {
    // 2025: 1.500 + 1.500 = 3.000 > 2.900 -> 28% x 3.000 = 840
    expect(cents(kia({ year: 2025, investeringen: [d("1500"), d("1500")] }).value)).toBe("840.00");
  });
});

describe("KIA in a samenwerkingsverband (art. 3.41 lid 3)", () => {
  test("2025 partnership total 80.000, share 1/2 -> 9.884,50", () => {
    // 80.000 lies in the fixed band (70.602 < 80.000 <= 130.744): 19.769 x 0,5 = 9.884,50
    expect(cents(kia({ year: 2025, investeringen: [d("80000")], aandeel: d("0.5") }).value)).toBe("9884.50");
  });

  test("a share of 1/3 is rounded half-up only at the end", () => {
    // 2024: 19.535 / 3 = 6.511,666... -> 6.511,67
    expect(cents(kia({ year: 2024, investeringen: [d("100000")], aandeel: d("1").div(3) }).value)).toBe("6511.67");
  });

  test.each(["0", "-0.5", "1.01"])("share %s is refused", (share) => {
    expect(() => kia({ year: 2025, investeringen: [d("10000")], aandeel: d(share) })).toThrow(InvalidInputError);
  });
});

describe("KIA input and years", () => {
  test("a negative investment is refused, naming the argument", () => {
    expect(() => kia({ year: 2025, investeringen: [d("-1")] })).toThrow(/investeringen/);
  });

  test("2027 has no KIA table yet: not covered, the message names the year and the covered years", () => {
    expect(() => kia({ year: 2027, investeringen: [d("10000")] })).toThrow(NotCoveredError);
    expect(() => kia({ year: 2027, investeringen: [d("10000")] })).toThrow(/2027.*2022–2026/);
  });

  test("2021 is not covered", () => {
    expect(() => kia({ year: 2021, investeringen: [d("10000")] })).toThrow(NotCoveredError);
  });

  test("the trace shows the steps and cites the law for every parameter", () => {
    const { trace } = kia({ year: 2025, investeringen: [d("2901")] });
    expect(trace.rule).toBe("kia");
    expect(trace.year).toBe(2025);
    expect(trace.steps.at(-1)).toEqual({ label: "Kleinschaligheidsinvesteringsaftrek", value: "812.28" });
    expect(trace.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["kia_minimum_bedrijfsmiddel", "kia_ondergrens", "kia_percentage"]),
    );
    for (const p of trace.parameters) {
      expect(p.source.url).toMatch(/^https:\/\/wetten\.overheid\.nl\/BWBR0011353\/2025-01-01#Artikel3\.4[15]$/);
    }
  });
});
