/**
 * Properties of every rule, for every year, on random inputs (fast-check, bounded runs). The law's
 * table edges are written out here from the statute, not read from the code's parameters.
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import { box1 } from "../../src/rules/box1";
import { keten } from "../../src/rules/keten";
import { kia } from "../../src/rules/kia";
import { meewerkaftrek } from "../../src/rules/meewerkaftrek";
import { mkbWinstvrijstelling } from "../../src/rules/mkbWinstvrijstelling";
import { nietGerealiseerdeZelfstandigenaftrek } from "../../src/rules/nietGerealiseerdeZelfstandigenaftrek";
import { stakingsaftrek } from "../../src/rules/stakingsaftrek";
import { startersaftrekArbeidsongeschiktheid } from "../../src/rules/startersaftrekArbeidsongeschiktheid";
import { tariefsaanpassing } from "../../src/rules/tariefsaanpassing";
import { urencriterium } from "../../src/rules/urencriterium";
import { zelfstandigenaftrek } from "../../src/rules/zelfstandigenaftrek";

const RUNS = { numRuns: 150 };
const YEARS = [2022, 2023, 2024, 2025, 2026];
/** Art. 3.41 per year: ondergrens, end of the 28% band, end of the fixed band, upper limit. */
const KIA_EDGES: Record<number, [number, number, number, number]> = {
  2022: [2400, 59939, 110998, 332994],
  2023: [2600, 63716, 117991, 353973],
  2024: [2800, 69765, 129194, 387580],
  2025: [2900, 70602, 130744, 392230],
  2026: [2900, 71683, 132746, 398236],
};
const MKB_MAX_PERCENT = 14; // the highest MKB percentage of 2022-2027

const year = fc.constantFrom(...YEARS);
const cents = (max: number, min = 0) =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((c) => new Decimal(c).div(100));
const d = (x: number | string) => new Decimal(x);

describe("KIA", () => {
  test("never negative, never above 28% of the qualifying total, 0 outside the table", () => {
    fc.assert(
      fc.property(year, fc.array(cents(150000), { maxLength: 12 }), (y, list) => {
        const total = list.filter((a) => a.gte(450)).reduce((s, a) => s.plus(a), d(0));
        const value = kia({ year: y, investeringen: list }).value;
        const [low, , , high] = KIA_EDGES[y];
        expect(value.gte(0)).toBe(true);
        expect(value.lte(total.times(0.28).plus(0.005))).toBe(true);
        if (total.lte(low) || total.gt(high)) expect(value.isZero()).toBe(true);
      }),
      RUNS,
    );
  });

  test("continuous, except where the law jumps (the threshold, the start of the fixed band, the upper limit)", () => {
    fc.assert(
      fc.property(year, cents(420000), (y, x) => {
        const next = x.plus(0.01);
        const edges = KIA_EDGES[y];
        if ([edges[0], edges[1], edges[3]].some((e) => x.lte(e) && next.gt(e))) return; // a jump of the law
        const a = kia({ year: y, investeringen: [x] }).value;
        const b = kia({ year: y, investeringen: [next] }).value;
        expect(b.minus(a).abs().lte(0.01)).toBe(true); // 28% of a cent, rounded
      }),
      RUNS,
    );
  });

  test("a partner's share scales the result", () => {
    fc.assert(
      fc.property(year, cents(400000), fc.integer({ min: 1, max: 100 }), (y, x, pct) => {
        const whole = kia({ year: y, investeringen: [x] }).value;
        const part = kia({ year: y, investeringen: [x], aandeel: d(pct).div(100) }).value;
        expect(part.minus(whole.times(pct).div(100)).abs().lte(0.01)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("zelfstandigenaftrek, startersaftrek bij AO, meewerk-, staking-aftrek", () => {
  test("zelfstandigenaftrek: never negative, capped at max(winst, 0) unless a starter, the cut-off carried forward", () => {
    fc.assert(
      fc.property(
        year,
        cents(20000, -20000),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (y, winst, uc, starter, aow) => {
          const r = zelfstandigenaftrek({ year: y, urencriterium: uc, winst, startersaftrek: starter, aow });
          const full = zelfstandigenaftrek({ year: y, urencriterium: uc, aow }).value;
          expect(r.value.gte(0)).toBe(true);
          if (!starter) expect(r.value.lte(Decimal.max(winst, 0).plus(0.005))).toBe(true);
          expect(r.value.plus(r.nietGerealiseerd).eq(full)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  test("AO-startersaftrek: between 0 and 12.000 and never above the winst", () => {
    fc.assert(
      fc.property(
        year,
        cents(50000, -5000),
        fc.integer({ min: 0, max: 2500 }),
        fc.integer({ min: 0, max: 5 }),
        (y, winst, uren, keren) => {
          const v = startersaftrekArbeidsongeschiktheid({
            year: y,
            winst,
            uren: d(uren),
            aoUitkering: true,
            starter: true,
            kerenEerder: d(keren),
          }).value;
          expect(v.gte(0) && v.lte(12000) && v.lte(Decimal.max(winst, 0))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  test("meewerkaftrek: between 0 and 4% of the winst; stakingsaftrek between 0 and 3.630", () => {
    fc.assert(
      fc.property(year, cents(300000, -50000), fc.integer({ min: 0, max: 4000 }), (y, winst, uren) => {
        const m = meewerkaftrek({ year: y, winst, urenPartner: d(uren), urencriterium: true }).value;
        expect(m.gte(0) && m.lte(Decimal.max(winst, 0).times(0.04).plus(0.005))).toBe(true);
        const s = stakingsaftrek({ year: y, stakingswinst: winst }).value;
        expect(s.gte(0) && s.lte(3630) && s.lte(Decimal.max(winst, 0))).toBe(true);
      }),
      RUNS,
    );
  });

  test("niet-gerealiseerde zelfstandigenaftrek: what is used plus what stays open is what was open plus what is new", () => {
    const open = fc.array(fc.record({ jaar: fc.integer({ min: 2015, max: 2025 }), bedrag: cents(6000) }), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.constant(2026), cents(40000, -5000), fc.boolean(), open, (y, winst, uc, list) => {
        const r = nietGerealiseerdeZelfstandigenaftrek({ year: y, winst, urencriterium: uc, open: list });
        const valid = list.filter((o) => o.jaar >= y - 9).reduce((s, o) => s.plus(o.bedrag), d(0));
        const nieuw = zelfstandigenaftrek({ year: y, urencriterium: uc, winst }).nietGerealiseerd;
        expect(r.value.gte(0)).toBe(true);
        expect(r.value.plus(r.totaalRestant).minus(valid.plus(nieuw)).abs().lte(0.01)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("MKB-winstvrijstelling and the chain", () => {
  test("the exemption has the sign of winst minus ondernemersaftrek and is at most 14% of it", () => {
    fc.assert(
      fc.property(year, cents(500000, -200000), cents(30000), (y, winst, oa) => {
        const base = winst.minus(oa);
        const v = mkbWinstvrijstelling({ year: y, winst, ondernemersaftrek: oa }).value;
        if (!v.isZero()) expect(v.isNegative()).toBe(base.isNegative());
        expect(v.abs().lte(base.abs().times(MKB_MAX_PERCENT).div(100).plus(0.005))).toBe(true);
      }),
      RUNS,
    );
  });

  test("belastbare winst = winst - ondernemersaftrek - MKB-winstvrijstelling, always, to the cent", () => {
    fc.assert(
      fc.property(
        year,
        cents(400000, -100000),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        cents(5000),
        (y, winst, uc, starter, aow, overige) => {
          const k = keten({
            year: y,
            winst,
            urencriterium: uc,
            startersaftrek: starter,
            aow,
            overigeOndernemersaftrek: overige,
          });
          const kl = (key: string) => k.lines.find((l) => l.key === key)!.value;
          expect(
            kl("belastbareWinst").eq(kl("winst").minus(kl("ondernemersaftrek")).minus(kl("mkbWinstvrijstelling"))),
          ).toBe(true);
          expect(kl("belastbareWinst").eq(k.line("belastbareWinst"))).toBe(true);
          // The netto lines add up too, and the kortingen never exceed the tax they reduce.
          expect(kl("heffingskortingen").lte(Decimal.max(kl("totaalBox1"), 0))).toBe(true);
          expect(kl("belastingNaKortingen").eq(kl("totaalBox1").minus(kl("heffingskortingen")))).toBe(true);
          expect(kl("totaalTeBetalen").eq(kl("belastingNaKortingen").plus(kl("zvwBijdrage")))).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe("urencriterium, box 1, tariefsaanpassing", () => {
  test("the urencriterium is monotone in the hours on the business", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.boolean(),
        fc.boolean(),
        (uren, extra, overig, starter, verlaagd) => {
          const at = (u: number) => urencriterium({ uren: d(u), urenOverigWerk: d(overig), starter, verlaagd }).value;
          if (at(uren)) expect(at(uren + extra)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  test("box 1 is never negative and rises with income, except the law's rounding of kolom III (under € 1)", () => {
    fc.assert(
      fc.property(year, cents(250000, -1000), cents(5000), fc.boolean(), (y, income, more, aow) => {
        const a = box1({ year: y, inkomen: income, aow }).value;
        const b = box1({ year: y, inkomen: income.plus(more), aow }).value;
        expect(a.gte(0)).toBe(true);
        expect(b.gte(a.minus(1))).toBe(true);
      }),
      RUNS,
    );
  });

  test("the tariefsaanpassing is between 0 and 12,57% of the posten", () => {
    fc.assert(
      fc.property(year, cents(300000), fc.array(cents(30000, -5000), { maxLength: 4 }), (y, inkomen, posten) => {
        const v = tariefsaanpassing({ year: y, inkomen, aftrekposten: posten }).value;
        const positive = posten.filter((p) => p.gt(0)).reduce((s, p) => s.plus(p), d(0));
        expect(v.gte(0) && v.lte(positive.times(0.1257).plus(0.005))).toBe(true);
      }),
      RUNS,
    );
  });
});
