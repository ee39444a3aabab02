/**
 * Properties of the remaining rules: startersaftrek, S&O-aftrek, KIA for assets not in use,
 * desinvesteringsbijtelling and the KOR.
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import { desinvesteringsbijtelling } from "../../src/rules/desinvesteringsbijtelling";
import { kia } from "../../src/rules/kia";
import { kiaNietInGebruik } from "../../src/rules/kiaNietInGebruik";
import { korHerziening, korResultaat, korToegestaan } from "../../src/rules/kor";
import { soAftrek } from "../../src/rules/soAftrek";
import { startersaftrek } from "../../src/rules/startersaftrek";

const RUNS = { numRuns: 150 };
const year = fc.constantFrom(2022, 2023, 2024, 2025, 2026);
const cents = (max: number, min = 0) =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((c) => new Decimal(c).div(100));
const d = (x: number | string) => new Decimal(x);

test("startersaftrek: 0, 1.061,50 or 2.123, never anything else", () => {
  fc.assert(
    fc.property(
      year,
      fc.boolean(),
      fc.boolean(),
      fc.integer({ min: 0, max: 5 }),
      fc.boolean(),
      (y, uc, starter, keren, aow) => {
        const v = startersaftrek({
          year: y,
          urencriterium: uc,
          starter,
          kerenZelfstandigenaftrek: d(keren),
          aow,
        }).value;
        expect(["0", "1061.5", "2123"]).toContain(v.toString());
        if (!uc || !starter || keren > 2) expect(v.isZero()).toBe(true);
      },
    ),
    RUNS,
  );
});

test("S&O-aftrek: 0 below 500 hours or without urencriterium; the starter increase only adds", () => {
  fc.assert(
    fc.property(
      year,
      fc.boolean(),
      fc.integer({ min: 0, max: 3000 }),
      fc.integer({ min: 0, max: 5 }),
      (y, uc, uren, jaren) => {
        const base = soAftrek({ year: y, urencriterium: uc, soUren: d(uren) }).value;
        const starter = soAftrek({
          year: y,
          urencriterium: uc,
          soUren: d(uren),
          starter: true,
          jarenSoVerklaring: d(jaren),
        }).value;
        if (!uc || uren < 500) expect(base.isZero() && starter.isZero()).toBe(true);
        expect(starter.gte(base)).toBe(true);
      },
    ),
    RUNS,
  );
});

test("KIA for assets not in use: now plus later is the full KIA, now never above the full KIA", () => {
  const asset = fc.record({ bedrag: cents(120000), inUse: fc.boolean(), betaald: cents(120000) });
  fc.assert(
    fc.property(year, fc.array(asset, { maxLength: 6 }), (y, assets) => {
      const full = kia({ year: y, investeringen: assets.map((a) => a.bedrag) }).value;
      const r = kiaNietInGebruik({
        year: y,
        // Never more paid than the asset costs (that is refused as a slip).
        bedrijfsmiddelen: assets.map((a) => ({
          bedrag: a.bedrag,
          betaaldNietInGebruik: a.inUse ? undefined : Decimal.min(a.betaald, a.bedrag),
        })),
      });
      expect(r.value.gte(0) && r.later.gte(0)).toBe(true);
      expect(r.value.plus(r.later).minus(full).abs().lte(0.01)).toBe(true);
    }),
    RUNS,
  );
});

test("desinvesteringsbijtelling: never negative, never above the KIA percentage times the cost", () => {
  fc.assert(
    fc.property(
      year,
      fc.integer({ min: 0, max: 8 }),
      cents(20000),
      cents(400000, 1),
      cents(200000),
      cents(200000),
      (y, back, genoten, investeringsbedrag, prijs, kosten) => {
        // An aftrek is never more than the investment (more is refused as swapped arguments).
        const kiaGenoten = Decimal.min(genoten, investeringsbedrag);
        const v = desinvesteringsbijtelling({
          year: y,
          // Investment years the law text is known for (art. 3.51: that year's rules apply).
          investeringsjaar: Math.max(y - back, 2020),
          kiaGenoten,
          investeringsbedrag,
          overdrachtsprijs: prijs,
          aanschafprijs: kosten,
        }).value;
        expect(v.gte(0)).toBe(true);
        expect(v.lte(kiaGenoten.div(investeringsbedrag).times(kosten).plus(0.005))).toBe(true);
        if (y - Math.max(y - back, 2020) >= 5) expect(v.isZero()).toBe(true);
      },
    ),
    RUNS,
  );
});

test("KOR: allowed only within 20.000; without the KOR btw is neutral; the herziening is at most the btw", () => {
  fc.assert(
    fc.property(
      year,
      cents(40000),
      cents(40000),
      cents(5000),
      cents(2000),
      fc.integer({ min: 0, max: 12 }),
      (y, omzet, vorig, kosten, btw, age) => {
        const ok = korToegestaan({ year: y, omzet, omzetVorigJaar: vorig }).value;
        if (omzet.gt(20000)) expect(ok).toBe(false);
        expect(
          korResultaat({ year: y, omzet, kosten, btwKosten: btw, kor: false }).value.eq(
            omzet.minus(kosten).toDecimalPlaces(2),
          ),
        ).toBe(true);
        const h = korHerziening({ year: y, btwAfgetrokken: btw, jaarIngebruikname: y - age }).value;
        expect(h.gte(0) && h.lte(btw)).toBe(true);
        if (age >= 5) expect(h.isZero()).toBe(true);
      },
    ),
    RUNS,
  );
});
