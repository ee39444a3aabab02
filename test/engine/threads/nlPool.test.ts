/**
 * A big workbook's NL calls spread over threads give the same file, byte for byte, as one thread:
 * numbers, WAAR/ONWAAR, errors with their message, a spilled overview, chains of NL formulas
 * (wave after wave) and formulas around an NL call. Run through the compiled command, where the
 * worker threads exist.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { callNl } from "../../../src/engine/evaluate/nlCall";
import { NlBatch, NlCall, NlPool, POOL_THRESHOLD } from "../../../src/engine/threads/nlPool";
import { f, row, s, v, writeWorkbookFile } from "../../helpers/xlsx";

const root = join(__dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-pool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("spread over two threads or computed in one: the same workbook", () => {
  const rows: string[] = [row(1, v("B1", 2025))];
  // 10.000 rows of five NL formulas: as many as the pool's threshold (50.000).
  for (let r = 2; r <= 10001; r++) {
    const investering = r % 97 === 0 ? s(`C${r}`, "veel") : v(`C${r}`, (r * 104729) % 200000);
    rows.push(
      row(
        r,
        v(`A${r}`, 20000 + ((r * 7919) % 150000)),
        v(`B${r}`, 1000 + ((r * 31) % 800)),
        investering,
        f(`D${r}`, `_xldudf_NL_URENCRITERIUM(B${r})`),
        f(`E${r}`, `_xldudf_NL_KIA($B$1,C${r})`),
        f(`F${r}`, `_xldudf_NL_BELASTBAREWINST($B$1,A${r}-E${r},D${r})`),
        f(`G${r}`, `_xldudf_NL_MKBVRIJ($B$1,F${r})*2`),
        f(`H${r}`, `_xldudf_NL_ZELFSTANDIGENAFTREK(${r % 5 === 0 ? 2021 : "$B$1"},D${r},A${r})`),
      ),
    );
  }
  rows.push(row(10002, f("A10002", "_xldudf_NL_OVERZICHT($B$1,A2,D2)")));
  const input = join(dir, "groot.xlsx");
  writeWorkbookFile(input, { sheets: [{ name: "Klanten", data: rows.join("") }] });
  const recalc = (jobs: string, out: string) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [join(root, "bin/nl-aftrek.js"), "recalc", input, "-o", out, "--jobs", jobs, "--json"],
        {
          cwd: root,
          encoding: "utf8",
        },
      ),
    );
  const one = recalc("1", join(dir, "een.xlsx"));
  const two = recalc("2", join(dir, "twee.xlsx"));
  expect(readFileSync(join(dir, "twee.xlsx")).equals(readFileSync(join(dir, "een.xlsx")))).toBe(true);
  expect(two.recalculated).toBe(one.recalculated);
  expect(one.recalculated).toBe(5 * 10000 + 1);
  expect(one.nlFormulas).toBeGreaterThanOrEqual(POOL_THRESHOLD);
  // The text investment (every 97th row) and the year 2021 (every 5th) are errors, in both runs alike.
  expect(two.errors).toEqual(one.errors);
  expect(one.errors.length).toBeGreaterThan(2000);
  expect(one.errors.some((e: { message: string }) => /2021/.test(e.message))).toBe(true);
}, 120000);

describe("a batch goes to a worker only when it is worth the trip", () => {
  /** A pool whose one worker is always free, recording what is sent to it. */
  function stubPool() {
    const sent: number[] = [];
    const pool = {
      idleWorker: () => ({}),
      send: async (_worker: unknown, calls: readonly NlCall[]) => {
        sent.push(calls.length);
        return calls.map((c) => callNl(c.id, c.args));
      },
    };
    return { pool: pool as unknown as NlPool, sent };
  }
  const kia = (amount: number): NlCall => ({ id: "KIA", args: [2025, amount] });

  test("fewer than 64 calls (a chain's wave of one) are made here", async () => {
    const { pool, sent } = stubPool();
    const results = new Map<number, unknown>();
    const batch = new NlBatch(pool, (id, result) => results.set(id, result));
    for (let i = 0; i < 63; i++) batch.add(i, kia(10000));
    await batch.finish();
    expect(sent).toEqual([]);
    expect(results.size).toBe(63);
    expect(results.get(62)).toBe(2800); // 28% x 10.000
  });

  test("64 calls and more are sent", async () => {
    const { pool, sent } = stubPool();
    const results = new Map<number, unknown>();
    const batch = new NlBatch(pool, (id, result) => results.set(id, result));
    for (let i = 0; i < 64; i++) batch.add(i, kia(10000));
    await batch.finish();
    expect(sent).toEqual([64]);
    expect(results.get(63)).toBe(2800);
  });
});
