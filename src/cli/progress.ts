/**
 * Progress of one long recalculation, as lines for the terminal: nothing for a file done within a
 * second, after that at most one line a second, so that a 100.000-row workbook shows it is busy
 * and a folder of small ones is not flooded.
 */
import type { RecalcProgress } from "../engine/recalcInterface";
import { dutchCount } from "../rules/dutch";

export function progressLines(
  name: string,
  write: (line: string) => void,
  clock: () => number = Date.now,
  every = 1000,
): (progress: RecalcProgress) => void {
  let last = clock();
  return (progress) => {
    const now = clock();
    if (now - last < every) return;
    last = now;
    write(`${name}: ${describe(progress)}`);
  };
}

function describe({ phase, done, total }: RecalcProgress): string {
  if (phase === "rekenen") return `rekenen, ${dutchCount(done)} van ${dutchCount(total)} cellen`;
  return phase === "lezen" ? "lezen" : `schrijven (${dutchCount(total)} cellen)`;
}
