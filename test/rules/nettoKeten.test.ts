/**
 * The netto chain (keten.ts) for 2022-2026 at winst 30.000, 60.000 and 120.000 (urencriterium, no
 * starter, no other income), worked out from the law's tables: zelfstandigenaftrek and
 * MKB-winstvrijstelling, box 1 with premie (art. 2.10), tariefsaanpassing, algemene
 * heffingskorting over the income (art. 8.10), arbeidskorting over the winst (art. 8.11), each as
 * the aanslag gives it (belastingdeel x first-bracket rate / gecombineerd and premiedeel x 27,65 /
 * gecombineerd, each rounded up to whole euros, at most the law's maximum: KG:202:2022:14), both
 * together at most the tax (art. 8.8, on those rounded amounts), and the Zvw-bijdrage over the
 * belastbare winst. "AHK 1.685,41 -> 385 + 1.301 = 1.686" reads: the exact korting, its two parts
 * rounded up, their sum.
 */
import { keten } from "../../src/rules/keten";
import { marginaalTarief, nettoEffect } from "../../src/rules/nettoEffect";
import { cents, d } from "../helpers";

type Row = [number, string, string, string, string, string, string, string, string];
const CASES: Row[] = [
  // 2022 winst 30000: ZA 6310; MKB 14% -> 3316.60; belastbaar 20373.40; box 1 7552.42 + TA 0.00;
  // AHK 2888 -> 734 + 2155 = 2889 > 2888: 2888; AK 4086.51 -> 1039 + 3049 = 4088 (over 30000);
  // samen ten hoogste 7552.42 -> 6976.00; Zvw 5.50% x 20373.40 = 1120.54
  [2022, "30000", "20373.40", "7552.42", "2888.00", "4088.00", "6976.00", "1120.54", "1696.96"],
  // 2022 winst 60000: ZA 6310; MKB 14% -> 7516.60; belastbaar 46173.40; box 1 17116.02 + TA 0.00;
  // AHK 1394.88 -> 355 + 1041 = 1396; AK 2891.63 -> 735 + 2157 = 2892 (over 60000);
  // samen ten hoogste 17116.02 -> 4288.00; Zvw 5.50% x 46173.40 = 2539.54
  [2022, "60000", "46173.40", "17116.02", "1396.00", "2892.00", "4288.00", "2539.54", "15367.56"],
  // 2022 winst 120000: ZA 6310; MKB 14% -> 15916.60; belastbaar 97773.40; box 1 39770.83 + TA 2111.53;
  // AHK 0; AK 0 (over 120000);
  // samen ten hoogste 41882.36 -> 0.00; Zvw 5.50% x 59706 = 3283.83
  [2022, "120000", "97773.40", "41882.36", "0.00", "0.00", "0.00", "3283.83", "45166.19"],
  // 2023 winst 30000: ZA 5030; MKB 14% -> 3495.80; belastbaar 21474.20; box 1 7930.42 + TA 0.00;
  // AHK 3070 -> 772 + 2299 = 3071 > 3070: 3070; AK 4814.75 -> 1210 + 3605 = 4815 (over 30000);
  // samen ten hoogste 7930.42 -> 7885.00; Zvw 5.43% x 21474.20 = 1166.05
  [2023, "30000", "21474.20", "7930.42", "3070.00", "4815.00", "7885.00", "1166.05", "1211.47"],
  // 2023 winst 60000: ZA 5030; MKB 14% -> 7695.80; belastbaar 47274.20; box 1 17457.93 + TA 0.00;
  // AHK 1569.76 -> 395 + 1176 = 1571; AK 3599.68 -> 905 + 2696 = 3601 (over 60000);
  // samen ten hoogste 17457.93 -> 5172.00; Zvw 5.43% x 47274.20 = 2566.99
  [2023, "60000", "47274.20", "17457.93", "1571.00", "3601.00", "5172.00", "2566.99", "14852.92"],
  // 2023 winst 120000: ZA 5030; MKB 14% -> 16095.80; belastbaar 98874.20; box 1 39762.08 + TA 2655.51;
  // AHK 0; AK 0 (over 120000);
  // samen ten hoogste 42417.59 -> 0.00; Zvw 5.43% x 66956 = 3635.71
  [2023, "120000", "98874.20", "42417.59", "0.00", "0.00", "0.00", "3635.71", "46053.30"],
  // 2024 winst 30000: ZA 3750; MKB 13.31% -> 3493.88; belastbaar 22756.12; box 1 8412.94 + TA 0.00;
  // AHK 3362 -> 848 + 2515 = 3363 > 3362: 3362; AK 5286 -> 1333 + 3954 = 5287 (over 30000);
  // samen ten hoogste 8412.94 -> 8412.94; Zvw 5.32% x 22756.12 = 1210.63
  [2024, "30000", "22756.12", "8412.94", "3362.00", "5287.00", "8412.94", "1210.63", "1210.63"],
  // 2024 winst 60000: ZA 3750; MKB 13.31% -> 7486.88; belastbaar 48763.12; box 1 18026.99 + TA 0.00;
  // AHK 1774.04 -> 448 + 1327 = 1775; AK 4227.2 -> 1066 + 3162 = 4228 (over 60000);
  // samen ten hoogste 18026.99 -> 6003.00; Zvw 5.32% x 48763.12 = 2594.20
  [2024, "60000", "48763.12", "18026.99", "1775.00", "4228.00", "6003.00", "2594.20", "14618.19"],
  // 2024 winst 120000: ZA 3750; MKB 13.31% -> 15472.88; belastbaar 100777.12; box 1 40421.36 + TA 2408.63;
  // AHK 0; AK 321.2 -> 81 + 241 = 322 (over 120000);
  // samen ten hoogste 42829.99 -> 322.00; Zvw 5.32% x 71628 = 3810.61
  [2024, "120000", "100777.12", "42829.99", "0.00", "322.00", "322.00", "3810.61", "46318.60"],
  // 2025 winst 30000: ZA 2470; MKB 12.7% -> 3496.31; belastbaar 24033.69; box 1 8608.87 + TA 0.00;
  // AHK 3068 -> 700 + 2369 = 3069 > 3068: 3068; AK 5303.82 -> 1210 + 4095 = 5305 (over 30000);
  // samen ten hoogste 8608.87 -> 8373.00; Zvw 5.26% x 24033.69 = 1264.17
  [2025, "30000", "24033.69", "8608.87", "3068.00", "5305.00", "8373.00", "1264.17", "1500.04"],
  // 2025 winst 60000: ZA 2470; MKB 12.7% -> 7306.31; belastbaar 50223.69; box 1 18185.09 + TA 0.00;
  // AHK 1685.41 -> 385 + 1301 = 1686; AK 4496.92 -> 1026 + 3472 = 4498 (over 60000);
  // samen ten hoogste 18185.09 -> 6184.00; Zvw 5.26% x 50223.69 = 2641.77
  [2025, "60000", "50223.69", "18185.09", "1686.00", "4498.00", "6184.00", "2641.77", "14642.86"],
  // 2025 winst 120000: ZA 2470; MKB 12.7% -> 14926.31; belastbaar 102603.69; box 1 40916.35 + TA 2091.04;
  // AHK 0; AK 590.92 -> 135 + 457 = 592 (over 120000);
  // samen ten hoogste 43007.39 -> 592.00; Zvw 5.26% x 75864 = 3990.45
  [2025, "120000", "102603.69", "43007.39", "0.00", "592.00", "592.00", "3990.45", "46405.84"],
  // 2026 winst 30000: ZA 1200; MKB 12.7% -> 3657.60; belastbaar 25142.40; box 1 8988.41 + TA 0.00;
  // AHK 3115 -> 706 + 2410 = 3116 > 3115: 3115; AK 5381.02 -> 1220 + 4162 = 5382 (over 30000);
  // samen ten hoogste 8988.41 -> 8497.00; Zvw 4.85% x 25142.40 = 1219.41
  [2026, "30000", "25142.40", "8988.41", "3115.00", "5382.00", "8497.00", "1219.41", "1710.82"],
  // 2026 winst 60000: ZA 1200; MKB 12.7% -> 7467.60; belastbaar 51332.40; box 1 18576.14 + TA 0.00;
  // AHK 1733.26 -> 393 + 1341 = 1734; AK 4747.04 -> 1076 + 3672 = 4748 (over 60000);
  // samen ten hoogste 18576.14 -> 6482.00; Zvw 4.85% x 51332.40 = 2489.62
  [2026, "60000", "51332.40", "18576.14", "1734.00", "4748.00", "6482.00", "2489.62", "14583.76"],
  // 2026 winst 120000: ZA 1200; MKB 12.7% -> 15087.60; belastbaar 103712.40; box 1 41268.92 + TA 1944.74;
  // AHK 0; AK 841.04 -> 191 + 651 = 842 (over 120000);
  // samen ten hoogste 43213.66 -> 842.00; Zvw 4.85% x 79409 = 3851.34
  [2026, "120000", "103712.40", "43213.66", "0.00", "842.00", "842.00", "3851.34", "46223.00"],
];

describe("the netto chain: from winst to the total to pay", () => {
  test.each(CASES)("%i winst %s", (year, winst, bw, totaalBox1, ahk, ak, hk, zvw, totaal) => {
    const r = keten({ year, winst: d(winst), urencriterium: true });
    expect(cents(r.line("belastbareWinst"))).toBe(bw);
    expect(cents(r.line("totaalBox1"))).toBe(totaalBox1);
    expect(cents(r.line("algemeneHeffingskorting"))).toBe(ahk);
    expect(cents(r.line("arbeidskorting"))).toBe(ak);
    expect(cents(r.line("heffingskortingen"))).toBe(hk);
    expect(cents(r.line("zvwBijdrage"))).toBe(zvw);
    expect(cents(r.line("totaalTeBetalen"))).toBe(totaal);
    expect(cents(r.value)).toBe(totaal);
  });

  test("the kortingen never exceed the tax: 2024 winst 30.000 pays only the Zvw-bijdrage", () => {
    // AHK 3.362 + AK 5.287 (5.286 -> 1.333 + 3.954) = 8.649 > box 1 8.412,94: kortingen 8.412,94, belasting 0
    const r = keten({ year: 2024, winst: d("30000"), urencriterium: true });
    expect(cents(r.line("belastingNaKortingen"))).toBe("0.00");
  });

  test("stakingswinst is no arbeidsinkomen; loon is", () => {
    // 2025 winst 60.000 of which 10.000 stakingswinst: AK over 50.000 = 5.599 - 6,51% x 6.929 = 5.147,92;
    // x 8,17/35,82 = 1.174,16 -> 1.175, x 27,65/35,82 = 3.973,76 -> 3.974: 5.149
    const staking = keten({ year: 2025, winst: d("60000"), urencriterium: true, stakingswinst: d("10000") });
    expect(cents(staking.line("arbeidskorting"))).toBe("5149.00");
    // 2025 winst 20.000 plus loon 10.000: AK over 30.000 = 5.220 + 2,258% x 3.712 = 5.303,82;
    // x 8,17/35,82 = 1.209,72 -> 1.210, x 27,65/35,82 = 4.094,10 -> 4.095: 5.305
    const loon = keten({
      year: 2025,
      winst: d("20000"),
      urencriterium: true,
      overigInkomen: d("10000"),
      overigArbeidsinkomen: d("10000"),
    });
    expect(cents(loon.line("arbeidskorting"))).toBe("5305.00");
  });

  test("combinatiekorting, ouderenkorting and alleenstaande ouderenkorting enter the chain", () => {
    // 2025 winst 40.000 with a young child: 11,45% x (40.000 - 6.145) = 3.876 -> maximum 2.986;
    // its parts 682 + 2.305 = 2.987, never more than the law's 2.986. Ouderenkorting 928 + 1.108 and
    // alleenstaande ouderenkorting 243 + 289 likewise stay at the law's 2.035 and 531 (art. 8.7 split).
    const kind = keten({ year: 2025, winst: d("40000"), urencriterium: true, combinatiekorting: true });
    expect(cents(kind.line("combinatiekorting"))).toBe("2986.00");
    // at the AOW-leeftijd, alone: ouderenkorting 2.035 (income below 45.308) and 531
    const oud = keten({ year: 2025, winst: d("30000"), urencriterium: true, aow: true, alleenstaand: true });
    expect(cents(oud.line("ouderenkorting"))).toBe("2035.00");
    expect(cents(oud.line("alleenstaandeOuderenkorting"))).toBe("531.00");
    const jong = keten({ year: 2025, winst: d("30000"), urencriterium: true, alleenstaand: true });
    expect(cents(jong.line("ouderenkorting"))).toBe("0.00");
    expect(cents(jong.line("alleenstaandeOuderenkorting"))).toBe("0.00");
  });

  test("the other grondslagverminderende posten count in the tariefsaanpassing (art. 2.10 lid 3)", () => {
    // 2025 winst 100.000: posten 14.856,31, TA 1.785,73 (keten.test). With 5.000 persoonsgebonden aftrek
    // inside the other income: inkomen 80.143,69, posten 19.856,31, boven de grens 23.183 -> 12,02% x 19.856,31
    const r = keten({
      year: 2025,
      winst: d("100000"),
      urencriterium: true,
      overigInkomen: d("-5000"),
      overigePosten: d("5000"),
    });
    expect(cents(r.line("tariefsaanpassing"))).toBe("2386.73");
  });
});

describe("NL.NETTOEFFECT: what a deduction saves in total", () => {
  test.each([
    // totaal te betalen at winst and at winst - aftrekpost, each worked out as in CASES
    [2025, "60000", "1000", "494.12"], // 14642.86 - 14148.74
    [2025, "30000", "1000", "281.79"], // 1500.04 - 1218.25
    [2025, "120000", "1000", "512.41"], // 46405.84 - 45893.43
    [2024, "30000", "1000", "46.12"], // 1210.63 - 1164.51
    [2026, "60000", "-1000", "-490.24"], // 14583.76 - 15074.00
  ])("%i winst %s, aftrekpost %s saves %s", (year, winst, aftrekpost, expected) => {
    const r = nettoEffect({ year, winst: d(winst), urencriterium: true, aftrekpost: d(aftrekpost) });
    expect(cents(r.value)).toBe(expected);
  });

  test("the marginal rate at winst 60.000 in 2025 is the netto effect of 100 more", () => {
    // box 1 37,48% plus the afbouw of AHK (6,337%) and AK (6,51%) and Zvw 5,26%, all after MKB: between 45% and 50%
    const rate = marginaalTarief({ year: 2025, winst: d("60000"), urencriterium: true });
    const direct = nettoEffect({ year: 2025, winst: d("60100"), urencriterium: true, aftrekpost: d("100") }).value;
    expect(rate.times(100).toFixed(2)).toBe(direct.toFixed(2));
    expect(rate.toNumber()).toBeGreaterThan(0.45);
    expect(rate.toNumber()).toBeLessThan(0.5);
  });
});
