import { nietGerealiseerdeZelfstandigenaftrek as ngz } from "../../src/rules/nietGerealiseerdeZelfstandigenaftrek";
import { InvalidInputError } from "../../src/rules/errors";
import { cents, d } from "../helpers";

describe("niet-gerealiseerde zelfstandigenaftrek (art. 3.76 lid 7)", () => {
  test("2026 winst 1.500 with 970 open from 2025 -> 300 used, 670 still open", () => {
    // zelfstandigenaftrek 2026 1.200; room 1.500 - 1.200 = 300
    const result = ngz({ year: 2026, winst: d("1500"), urencriterium: true, open: [{ jaar: 2025, bedrag: d("970") }] });
    expect(cents(result.value)).toBe("300.00");
    expect(cents(result.totaalRestant)).toBe("670.00");
    expect(result.restant.map((o) => [o.jaar, cents(o.bedrag)])).toEqual([[2025, "670.00"]]);
  });

  test("oldest first", () => {
    // room 2026: 5.000 - 1.200 = 3.800; 2023: 2.000 all, 2024: 1.800 of 2.500
    const result = ngz({
      year: 2026,
      winst: d("5000"),
      urencriterium: true,
      open: [
        { jaar: 2024, bedrag: d("2500") },
        { jaar: 2023, bedrag: d("2000") },
      ],
    });
    expect(cents(result.value)).toBe("3800.00");
    expect(result.restant.map((o) => [o.jaar, cents(o.bedrag)])).toEqual([[2024, "700.00"]]);
  });

  test("amounts older than 9 years have expired", () => {
    // in 2026 an amount of 2017 is still usable (2017 + 9 = 2026), one of 2016 is not
    const result = ngz({
      year: 2026,
      winst: d("100000"),
      urencriterium: true,
      open: [
        { jaar: 2016, bedrag: d("1000") },
        { jaar: 2017, bedrag: d("500") },
      ],
    });
    expect(cents(result.value)).toBe("500.00");
    expect(cents(result.totaalRestant)).toBe("0.00");
  });

  test("without the urencriterium nothing is used and nothing new arises", () => {
    const result = ngz({
      year: 2026,
      winst: d("50000"),
      urencriterium: false,
      open: [{ jaar: 2025, bedrag: d("970") }],
    });
    expect(cents(result.value)).toBe("0.00");
    expect(cents(result.totaalRestant)).toBe("970.00");
  });

  test("a low winst this year adds a new open amount", () => {
    // 2025 winst 1.500: 970 new; nothing used
    const result = ngz({ year: 2025, winst: d("1500"), urencriterium: true, open: [{ jaar: 2024, bedrag: d("100") }] });
    expect(cents(result.value)).toBe("0.00");
    expect(result.restant.map((o) => [o.jaar, cents(o.bedrag)])).toEqual([
      [2024, "100.00"],
      [2025, "970.00"],
    ]);
  });

  test("a starter: room is the winst minus zelfstandigenaftrek and startersaftrek", () => {
    // 2026: 5.000 - 1.200 - 2.123 = 1.677
    const result = ngz({
      year: 2026,
      winst: d("5000"),
      urencriterium: true,
      startersaftrek: true,
      open: [{ jaar: 2025, bedrag: d("5000") }],
    });
    expect(cents(result.value)).toBe("1677.00");
  });

  test("an open amount of this year or later, or negative, is refused", () => {
    expect(() =>
      ngz({ year: 2026, winst: d("1"), urencriterium: true, open: [{ jaar: 2026, bedrag: d("1") }] }),
    ).toThrow(InvalidInputError);
    expect(() =>
      ngz({ year: 2026, winst: d("1"), urencriterium: true, open: [{ jaar: 2025, bedrag: d("-1") }] }),
    ).toThrow(/negatief/);
  });
});
