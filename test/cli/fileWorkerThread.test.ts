/**
 * Recalc's first file worker starts with the process (bin/nl-aftrek.js), so that it boots while the
 * command line loads: the first job gets that worker, booted already, and a run that ends without
 * a job for it (a usage error, --help, nothing found) ends at once, as before. Run through the
 * compiled command (lib/, built by `npm test` first), where the workers exist.
 */
import { spawnSync } from "child_process";
import { join } from "path";
import { enclosingLib } from "../../src/engine/threads/pool";

const root = join(__dirname, "../..");
const cli = join(root, "bin/nl-aftrek.js");

/** The installed command's exit code; it must end by itself within the timeout. */
function exitCode(...args: string[]): number | null {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 30000 });
  expect(run.error).toBeUndefined(); // not killed for hanging
  return run.status;
}

test("a recalc that gives its early worker no job ends at once, with its usual exit code", () => {
  expect(exitCode("recalc", "--help")).toBe(0);
  expect(exitCode("recalc")).toBe(1); // no workbook named
  expect(exitCode("recalc", "--jobs", "nul")).toBe(1);
  expect(exitCode("recalc", join(root, "bestaat-niet.xlsx"))).toBe(2);
});

test("the file worker runs from one file, its modules bundled (webpack.cli.config.js)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const threads = require(join(root, "lib/cli/fileWorkerThread.js")) as typeof import("../../src/cli/fileWorkerThread");
  expect(threads.fileWorkerScript()).toBe(join(root, "lib/cli/fileWorker.bundle.js"));
  // From there, the threads it starts itself (the NL threads) are found in lib/ as from the modules.
  expect(enclosingLib(join(root, "lib/cli"))).toBe(join(root, "lib"));
  expect(enclosingLib(join(root, "lib/engine/threads"))).toBe(join(root, "lib"));
  expect(enclosingLib(join(root, "lib"))).toBe(join(root, "lib"));
});

test("the first job gets the worker started early, booted by then; the next a new one", async () => {
  // The compiled module, as bin/nl-aftrek.js loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const threads = require(join(root, "lib/cli/fileWorkerThread.js")) as typeof import("../../src/cli/fileWorkerThread");
  const script = threads.fileWorkerScript()!;
  threads.startFileWorkerEarly();
  await new Promise((resolve) => setTimeout(resolve, 5000)); // a boot takes some 60 ms
  const first = threads.fileWorkerThread(script);
  const second = threads.fileWorkerThread(script);
  try {
    expect(first.ready).toBe(true); // booted while this thread waited
    expect(second.ready).toBe(false); // started just now
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});
