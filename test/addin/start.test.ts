/**
 * `npm start` on a machine without desktop Excel (Linux, CI): it must not crash, must serve the
 * add-in over https on localhost:3000 and must say how to sideload it in Excel on the web.
 */
import { ChildProcess, spawn } from "child_process";
import { request } from "https";
import { join } from "path";

const root = join(__dirname, "../..");

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function waitFor<T>(probe: () => Promise<T>, seconds: number): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

let server: ChildProcess | undefined;
let output = "";
afterAll(() => {
  server?.kill("SIGTERM");
});

test("npm start serves the add-in over https and explains sideloading in Excel on the web", async () => {
  server = spawn(process.execPath, [join(root, "scripts/start.js")], { cwd: root, stdio: "pipe" });
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));

  const metadata = await waitFor(() => get("https://localhost:3000/functions.json"), 90);
  expect(metadata.status).toBe(200);
  expect(JSON.parse(metadata.body).functions.length).toBeGreaterThanOrEqual(6);
  const page = await get("https://localhost:3000/taskpane.html");
  expect(page.body).toContain("functions.js");

  await waitFor(async () => {
    if (!output.includes("Mijn invoegtoepassing uploaden")) throw new Error("not yet");
  }, 20);
  expect(output).toContain(join(root, "manifest.xml"));
  expect(server.exitCode).toBeNull(); // still serving
}, 150000);
