import { urencriterium } from "../../src/rules/urencriterium";
import { InvalidInputError } from "../../src/rules/errors";
import { d } from "../helpers";

const meets = (uren: string, overig = "0", starter = false, verlaagd = false): boolean =>
  urencriterium({ uren: d(uren), urenOverigWerk: d(overig), starter, verlaagd }).value;

describe("urencriterium (art. 3.6)", () => {
  test("600 hours: no", () => expect(meets("600")).toBe(false));
  test("1.224 hours: no", () => expect(meets("1224")).toBe(false));
  test("1.224,99 hours: no", () => expect(meets("1224.99")).toBe(false));
  test("1.225 hours: yes", () => expect(meets("1225")).toBe(true));
  test("1.450 hours: yes", () => expect(meets("1450")).toBe(true));

  test("1.300 business + 1.600 employment: yes for a starter, no otherwise", () => {
    expect(meets("1300", "1600", true)).toBe(true);
    expect(meets("1300", "1600", false)).toBe(false);
  });

  test("1.225 + 1.225: no (not more than half of the working time)", () => {
    expect(meets("1225", "1225")).toBe(false);
    expect(meets("1225", "1224")).toBe(true);
  });

  test("verlaagd urencriterium (art. 3.78a lid 3): 850 hours yes, 799 no, 800 yes", () => {
    expect(meets("850", "0", false, true)).toBe(true);
    expect(meets("799", "0", false, true)).toBe(false);
    expect(meets("800", "0", false, true)).toBe(true);
    expect(meets("850", "900", false, true)).toBe(false); // the time test applies here too
  });

  test("negative hours are refused", () => {
    expect(() => meets("-1")).toThrow(InvalidInputError);
    expect(() => meets("1300", "-5")).toThrow(/uren_overig_werk/);
  });
});
