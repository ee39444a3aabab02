/** Runs the nl-aftrek command line, in-process or in a process of its own, and collects what it prints. */
import { spawnSync } from "child_process";
import { join } from "path";
import { main } from "../../src/cli/main";

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

/**
 * The command line in a process of its own (the built lib/, as `npx nl-aftrek` runs it): its exit
 * code, what it printed, and the most memory the process held (its peak resident set, worker
 * threads included), in MB.
 */
export function runCliProcess(...argv: string[]): { code: number; out: string; err: string; peakMB: number } {
  return runCliProcessWith({}, ...argv);
}

/** runCliProcess with more environment variables (NL_AFTREK_GEHEUGEN_MB: a smaller memory budget). */
export function runCliProcessWith(
  env: Readonly<Record<string, string>>,
  ...argv: string[]
): { code: number; out: string; err: string; peakMB: number } {
  const script = `
    const out = [], err = [];
    require(${JSON.stringify(join(__dirname, "../../lib/cli/main.js"))})
      .main(${JSON.stringify(argv)}, { out: (t) => out.push(t), err: (t) => err.push(t) })
      .then((code) => process.stdout.write(JSON.stringify({ code, out: out.join("\\n"), err: err.join("\\n"), rss: peak() })));
    // The peak of this process since it started: Linux's VmHWM (begun anew at exec). maxRSS is the
    // fallback elsewhere; on Linux it starts from the parent's peak at the fork, so a test that
    // made a big workbook first would be measured at its own size.
    function peak() {
      try {
        return Number(/VmHWM:\\s*(\\d+) kB/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]);
      } catch {
        return process.resourceUsage().maxRSS;
      }
    }
  `;
  const run = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  if (run.status !== 0 || run.stderr) throw new Error(`nl-aftrek stopped (${run.status ?? run.signal}): ${run.stderr}`);
  const { code, out, err, rss } = JSON.parse(run.stdout);
  return { code, out, err, peakMB: rss / 1024 };
}
