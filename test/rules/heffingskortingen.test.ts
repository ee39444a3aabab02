/**
 * Heffingskortingen as the aanslag gives them, and the Zvw-bijdrage, at every band edge, per year.
 * Every expected amount is worked out from that year's law text (art. 8.10, 8.11, 8.14a, 8.17,
 * 8.18 Wet IB 2001) and then as the aanslag rounds it (KG:202:2022:14 "Afronding
 * heffingskortingen", kennisgroepen.belastingdienst.nl): the exact korting split with unrounded
 * percentages over the belastingdeel (first-bracket tax rate / gecombineerd heffingspercentage,
 * art. 8.3) and the premiedeel (the premies / gecombineerd, art. 8.4-8.6; at the AOW-leeftijd without
 * the AOW premie 17,90, art. 12 Wfsv; for the ouderenkortingen over the percentage without it, art.
 * 8.7), each rounded up to whole euros, at most the maximum the law names. The comment of each row
 * reads "exact korting x rate/gecombineerd = part -> rounded up". Nothing is read from the code's
 * parameter files. The published tables of the Belastingdienst, with their sources, are in the last
 * describe block.
 */
import { algemeneHeffingskorting } from "../../src/rules/algemeneHeffingskorting";
import { arbeidskorting } from "../../src/rules/arbeidskorting";
import { combinatiekorting } from "../../src/rules/combinatiekorting";
import { NotCoveredError } from "../../src/rules/errors";
import { alleenstaandeOuderenkorting, ouderenkorting } from "../../src/rules/ouderenkorting";
import { zvwBijdrage } from "../../src/rules/zvwBijdrage";
import { cents, d } from "../helpers";

const KG = "https://kennisgroepen.belastingdienst.nl/publicaties/kg202202214-afronding-heffingskortingen/";

const AHK: Array<[number, string, string]> = [
  [2022, "0", "2888"], // geen inkomen: het volle bedrag: 2888 x 9.42/37.07 = 733.88 -> 734, x 27.65/37.07 = 2154.12 -> 2155; 2889 > 2888: 2888
  [2022, "21317", "2888"], // precies de afbouwgrens: nog geen afbouw: 2888 x 9.42/37.07 = 733.88 -> 734, x 27.65/37.07 = 2154.12 -> 2155; 2889 > 2888: 2888
  [2022, "21318", "2888"], // 1 boven de grens: 2888 - 6.007% x 1: 2887.94 x 9.42/37.07 = 733.87 -> 734, x 27.65/37.07 = 2154.07 -> 2155; 2889 > 2888: 2888
  [2022, "41317", "1688"], // 2888 - 6.007% x 20.000: 1686.6 x 9.42/37.07 = 428.59 -> 429, x 27.65/37.07 = 1258.01 -> 1259
  [2022, "69393", "2"], // vlak voor nihil: 2888 - 6.007% x 48076: 0.07 x 9.42/37.07 = 0.02 -> 1, x 27.65/37.07 = 0.06 -> 1
  [2022, "69395", "0"], // voorbij het nulpunt: nihil, niet negatief
  [2023, "0", "3070"], // geen inkomen: het volle bedrag: 3070 x 9.28/36.93 = 771.45 -> 772, x 27.65/36.93 = 2298.55 -> 2299; 3071 > 3070: 3070
  [2023, "22660", "3070"], // precies de afbouwgrens: nog geen afbouw: 3070 x 9.28/36.93 = 771.45 -> 772, x 27.65/36.93 = 2298.55 -> 2299; 3071 > 3070: 3070
  [2023, "22661", "3070"], // 1 boven de grens: 3070 - 6.095% x 1: 3069.94 x 9.28/36.93 = 771.43 -> 772, x 27.65/36.93 = 2298.51 -> 2299; 3071 > 3070: 3070
  [2023, "42660", "1852"], // 3070 - 6.095% x 20.000: 1851 x 9.28/36.93 = 465.13 -> 466, x 27.65/36.93 = 1385.87 -> 1386
  [2023, "73028", "2"], // vlak voor nihil: 3070 - 6.095% x 50368: 0.07 x 9.28/36.93 = 0.02 -> 1, x 27.65/36.93 = 0.05 -> 1
  [2023, "73030", "0"], // voorbij het nulpunt: nihil, niet negatief
  [2024, "0", "3362"], // geen inkomen: het volle bedrag: 3362 x 9.32/36.97 = 847.55 -> 848, x 27.65/36.97 = 2514.45 -> 2515; 3363 > 3362: 3362
  [2024, "24812", "3362"], // precies de afbouwgrens: nog geen afbouw: 3362 x 9.32/36.97 = 847.55 -> 848, x 27.65/36.97 = 2514.45 -> 2515; 3363 > 3362: 3362
  [2024, "24813", "3362"], // 1 boven de grens: 3362 - 6.630% x 1: 3361.93 x 9.32/36.97 = 847.53 -> 848, x 27.65/36.97 = 2514.4 -> 2515; 3363 > 3362: 3362
  [2024, "44812", "2037"], // 3362 - 6.630% x 20.000: 2036 x 9.32/36.97 = 513.27 -> 514, x 27.65/36.97 = 1522.73 -> 1523
  [2024, "75520", "2"], // vlak voor nihil: 3362 - 6.630% x 50708: 0.06 x 9.32/36.97 = 0.02 -> 1, x 27.65/36.97 = 0.04 -> 1
  [2024, "75522", "0"], // voorbij het nulpunt: nihil, niet negatief
  [2025, "0", "3068"], // geen inkomen: het volle bedrag: 3068 x 8.17/35.82 = 699.76 -> 700, x 27.65/35.82 = 2368.24 -> 2369; 3069 > 3068: 3068
  [2025, "28406", "3068"], // precies de afbouwgrens: nog geen afbouw: 3068 x 8.17/35.82 = 699.76 -> 700, x 27.65/35.82 = 2368.24 -> 2369; 3069 > 3068: 3068
  [2025, "28407", "3068"], // 1 boven de grens: 3068 - 6.337% x 1: 3067.94 x 8.17/35.82 = 699.75 -> 700, x 27.65/35.82 = 2368.19 -> 2369; 3069 > 3068: 3068
  [2025, "48406", "1801"], // 3068 - 6.337% x 20.000: 1800.6 x 8.17/35.82 = 410.69 -> 411, x 27.65/35.82 = 1389.91 -> 1390
  [2025, "76819", "2"], // vlak voor nihil: 3068 - 6.337% x 48413: 0.07 x 8.17/35.82 = 0.02 -> 1, x 27.65/35.82 = 0.05 -> 1
  [2025, "76821", "0"], // voorbij het nulpunt: nihil, niet negatief
  [2026, "0", "3115"], // geen inkomen: het volle bedrag: 3115 x 8.1/35.75 = 705.78 -> 706, x 27.65/35.75 = 2409.22 -> 2410; 3116 > 3115: 3115
  [2026, "29736", "3115"], // precies de afbouwgrens: nog geen afbouw: 3115 x 8.1/35.75 = 705.78 -> 706, x 27.65/35.75 = 2409.22 -> 2410; 3116 > 3115: 3115
  [2026, "29737", "3115"], // 1 boven de grens: 3115 - 6.398% x 1: 3114.94 x 8.1/35.75 = 705.76 -> 706, x 27.65/35.75 = 2409.17 -> 2410; 3116 > 3115: 3115
  [2026, "49736", "1836"], // 3115 - 6.398% x 20.000: 1835.4 x 8.1/35.75 = 415.85 -> 416, x 27.65/35.75 = 1419.55 -> 1420
  [2026, "78422", "2"], // vlak voor nihil: 3115 - 6.398% x 48686: 0.07 x 8.1/35.75 = 0.02 -> 1, x 27.65/35.75 = 0.05 -> 1
  [2026, "78424", "0"], // voorbij het nulpunt: nihil, niet negatief
];
const AHK_AOW: Array<[number, string, string]> = [
  [2022, "0", "1494"], // geen AOW-deel: 2888 x 9.42/37.07 = 733.88 -> 734, x 9.75/37.07 = 759.59 -> 760
  [2022, "31317", "1184"], // geen AOW-deel: 2287.3 x 9.42/37.07 = 581.23 -> 582, x 9.75/37.07 = 601.6 -> 602
  [2023, "0", "1583"], // geen AOW-deel: 3070 x 9.28/36.93 = 771.45 -> 772, x 9.75/36.93 = 810.52 -> 811
  [2023, "32660", "1269"], // geen AOW-deel: 2460.5 x 9.28/36.93 = 618.29 -> 619, x 9.75/36.93 = 649.6 -> 650
  [2024, "0", "1735"], // geen AOW-deel: 3362 x 9.32/36.97 = 847.55 -> 848, x 9.75/36.97 = 886.65 -> 887
  [2024, "34812", "1393"], // geen AOW-deel: 2699 x 9.32/36.97 = 680.41 -> 681, x 9.75/36.97 = 711.8 -> 712
  [2025, "0", "1536"], // geen AOW-deel: 3068 x 8.17/35.82 = 699.76 -> 700, x 9.75/35.82 = 835.09 -> 836
  [2025, "38406", "1219"], // geen AOW-deel: 2434.3 x 8.17/35.82 = 555.23 -> 556, x 9.75/35.82 = 662.6 -> 663
  [2026, "0", "1556"], // geen AOW-deel: 3115 x 8.1/35.75 = 705.78 -> 706, x 9.75/35.75 = 849.55 -> 850
  [2026, "39736", "1237"], // geen AOW-deel: 2475.2 x 8.1/35.75 = 560.81 -> 561, x 9.75/35.75 = 675.05 -> 676
];
const AK: Array<[number, string, string]> = [
  [2022, "0", "0"], // geen arbeidsinkomen: nihil
  [2022, "5000", "228"], // a: 227.05 x 9.42/37.07 = 57.7 -> 58, x 27.65/37.07 = 169.35 -> 170
  [2022, "10350", "471"], // a bereikt bijna/precies zijn maximum 470: 469.99 x 9.42/37.07 = 119.43 -> 120, x 27.65/37.07 = 350.56 -> 351
  [2022, "11350", "755"], // b: 754.61 x 9.42/37.07 = 191.76 -> 192, x 27.65/37.07 = 562.85 -> 563
  [2022, "22356", "3888"], // a + b raakt het maximum 3887: 3887 x 9.42/37.07 = 987.74 -> 988, x 27.65/37.07 = 2899.26 -> 2900
  [2022, "23356", "3914"], // c: 3913.1 x 9.42/37.07 = 994.37 -> 995, x 27.65/37.07 = 2918.73 -> 2919
  [2022, "36649", "4260"], // afbouwgrens: 4260 x 9.42/37.07 = 1082.52 -> 1083, x 27.65/37.07 = 3177.48 -> 3178; 4261 > 4260: 4260
  [2022, "37649", "4202"], // d: 4201.4 x 9.42/37.07 = 1067.63 -> 1068, x 27.65/37.07 = 3133.77 -> 3134
  [2022, "66649", "2503"], // d: 2502 x 9.42/37.07 = 635.79 -> 636, x 27.65/37.07 = 1866.21 -> 1867
  [2022, "109347", "0"], // voorbij het nulpunt: nihil
  [2022, "-5000", "0"], // verlies: nihil
  [2023, "0", "0"], // geen arbeidsinkomen: nihil
  [2023, "5000", "413"], // a: 411.55 x 9.28/36.93 = 103.42 -> 104, x 27.65/36.93 = 308.13 -> 309
  [2023, "10740", "885"], // a bereikt bijna/precies zijn maximum 884: 884 x 9.28/36.93 = 222.14 -> 223, x 27.65/36.93 = 661.86 -> 662
  [2023, "11740", "1184"], // b: 1182.61 x 9.28/36.93 = 297.17 -> 298, x 27.65/36.93 = 885.44 -> 886
  [2023, "23202", "4606"], // a + b raakt het maximum 4605: 4605.03 x 9.28/36.93 = 1157.18 -> 1158, x 27.65/36.93 = 3447.85 -> 3448
  [2023, "23201", "4606"], // grens c: 4604.98 x 9.28/36.93 = 1157.17 -> 1158, x 27.65/36.93 = 3447.81 -> 3448
  [2023, "24201", "4636"], // c: 4635.85 x 9.28/36.93 = 1164.93 -> 1165, x 27.65/36.93 = 3470.92 -> 3471
  [2023, "37691", "5052"], // afbouwgrens: 5052 x 9.28/36.93 = 1269.5 -> 1270, x 27.65/36.93 = 3782.5 -> 3783; 5053 > 5052: 5052
  [2023, "38691", "4988"], // d: 4986.9 x 9.28/36.93 = 1253.14 -> 1254, x 27.65/36.93 = 3733.76 -> 3734
  [2023, "67691", "3100"], // d: 3099 x 9.28/36.93 = 778.74 -> 779, x 27.65/36.93 = 2320.26 -> 2321
  [2023, "115296", "0"], // voorbij het nulpunt: nihil
  [2023, "-5000", "0"], // verlies: nihil
  [2024, "0", "0"], // geen arbeidsinkomen: nihil
  [2024, "5000", "423"], // a: 421.25 x 9.32/36.97 = 106.2 -> 107, x 27.65/36.97 = 315.05 -> 316
  [2024, "11490", "969"], // a bereikt bijna/precies zijn maximum 968: 968 x 9.32/36.97 = 244.03 -> 245, x 27.65/36.97 = 723.97 -> 724
  [2024, "12490", "1284"], // b: 1282.33 x 9.32/36.97 = 323.27 -> 324, x 27.65/36.97 = 959.06 -> 960
  [2024, "24820", "5159"], // a + b raakt het maximum 5158: 5158 x 9.32/36.97 = 1300.31 -> 1301, x 27.65/36.97 = 3857.69 -> 3858
  [2024, "25820", "5184"], // c: 5182.71 x 9.32/36.97 = 1306.54 -> 1307, x 27.65/36.97 = 3876.17 -> 3877
  [2024, "39957", "5532"], // afbouwgrens: 5532 x 9.32/36.97 = 1394.6 -> 1395, x 27.65/36.97 = 4137.4 -> 4138; 5533 > 5532: 5532
  [2024, "40957", "5468"], // d: 5466.9 x 9.32/36.97 = 1378.19 -> 1379, x 27.65/36.97 = 4088.71 -> 4089
  [2024, "69957", "3580"], // d: 3579 x 9.32/36.97 = 902.25 -> 903, x 27.65/36.97 = 2676.75 -> 2677
  [2024, "124935", "0"], // voorbij het nulpunt: nihil
  [2024, "-5000", "0"], // verlies: nihil
  [2025, "0", "0"], // geen arbeidsinkomen: nihil
  [2025, "5000", "403"], // a: 402.65 x 8.17/35.82 = 91.84 -> 92, x 27.65/35.82 = 310.81 -> 311
  [2025, "12169", "981"], // a bereikt bijna/precies zijn maximum 980: 979.97 x 8.17/35.82 = 223.52 -> 224, x 27.65/35.82 = 756.45 -> 757
  [2025, "13169", "1282"], // b: 1280.3 x 8.17/35.82 = 292.02 -> 293, x 27.65/35.82 = 988.28 -> 989
  [2025, "26289", "5221"], // a + b raakt het maximum 5220: 5220.02 x 8.17/35.82 = 1190.61 -> 1191, x 27.65/35.82 = 4029.41 -> 4030
  [2025, "26288", "5221"], // grens c: 5219.94 x 8.17/35.82 = 1190.59 -> 1191, x 27.65/35.82 = 4029.35 -> 4030
  [2025, "27288", "5243"], // c: 5242.58 x 8.17/35.82 = 1195.75 -> 1196, x 27.65/35.82 = 4046.83 -> 4047
  [2025, "43071", "5599"], // afbouwgrens: 5598.96 x 8.17/35.82 = 1277.04 -> 1278, x 27.65/35.82 = 4321.92 -> 4322; 5600 > 5599: 5599
  [2025, "44071", "5535"], // d: 5533.9 x 8.17/35.82 = 1262.2 -> 1263, x 27.65/35.82 = 4271.7 -> 4272
  [2025, "73071", "3647"], // d: 3646 x 8.17/35.82 = 831.6 -> 832, x 27.65/35.82 = 2814.4 -> 2815
  [2025, "129078", "0"], // voorbij het nulpunt: nihil
  [2025, "-5000", "0"], // verlies: nihil
  [2026, "0", "0"], // geen arbeidsinkomen: nihil
  [2026, "5000", "417"], // a: 416.2 x 8.1/35.75 = 94.3 -> 95, x 27.65/35.75 = 321.9 -> 322
  [2026, "11965", "997"], // a bereikt bijna/precies zijn maximum 996: 995.97 x 8.1/35.75 = 225.66 -> 226, x 27.65/35.75 = 770.31 -> 771
  [2026, "12965", "1307"], // b: 1306.09 x 8.1/35.75 = 295.93 -> 296, x 27.65/35.75 = 1010.16 -> 1011
  [2026, "25845", "5301"], // a + b raakt het maximum 5300: 5300 x 8.1/35.75 = 1200.84 -> 1201, x 27.65/35.75 = 4099.16 -> 4100
  [2026, "26845", "5321"], // c: 5319.5 x 8.1/35.75 = 1205.26 -> 1206, x 27.65/35.75 = 4114.24 -> 4115
  [2026, "45592", "5685"], // afbouwgrens: 5685 x 8.1/35.75 = 1288.07 -> 1289, x 27.65/35.75 = 4396.93 -> 4397; 5686 > 5685: 5685
  [2026, "46592", "5621"], // d: 5619.9 x 8.1/35.75 = 1273.32 -> 1274, x 27.65/35.75 = 4346.58 -> 4347
  [2026, "75592", "3733"], // d: 3732 x 8.1/35.75 = 845.57 -> 846, x 27.65/35.75 = 2886.43 -> 2887
  [2026, "132921", "0"], // voorbij het nulpunt: nihil
  [2026, "-5000", "0"], // verlies: nihil
];
const AK_AOW: Array<[number, string, string]> = [
  [2022, "30000", "2114"], // geen AOW-deel: 4086.51 x 9.42/37.07 = 1038.44 -> 1039, x 9.75/37.07 = 1074.82 -> 1075
  [2023, "30000", "2482"], // geen AOW-deel: 4814.75 x 9.28/36.93 = 1209.88 -> 1210, x 9.75/36.93 = 1271.16 -> 1272
  [2024, "30000", "2728"], // geen AOW-deel: 5286 x 9.32/36.97 = 1332.58 -> 1333, x 9.75/36.97 = 1394.06 -> 1395
  [2025, "30000", "2654"], // geen AOW-deel: 5303.82 x 8.17/35.82 = 1209.72 -> 1210, x 9.75/35.82 = 1443.67 -> 1444
  [2026, "30000", "2688"], // geen AOW-deel: 5381.02 x 8.1/35.75 = 1219.2 -> 1220, x 9.75/35.75 = 1467.55 -> 1468
  // The maximum at the afbouwgrens where no published table was found (2022, 2023, 2026: see PUBLISHED)
  [2024, "39957", "2854"], // geen AOW-deel: 5532 x 9.32/36.97 = 1394.6 -> 1395, x 9.75/36.97 = 1458.94 -> 1459
  [2025, "43071", "2803"], // geen AOW-deel: 5598.96 x 8.17/35.82 = 1277.04 -> 1278, x 9.75/35.82 = 1524.01 -> 1525
];
const IACK: Array<[number, string, string]> = [
  [2022, "5219", "0"], // precies de grens: niets (lid 1 a: meer dan): nihil
  [2022, "5220", "2"], // 1 boven de grens: 11,45% x 1: 0.11 x 9.42/37.07 = 0.03 -> 1, x 27.65/37.07 = 0.09 -> 1
  [2022, "15219", "1146"], // 11,45% x 10.000: 1145 x 9.42/37.07 = 290.96 -> 291, x 27.65/37.07 = 854.04 -> 855
  [2022, "27349", "2534"], // vlak onder het maximum: 2533.89 x 9.42/37.07 = 643.9 -> 644, x 27.65/37.07 = 1889.99 -> 1890
  [2022, "28350", "2534"], // het maximum 2534: 2534 x 9.42/37.07 = 643.92 -> 644, x 27.65/37.07 = 1890.08 -> 1891; 2535 > 2534: 2534
  [2023, "5547", "0"], // precies de grens: niets (lid 1 a: meer dan): nihil
  [2023, "5548", "2"], // 1 boven de grens: 11,45% x 1: 0.11 x 9.28/36.93 = 0.03 -> 1, x 27.65/36.93 = 0.09 -> 1
  [2023, "15547", "1146"], // 11,45% x 10.000: 1145 x 9.28/36.93 = 287.72 -> 288, x 27.65/36.93 = 857.28 -> 858
  [2023, "29074", "2694"], // vlak onder het maximum: 2693.84 x 9.28/36.93 = 676.93 -> 677, x 27.65/36.93 = 2016.92 -> 2017
  [2023, "30075", "2694"], // het maximum 2694: 2694 x 9.28/36.93 = 676.97 -> 677, x 27.65/36.93 = 2017.03 -> 2018; 2695 > 2694: 2694
  [2024, "6073", "0"], // precies de grens: niets (lid 1 a: meer dan): nihil
  [2024, "6074", "2"], // 1 boven de grens: 11,45% x 1: 0.11 x 9.32/36.97 = 0.03 -> 1, x 27.65/36.97 = 0.09 -> 1
  [2024, "16073", "1146"], // 11,45% x 10.000: 1145 x 9.32/36.97 = 288.65 -> 289, x 27.65/36.97 = 856.35 -> 857
  [2024, "31836", "2950"], // vlak onder het maximum: 2949.86 x 9.32/36.97 = 743.65 -> 744, x 27.65/36.97 = 2206.21 -> 2207; 2951 > 2950: 2950
  [2024, "32837", "2950"], // het maximum 2950: 2950 x 9.32/36.97 = 743.68 -> 744, x 27.65/36.97 = 2206.32 -> 2207; 2951 > 2950: 2950
  [2025, "6145", "0"], // precies de grens: niets (lid 1 a: meer dan): nihil
  [2025, "6146", "2"], // 1 boven de grens: 11,45% x 1: 0.11 x 8.17/35.82 = 0.03 -> 1, x 27.65/35.82 = 0.09 -> 1
  [2025, "16145", "1146"], // 11,45% x 10.000: 1145 x 8.17/35.82 = 261.16 -> 262, x 27.65/35.82 = 883.84 -> 884
  [2025, "32223", "2986"], // vlak onder het maximum: 2985.93 x 8.17/35.82 = 681.05 -> 682, x 27.65/35.82 = 2304.89 -> 2305; 2987 > 2986: 2986
  [2025, "33224", "2986"], // het maximum 2986: 2986 x 8.17/35.82 = 681.06 -> 682, x 27.65/35.82 = 2304.94 -> 2305; 2987 > 2986: 2986
  [2026, "6239", "0"], // precies de grens: niets (lid 1 a: meer dan): nihil
  [2026, "6240", "2"], // 1 boven de grens: 11,45% x 1: 0.11 x 8.1/35.75 = 0.03 -> 1, x 27.65/35.75 = 0.09 -> 1
  [2026, "16239", "1146"], // 11,45% x 10.000: 1145 x 8.1/35.75 = 259.43 -> 260, x 27.65/35.75 = 885.57 -> 886
  [2026, "32718", "3032"], // vlak onder het maximum: 3031.85 x 8.1/35.75 = 686.94 -> 687, x 27.65/35.75 = 2344.91 -> 2345
  [2026, "33719", "3032"], // het maximum 3032: 3032 x 8.1/35.75 = 686.97 -> 687, x 27.65/35.75 = 2345.03 -> 2346; 3033 > 3032: 3032
];
const IACK_AOW: Array<[number, string, string]> = [
  [2022, "5220", "2"], // 1 boven de grens: 0.11 x 9.42/37.07 = 0.03 -> 1, x 9.75/37.07 = 0.03 -> 1
  [2022, "15219", "593"], // 11,45% x 10.000: 1145 x 9.42/37.07 = 290.96 -> 291, x 9.75/37.07 = 301.15 -> 302
  [2022, "27351", "1311"], // het maximum 2534: 2534 x 9.42/37.07 = 643.92 -> 644, x 9.75/37.07 = 666.48 -> 667
  [2023, "5548", "2"], // 1 boven de grens: 0.11 x 9.28/36.93 = 0.03 -> 1, x 9.75/36.93 = 0.03 -> 1
  [2023, "15547", "591"], // 11,45% x 10.000: 1145 x 9.28/36.93 = 287.72 -> 288, x 9.75/36.93 = 302.29 -> 303
  [2023, "29076", "1389"], // het maximum 2694: 2694 x 9.28/36.93 = 676.97 -> 677, x 9.75/36.93 = 711.25 -> 712
  [2024, "6074", "2"], // 1 boven de grens: 0.11 x 9.32/36.97 = 0.03 -> 1, x 9.75/36.97 = 0.03 -> 1
  [2024, "16073", "591"], // 11,45% x 10.000: 1145 x 9.32/36.97 = 288.65 -> 289, x 9.75/36.97 = 301.97 -> 302
  [2024, "31838", "1522"], // het maximum 2950: 2950 x 9.32/36.97 = 743.68 -> 744, x 9.75/36.97 = 778 -> 778
  [2025, "6146", "2"], // 1 boven de grens: 0.11 x 8.17/35.82 = 0.03 -> 1, x 9.75/35.82 = 0.03 -> 1
  [2025, "16145", "574"], // 11,45% x 10.000: 1145 x 8.17/35.82 = 261.16 -> 262, x 9.75/35.82 = 311.66 -> 312
  [2025, "32224", "1495"], // het maximum 2986: 2986 x 8.17/35.82 = 681.06 -> 682, x 9.75/35.82 = 812.77 -> 813
  [2026, "6240", "2"], // 1 boven de grens: 0.11 x 8.1/35.75 = 0.03 -> 1, x 9.75/35.75 = 0.03 -> 1
  [2026, "16239", "573"], // 11,45% x 10.000: 1145 x 8.1/35.75 = 259.43 -> 260, x 9.75/35.75 = 312.27 -> 313
  [2026, "32720", "1514"], // het maximum 3032: 3032 x 8.1/35.75 = 686.97 -> 687, x 9.75/35.75 = 826.91 -> 827
];
const OK: Array<[number, string, string]> = [
  [2022, "20000", "1726"], // onder de grens: het volle bedrag: 1726 x 9.42/19.17 = 848.14 -> 849, x 9.75/19.17 = 877.86 -> 878; 1727 > 1726: 1726
  [2022, "38464", "1726"], // precies de grens: 1726 x 9.42/19.17 = 848.14 -> 849, x 9.75/19.17 = 877.86 -> 878; 1727 > 1726: 1726
  [2022, "39464", "1577"], // 1726 - 15% x 1.000: 1576 x 9.42/19.17 = 774.44 -> 775, x 9.75/19.17 = 801.56 -> 802
  [2022, "49971", "0"], // bij het nulpunt: nihil
  [2022, "50071", "0"], // voorbij het nulpunt: nihil
  [2023, "20000", "1835"], // onder de grens: het volle bedrag: 1835 x 9.28/19.03 = 894.84 -> 895, x 9.75/19.03 = 940.16 -> 941; 1836 > 1835: 1835
  [2023, "40888", "1835"], // precies de grens: 1835 x 9.28/19.03 = 894.84 -> 895, x 9.75/19.03 = 940.16 -> 941; 1836 > 1835: 1835
  [2023, "41888", "1686"], // 1835 - 15% x 1.000: 1685 x 9.28/19.03 = 821.69 -> 822, x 9.75/19.03 = 863.31 -> 864
  [2023, "53121", "2"], // bij het nulpunt: 0.05 x 9.28/19.03 = 0.02 -> 1, x 9.75/19.03 = 0.03 -> 1
  [2023, "53221", "0"], // voorbij het nulpunt: nihil
  [2024, "20000", "2010"], // onder de grens: het volle bedrag: 2010 x 9.32/19.07 = 982.34 -> 983, x 9.75/19.07 = 1027.66 -> 1028; 2011 > 2010: 2010
  [2024, "44770", "2010"], // precies de grens: 2010 x 9.32/19.07 = 982.34 -> 983, x 9.75/19.07 = 1027.66 -> 1028; 2011 > 2010: 2010
  [2024, "45770", "1861"], // 2010 - 15% x 1.000: 1860 x 9.32/19.07 = 909.03 -> 910, x 9.75/19.07 = 950.97 -> 951
  [2024, "58170", "0"], // bij het nulpunt: nihil
  [2024, "58270", "0"], // voorbij het nulpunt: nihil
  [2025, "20000", "2035"], // onder de grens: het volle bedrag: 2035 x 8.17/17.92 = 927.79 -> 928, x 9.75/17.92 = 1107.21 -> 1108; 2036 > 2035: 2035
  [2025, "45308", "2035"], // precies de grens: 2035 x 8.17/17.92 = 927.79 -> 928, x 9.75/17.92 = 1107.21 -> 1108; 2036 > 2035: 2035
  [2025, "46308", "1886"], // 2035 - 15% x 1.000: 1885 x 8.17/17.92 = 859.4 -> 860, x 9.75/17.92 = 1025.6 -> 1026
  [2025, "58875", "0"], // bij het nulpunt: nihil
  [2025, "58975", "0"], // voorbij het nulpunt: nihil
  [2026, "20000", "2067"], // onder de grens: het volle bedrag: 2067 x 8.1/17.85 = 937.97 -> 938, x 9.75/17.85 = 1129.03 -> 1130; 2068 > 2067: 2067
  [2026, "46002", "2067"], // precies de grens: 2067 x 8.1/17.85 = 937.97 -> 938, x 9.75/17.85 = 1129.03 -> 1130; 2068 > 2067: 2067
  [2026, "47002", "1918"], // 2067 - 15% x 1.000: 1917 x 8.1/17.85 = 869.9 -> 870, x 9.75/17.85 = 1047.1 -> 1048
  [2026, "59782", "0"], // bij het nulpunt: nihil
  [2026, "59882", "0"], // voorbij het nulpunt: nihil
];
const AOK: Array<[number, string]> = [
  [2022, "449"], // 449 x 9.42/19.17 = 220.64 -> 221, x 9.75/19.17 = 228.36 -> 229; 450 > 449: 449
  [2023, "478"], // 478 x 9.28/19.03 = 233.1 -> 234, x 9.75/19.03 = 244.9 -> 245; 479 > 478: 478
  [2024, "524"], // 524 x 9.32/19.07 = 256.09 -> 257, x 9.75/19.07 = 267.91 -> 268; 525 > 524: 524
  [2025, "531"], // 531 x 8.17/17.92 = 242.09 -> 243, x 9.75/17.92 = 288.91 -> 289; 532 > 531: 531
  [2026, "540"], // 540 x 8.1/17.85 = 245.04 -> 246, x 9.75/17.85 = 294.96 -> 295; 541 > 540: 540
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
    expect(algemeneHeffingskorting({ year, inkomen: d(inkomen) }).value.toString()).toBe(expected);
  });
  test.each(AHK_AOW)("%i at the AOW-leeftijd, inkomen %s -> %s", (year, inkomen, expected) => {
    expect(algemeneHeffingskorting({ year, inkomen: d(inkomen), aow: true }).value.toString()).toBe(expected);
  });
  test("2027 is not known: an error, not a guess", () => {
    expect(() => algemeneHeffingskorting({ year: 2027, inkomen: d("30000") })).toThrow(NotCoveredError);
  });
  test("the trace names the income it is built over: inkomen uit werk en woning up to 2024, verzamelinkomen from 2025", () => {
    const step = (year: number) => algemeneHeffingskorting({ year, inkomen: d("50000") }).trace.steps[0].label;
    expect(step(2024)).toContain("belastbaar inkomen uit werk en woning");
    expect(step(2025)).toContain("verzamelinkomen");
  });
  test("the Uitleg shows the exact amount and the aanslag's rounding beside it, with its source", () => {
    // 2025 at the AOW-leeftijd, no income: 3.068 x 8,17/35,82 = 699,76 -> 700; 3.068 x 9,75/35,82 = 835,09 -> 836
    const { value, trace } = algemeneHeffingskorting({ year: 2025, inkomen: d("0"), aow: true });
    expect(value.toString()).toBe("1536");
    const labels = trace.steps.map((s) => s.label).join("\n");
    expect(labels).toContain("3.068 min 6,337% daarvan");
    expect(trace.steps.find((s) => s.label.startsWith("Belastingdeel"))?.value).toBe("699.764377");
    expect(trace.steps.find((s) => s.label.startsWith("Premiedeel"))?.value).toBe("835.092127");
    const rounding = trace.steps.at(-1)!;
    expect(rounding).toMatchObject({ value: "1536", source: { url: KG } });
    expect(rounding.label).toContain("699,76");
    expect(rounding.label).toContain("835,09");
    expect(rounding.label).toContain("1.534,86");
    // The percentages come from the parameters, with their own sources.
    expect(trace.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["box1_tarief_schijf1", "premie_aow", "premie_anw", "premie_wlz"]),
    );
  });
  test("capped at the law's maximum: below the AOW-leeftijd 700 + 2.369 = 3.069 is 3.068", () => {
    // 3.068 x 8,17/35,82 = 699,76 -> 700; 3.068 x 27,65/35,82 = 2.368,24 -> 2.369; 3.069 > 3.068
    const { value, trace } = algemeneHeffingskorting({ year: 2025, inkomen: d("0") });
    expect(value.toString()).toBe("3068");
    expect(trace.steps.at(-2)).toMatchObject({ value: "3069", source: { url: KG } });
    expect(trace.steps.at(-1)).toMatchObject({ value: "3068", source: { url: KG } });
  });
});

describe("arbeidskorting (art. 8.11)", () => {
  test.each(AK)("%i, arbeidsinkomen %s -> %s", (year, ai, expected) => {
    expect(arbeidskorting({ year, arbeidsinkomen: d(ai) }).value.toString()).toBe(expected);
  });
  test.each(AK_AOW)("%i at the AOW-leeftijd, arbeidsinkomen %s -> %s", (year, ai, expected) => {
    expect(arbeidskorting({ year, arbeidsinkomen: d(ai), aow: true }).value.toString()).toBe(expected);
  });
  test("an unknown year fails even without arbeidsinkomen", () => {
    expect(() => arbeidskorting({ year: 2021, arbeidsinkomen: d("0") })).toThrow(NotCoveredError);
  });
});

describe("inkomensafhankelijke combinatiekorting (art. 8.14a)", () => {
  test.each(IACK)("%i, arbeidsinkomen %s -> %s", (year, ai, expected) => {
    expect(combinatiekorting({ year, arbeidsinkomen: d(ai), voorwaarden: true }).value.toString()).toBe(expected);
  });
  test.each(IACK_AOW)("%i at the AOW-leeftijd, arbeidsinkomen %s -> %s", (year, ai, expected) => {
    const r = combinatiekorting({ year, arbeidsinkomen: d(ai), voorwaarden: true, aow: true });
    expect(r.value.toString()).toBe(expected);
  });
  test("without a young child (or with the higher income) there is none", () => {
    expect(cents(combinatiekorting({ year: 2025, arbeidsinkomen: d("40000"), voorwaarden: false }).value)).toBe("0.00");
  });
});

describe("ouderenkorting (art. 8.17) and alleenstaande ouderenkorting (art. 8.18), split per art. 8.7", () => {
  test.each(OK)("%i, verzamelinkomen %s -> %s", (year, vi, expected) => {
    expect(ouderenkorting({ year, verzamelinkomen: d(vi) }).value.toString()).toBe(expected);
  });
  test.each(AOK)("%i alleenstaande ouderenkorting %s", (year, expected) => {
    expect(alleenstaandeOuderenkorting(year).value.toString()).toBe(expected);
  });
  test("the split leaves out the AOW premie from the gecombineerd percentage (art. 8.7)", () => {
    // 2025: 2.035 x 8,17/17,92 = 927,787388 (not x 8,17/35,82 = 464,15)
    const steps = ouderenkorting({ year: 2025, verzamelinkomen: d("20000") }).trace.steps;
    expect(steps.find((s) => s.label.startsWith("Belastingdeel"))?.value).toBe("927.787388");
  });
});

describe("the examples of the issue and the README", () => {
  test.each([
    // algemene heffingskorting 2025 at 34.000: 3.068 - 6,337% x 5.594 = 2.713,51;
    // x 8,17/35,82 = 618,91 -> 619, x 27,65/35,82 = 2.094,60 -> 2.095: 2.714
    ["AHK 2025, 34.000", () => algemeneHeffingskorting({ year: 2025, inkomen: d("34000") }).value, "2714"],
    // =NL.ALGEMENEHEFFINGSKORTING(2025; 50000): 3.068 - 6,337% x 21.594 = 1.699,59;
    // x 8,17/35,82 = 387,65 -> 388, x 27,65/35,82 = 1.311,94 -> 1.312: 1.700
    ["AHK 2025, 50.000", () => algemeneHeffingskorting({ year: 2025, inkomen: d("50000") }).value, "1700"],
    // =NL.ARBEIDSKORTING(2025; 60000): 5.599 - 6,51% x 16.929 = 4.496,92;
    // x 8,17/35,82 = 1.025,68 -> 1.026, x 27,65/35,82 = 3.471,24 -> 3.472: 4.498
    ["AK 2025, 60.000", () => arbeidskorting({ year: 2025, arbeidsinkomen: d("60000") }).value, "4498"],
  ])("%s", (_, value, expected) => {
    expect(value().toString()).toBe(expected);
  });
});

/**
 * The Belastingdienst's published amounts, to the euro. Maxima below the AOW-leeftijd are the
 * law's amounts (the rounding never goes above them); maxima at the AOW-leeftijd and the points
 * where a table's row begins come out of the rounding. Sources, as published:
 * - BD-IACK-2023: belastingdienst.nl .../inkomensafhankelijke_combikorting/inkomensafhankelijke-combinatiekorting-2023
 *   (Tabel inkomensafhankelijke combinatiekorting 2023: below AOW "vanaf € 29.076: € 2.694"; whole
 *   year at the AOW-leeftijd "vanaf € 29.076: € 1.389").
 * - VERTI-2022: vertiadvies.nl/kennisbank/tarieven-en-heffingskortingen-2022 (AHK at AOW 1.494, AK at
 *   AOW 2.204, AK nil from 109.346).
 * - VWV-2023: vanwieren-vellinga.nl/nieuws/52057 "Tarieven en heffingskortingen 2023" (AHK at AOW
 *   1.583, AK at AOW 2.604, AK nil from 115.295); homefinance.nl (AHK at AOW 1.583, IACK 2.694,
 *   ouderenkorting 1.835, AOK 478).
 * - FISCALERT-2025: fiscalert.nl "Prinsjesdag 2024: belastingtarieven box 1 2025" (2024 and 2025:
 *   AHK 3.362 / 3.068, at AOW 1.735 / 1.536; AK 5.532 / 5.599; IACK 2.950 / 2.986; ouderenkorting
 *   2.010 / 2.035; AOK 524 / 531).
 * - FUNDAMENT-2026: fundamentvoor.nl/node/56208 (2026: AHK 3.115, IACK 3.032, ouderenkorting 2.067,
 *   AOK 540; its AHK at AOW 1.554 is the Prinsjesdag figure for a first-bracket rate of 35,70%,
 *   changed to 35,75% before the law was final, so not used).
 * - SALURE-2026: salure.nl/nieuws/arbeidskorting (Tabel arbeidskorting 2026, whole year at the
 *   AOW-leeftijd: "vanaf € 11.965: € 498 + ...", "vanaf € 25.845: € 2.647 + ...", "vanaf € 45.592:
 *   € 2.840 - ...", "vanaf € 132.920: € 0"; below: "vanaf € 45.592: € 5.685").
 * - HRKIOSK-OK: hr-kiosk.nl/hoofdstuk/tabellen/ouderenkorting-tabellen (2022-2024: 1.726 / 1.835 /
 *   2.010, nil from 49.971 / 53.122 / 58.170); BRINKHOEK-2025: brink-hoek.nl (ouderenkorting 2.035,
 *   nil from 58.875).
 * - RENDEMENT-2022: rendement.nl "Meeste heffingskortingen iets hoger" (IACK 2.534, AOK 449 for 2022).
 */
type Published = [string, () => { toString(): string }, string];
const ahkAt =
  (year: number, inkomen: string, aow = false) =>
  () =>
    algemeneHeffingskorting({ year, inkomen: d(inkomen), aow }).value;
const akAt =
  (year: number, ai: string, aow = false) =>
  () =>
    arbeidskorting({ year, arbeidsinkomen: d(ai), aow }).value;
const iackAt =
  (year: number, ai: string, aow = false) =>
  () =>
    combinatiekorting({ year, arbeidsinkomen: d(ai), voorwaarden: true, aow }).value;
const okAt = (year: number, vi: string) => () => ouderenkorting({ year, verzamelinkomen: d(vi) }).value;
const PUBLISHED: Published[] = [
  // Algemene heffingskorting, maximum below the AOW-leeftijd (the law's amount; parts round to one more, capped)
  ["AHK 2022 (VERTI-2022)", ahkAt(2022, "0"), "2888"], // 734 + 2.155 = 2.889 > 2.888
  ["AHK 2023 (VWV-2023)", ahkAt(2023, "0"), "3070"], // 772 + 2.299 = 3.071 > 3.070
  ["AHK 2024 (FISCALERT-2025)", ahkAt(2024, "0"), "3362"], // 848 + 2.515 = 3.363 > 3.362
  ["AHK 2025 (FISCALERT-2025)", ahkAt(2025, "0"), "3068"], // 700 + 2.369 = 3.069 > 3.068
  ["AHK 2026 (FUNDAMENT-2026)", ahkAt(2026, "0"), "3115"], // 706 + 2.410 = 3.116 > 3.115
  // Algemene heffingskorting, maximum at the AOW-leeftijd: belastingdeel + premiedeel without AOW
  ["AHK 2022 AOW (VERTI-2022)", ahkAt(2022, "0", true), "1494"], // 2.888 x 9,42/37,07 = 733,88 -> 734; x 9,75/37,07 = 759,59 -> 760
  ["AHK 2023 AOW (VWV-2023)", ahkAt(2023, "0", true), "1583"], // 3.070 x 9,28/36,93 = 771,45 -> 772; x 9,75/36,93 = 810,52 -> 811
  ["AHK 2024 AOW (FISCALERT-2025)", ahkAt(2024, "0", true), "1735"], // 3.362 x 9,32/36,97 = 847,55 -> 848; x 9,75/36,97 = 886,65 -> 887
  ["AHK 2025 AOW (FISCALERT-2025)", ahkAt(2025, "0", true), "1536"], // 3.068 x 8,17/35,82 = 699,76 -> 700; x 9,75/35,82 = 835,09 -> 836
  // Arbeidskorting, maximum (at the afbouwgrens) below and at the AOW-leeftijd
  ["AK 2022 (VERTI-2022)", akAt(2022, "36649"), "4260"], // 1.083 + 3.178 = 4.261 > 4.260
  ["AK 2023 (VWV-2023)", akAt(2023, "37691"), "5052"], // 1.270 + 3.783 = 5.053 > 5.052
  ["AK 2024 (FISCALERT-2025)", akAt(2024, "39957"), "5532"], // 1.395 + 4.138 = 5.533 > 5.532
  ["AK 2025 (FISCALERT-2025)", akAt(2025, "43071"), "5599"], // a+b+c 5.598,96: 1.277,04 -> 1.278 + 4.321,92 -> 4.322 = 5.600 > 5.599
  ["AK 2026 (SALURE-2026)", akAt(2026, "45592"), "5685"], // 1.289 + 4.397 = 5.686 > 5.685
  ["AK 2022 AOW (VERTI-2022)", akAt(2022, "36649", true), "2204"], // 4.260 x 9,42/37,07 = 1.082,52 -> 1.083; x 9,75/37,07 = 1.120,45 -> 1.121
  ["AK 2023 AOW (VWV-2023)", akAt(2023, "37691", true), "2604"], // 5.052 x 9,28/36,93 = 1.269,50 -> 1.270; x 9,75/36,93 = 1.333,79 -> 1.334
  ["AK 2026 AOW (SALURE-2026)", akAt(2026, "45592", true), "2840"], // 5.685 x 8,10/35,75 = 1.288,07 -> 1.289; x 9,75/35,75 = 1.550,45 -> 1.551
  // Arbeidskorting 2026 at the AOW-leeftijd: where the table's rows begin (SALURE-2026)
  ["AK 2026 AOW from 11.965", akAt(2026, "11965", true), "498"], // 8,324% x 11.965 = 995,97; x 8,10/35,75 = 225,66 -> 226; x 9,75/35,75 = 271,63 -> 272
  ["AK 2026 AOW from 25.845", akAt(2026, "25845", true), "2647"], // a + b = 5.300 (capped); x 8,10/35,75 = 1.200,84 -> 1.201; x 9,75/35,75 = 1.445,45 -> 1.446
  // Arbeidskorting nil from the published point: the law's amount is already nil there
  ["AK 2022 nil from 109.346 (VERTI-2022)", akAt(2022, "109346"), "0"], // 4.260 - 5,86% x 72.697 = -0,04 -> nihil
  ["AK 2023 nil from 115.295 (VWV-2023)", akAt(2023, "115295"), "0"], // 5.052 - 6,51% x 77.604 = -0,02 -> nihil
  ["AK 2026 nil from 132.920 (SALURE-2026)", akAt(2026, "132920"), "0"], // 5.685 - 6,51% x 87.328 = -0,05 -> nihil
  ["AK 2026 AOW nil from 132.920 (SALURE-2026)", akAt(2026, "132920", true), "0"],
  // Inkomensafhankelijke combinatiekorting, maximum below and at the AOW-leeftijd
  ["IACK 2022 (RENDEMENT-2022)", iackAt(2022, "40000"), "2534"], // 2.534 x 9,42/37,07 = 643,92 -> 644; x 27,65/37,07 = 1.890,08 -> 1.891; 2.535 > 2.534
  ["IACK 2023 from 29.076 (BD-IACK-2023)", iackAt(2023, "29076"), "2694"], // 677 + 2.018 = 2.695 > 2.694
  ["IACK 2024 (FISCALERT-2025)", iackAt(2024, "40000"), "2950"], // 2.950 x 9,32/36,97 = 743,68 -> 744; x 27,65/36,97 = 2.206,32 -> 2.207; 2.951 > 2.950
  ["IACK 2025 (FISCALERT-2025)", iackAt(2025, "40000"), "2986"], // 682 + 2.305 = 2.987 > 2.986
  ["IACK 2026 (FUNDAMENT-2026)", iackAt(2026, "40000"), "3032"], // 687 + 2.346 = 3.033 > 3.032
  ["IACK 2023 AOW from 29.076 (BD-IACK-2023)", iackAt(2023, "29076", true), "1389"], // 2.694 x 9,28/36,93 = 676,97 -> 677; x 9,75/36,93 = 711,25 -> 712
  // Ouderenkorting: maximum and the point from which it is nil
  ["OK 2022 (HRKIOSK-OK)", okAt(2022, "38464"), "1726"], // 849 + 878 = 1.727 > 1.726
  ["OK 2023 (HRKIOSK-OK)", okAt(2023, "40888"), "1835"], // 895 + 941 = 1.836 > 1.835
  ["OK 2024 (HRKIOSK-OK)", okAt(2024, "44770"), "2010"], // 2.010 x 9,32/19,07 = 982,34 -> 983; x 9,75/19,07 = 1.027,66 -> 1.028; 2.011 > 2.010
  ["OK 2025 (FISCALERT-2025)", okAt(2025, "45308"), "2035"], // 2.035 x 8,17/17,92 = 927,79 -> 928; x 9,75/17,92 = 1.107,21 -> 1.108; 2.036 > 2.035
  ["OK 2026 (FUNDAMENT-2026)", okAt(2026, "46002"), "2067"], // 2.067 x 8,10/17,85 = 937,97 -> 938; x 9,75/17,85 = 1.129,03 -> 1.130; 2.068 > 2.067
  ["OK 2022 nil from 49.971 (HRKIOSK-OK)", okAt(2022, "49971"), "0"], // 1.726 - 15% x 11.507 = -0,05 -> nihil
  ["OK 2023 nil from 53.122 (HRKIOSK-OK)", okAt(2023, "53122"), "0"], // 1.835 - 15% x 12.234 = -0,10 -> nihil
  ["OK 2024 nil from 58.170 (HRKIOSK-OK)", okAt(2024, "58170"), "0"], // 2.010 - 15% x 13.400 = 0
  ["OK 2025 nil from 58.875 (BRINKHOEK-2025)", okAt(2025, "58875"), "0"], // 2.035 - 15% x 13.567 = -0,05 -> nihil
  // Alleenstaande ouderenkorting (never more than the law's amount: the parts round to one more)
  ["AOK 2022 (RENDEMENT-2022)", () => alleenstaandeOuderenkorting(2022).value, "449"],
  ["AOK 2023 (VWV-2023)", () => alleenstaandeOuderenkorting(2023).value, "478"],
  ["AOK 2024 (FISCALERT-2025)", () => alleenstaandeOuderenkorting(2024).value, "524"],
  ["AOK 2025 (FISCALERT-2025)", () => alleenstaandeOuderenkorting(2025).value, "531"],
  ["AOK 2026 (FUNDAMENT-2026)", () => alleenstaandeOuderenkorting(2026).value, "540"],
];

describe("the Belastingdienst's published amounts, to the euro", () => {
  test.each(PUBLISHED)("%s", (_, value, expected) => {
    expect(value().toString()).toBe(expected);
  });

  /**
   * A table row's formula begins at an amount in whole euros; the aanslag rounds the parts up, so
   * there it can be a euro more. The tables say so themselves: "Door een verschil in afronden, kan
   * de korting op uw belastingaanslag een enkele euro afwijken van de uitkomst van de berekening in
   * deze tabel. De korting op uw aanslag is juist." (BD-IACK-2023). These are the aanslag's amounts.
   */
  test.each([
    // SALURE-2026 below AOW "vanaf € 11.965: € 996 + ...": 8,324% x 11.965 = 995,97;
    // x 8,10/35,75 = 225,66 -> 226, x 27,65/35,75 = 770,31 -> 771: 997
    ["AK 2026 at 11.965: table 996", akAt(2026, "11965"), "997"],
    // SALURE-2026 below AOW "vanaf € 25.845: € 5.300 + ...": a + b capped at 5.300;
    // x 8,10/35,75 = 1.200,84 -> 1.201, x 27,65/35,75 = 4.099,16 -> 4.100: 5.301 (below the maximum 5.685)
    ["AK 2026 at 25.845: table 5.300", akAt(2026, "25845"), "5301"],
    // BD-IACK-2023 "vanaf € 5.548: 11,45% x (arbeidsinkomen - € 5.547)" = 0,11;
    // x 9,28/36,93 = 0,03 -> 1, x 27,65/36,93 = 0,09 -> 1: 2
    ["IACK 2023 at 5.548: table 0,11", iackAt(2023, "5548"), "2"],
  ])("%s, the aanslag %s", (_, value, expected) => {
    expect(value().toString()).toBe(expected);
  });
});

describe("inkomensafhankelijke bijdrage Zvw (art. 43-45 Zvw)", () => {
  test.each(ZVW)("%i, bijdrage-inkomen %s -> %s", (year, bi, expected) => {
    expect(cents(zvwBijdrage({ year, bijdrageInkomen: d(bi) }).value)).toBe(expected);
  });
});
