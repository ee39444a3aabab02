/**
 * The released add-in on a real web server, as a firm runs it: nginx from Debian with the example
 * configuration of docs/uitrol.md (deploy/nginx-nl-aftrek.conf), HTTPS with a self-signed
 * certificate. Chromium loads every URL the manifest names, checks the content types and caching
 * headers, and that the functions register and the CSP holds.
 *
 * `.ci/run` installs nginx; on a developer's machine without it the test says so and stops (in CI
 * a missing nginx is a failure).
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from "child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { unzipSync } from "fflate";
import { createServer } from "net";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { chromium } from "playwright-core";
import { NL_FUNCTIONS } from "../../src/functions/registry";

const root = join(__dirname, "../..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
const HOST = "nl-aftrek.test";
const work = mkdtempSync(join(tmpdir(), "nl-aftrek-nginx-"));
chmodSync(work, 0o755);
let nginx: ChildProcess | undefined;

afterAll(() => {
  nginx?.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const TYPE: Record<string, RegExp> = {
  html: /^text\/html/,
  js: /^text\/javascript/,
  json: /^application\/json/,
  png: /^image\/png/,
  css: /^text\/css/,
};

test("nginx serves the release over HTTPS: every manifest URL, right types and caching, functions register, CSP holds", async () => {
  if (!NGINX) {
    const message = "nginx ontbreekt op deze computer (Debian: apt-get install nginx); deze test is niet uitgevoerd.";
    if (process.env.CI) throw new Error(message);
    console.warn(message);
    return;
  }
  const port = await freePort();
  const base = `https://${HOST}:${port}/nl-aftrek/`;
  const out = join(work, "release");
  execFileSync(process.execPath, [join(root, "scripts/release.js"), "--url", base, "--out", out], {
    cwd: root,
    stdio: "pipe",
  });

  // the zip's contents under /srv/www/nl-aftrek/ of this test
  const www = join(work, "www");
  const files = unzipSync(new Uint8Array(readFileSync(join(out, `nl-aftrek-${pkg.version}.zip`))));
  for (const [name, data] of Object.entries(files)) {
    const file = join(www, "nl-aftrek", name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  spawnSync("chmod", ["-R", "a+rX", work]);

  // a self-signed certificate for the test host
  const cert = join(work, "cert.pem");
  const key = join(work, "key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      `/CN=${HOST}`,
      "-addext",
      `subjectAltName=DNS:${HOST}`,
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "pipe" },
  );

  // the documented example configuration, with this test's host, port, certificate and folder
  const site = readFileSync(join(root, "deploy/nginx-nl-aftrek.conf"), "utf8")
    .replace("listen 443 ssl;", `listen 127.0.0.1:${port} ssl;`)
    .replace("server_name intranet.kantoor.nl;", `server_name ${HOST};`)
    .replace("/etc/ssl/certs/intranet.pem", cert)
    .replace("/etc/ssl/private/intranet.key", key)
    .replace("root /srv/www;", `root ${www};`);
  const conf = join(work, "nginx.conf");
  writeFileSync(
    conf,
    `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 1;
pid ${join(work, "nginx.pid")};
error_log ${join(work, "error.log")};
events { worker_connections 64; }
http {
  access_log ${join(work, "access.log")};
  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;
  ${site}
}
`,
  );
  nginx = spawn(NGINX, ["-p", work, "-c", conf, "-g", "daemon off;"], { stdio: "pipe" });
  let nginxErr = "";
  nginx.stderr?.on("data", (d) => (nginxErr += d));
  await new Promise((r) => setTimeout(r, 700));
  expect(nginxErr).toBe("");

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
      "--ignore-certificate-errors",
    ],
  });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const errors: string[] = [];
    const violations: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
    // Office's CDN is not reachable here: the fake host answers for office.js and collects the registrations.
    const fake = readFileSync(join(root, "test/browser/fakeOffice.js"), "utf8");
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: fake }),
    );
    const response = await page.goto(`${base}taskpane.html`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector("#panel");

    // every URL of the manifest, fetched from the page: status, content type, caching
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    const urls = [...new Set([...manifest.matchAll(/DefaultValue="(https:\/\/[^"]+)"/g)].map((m) => m[1]))];
    expect(urls.length).toBeGreaterThanOrEqual(8);
    const chunk = Object.keys(files).find((f) => /\.[0-9a-f]{8}\.js$/.test(f))!;
    const answers = await page.evaluate(
      async (list) => {
        const out: Array<{ url: string; status: number; type: string; cache: string; nosniff: string }> = [];
        for (const url of list) {
          const r = await fetch(url, { cache: "no-store" });
          out.push({
            url,
            status: r.status,
            type: r.headers.get("content-type") ?? "",
            cache: r.headers.get("cache-control") ?? "",
            nosniff: r.headers.get("x-content-type-options") ?? "",
          });
        }
        return out;
      },
      [...urls, `${base}${chunk}`],
    );
    for (const a of answers) {
      const ext = a.url.split(".").pop()!;
      expect([a.url, a.status]).toEqual([a.url, 200]);
      expect([a.url, TYPE[ext].test(a.type)]).toEqual([a.url, true]);
      expect(a.nosniff).toBe("nosniff");
      if (a.url.endsWith(chunk)) expect(a.cache).toContain("immutable");
      if (/functions\.json$|taskpane\.html$/.test(a.url)) expect(a.cache).toBe("no-cache");
    }
    // the custom functions registered, every one of them
    const registered = await page.evaluate(() =>
      Object.keys((window as unknown as { CustomFunctions: { registered: object } }).CustomFunctions.registered),
    );
    expect(registered.sort()).toEqual(Object.keys(NL_FUNCTIONS).sort());
    await page.fill("#f-winst", "40.000");
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
}, 240000);
