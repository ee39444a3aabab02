/**
 * Browser test harness: a production build of the add-in in a temporary folder, served from
 * 127.0.0.1, and Debian's Chromium driven by playwright-core. office.js requests are answered by
 * Microsoft's real library from the @microsoft/office-js package (a plain browser: Office.onReady
 * without a host) or by the fake (an Excel host: the object model the real library only has
 * inside Excel).
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { createServer, Server } from "http";
import { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize } from "path";
import { Browser, chromium, Page } from "playwright-core";

const root = join(__dirname, "../..");
export const artifacts = join(root, "test-artifacts");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/**";
const OFFICE_JS = join(root, "node_modules/@microsoft/office-js/dist");

/** What office.js's CDN would answer, from the npm package: /lib/1/hosted/<file>. */
export function officeJsFile(url: string): string | null {
  const m = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/.exec(url.split("?")[0]);
  if (!m) return null;
  const file = normalize(join(OFFICE_JS, decodeURIComponent(m[1])));
  return file.startsWith(OFFICE_JS) && existsSync(file) ? file : null;
}
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
};

export interface Harness {
  browser: Browser;
  origin: string;
  dist: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dist = mkdtempSync(join(tmpdir(), "nl-aftrek-browser-"));
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", dist],
    {
      cwd: root,
      stdio: "pipe",
    },
  );
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium ontbreekt (${executablePath}). Installeer het (Debian: apt-get install chromium) of zet CHROMIUM_PATH.`,
    );
  }
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  mkdirSync(artifacts, { recursive: true });
  return {
    browser,
    origin,
    dist,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/**
 * The two widths of a task pane this project is built for: Office's default on a small screen
 * (320 px) and a pane the user made wider (450 px).
 */
export const PANE_WIDTHS = [320, 450] as const;

/**
 * A task pane, 320 px wide unless `width` says otherwise; `host: "excel"` answers office.js with the
 * fake, "browser" with the real office.js of the npm package, "offline" refuses it (no network at all).
 */
export async function openPane(
  h: Harness,
  host: "excel" | "browser" | "offline",
  options: {
    width?: number;
    height?: number;
    /** "keep": the page's storage is kept from an earlier page of this context (a reopened pane). */
    storage?: "keep";
    /** What Office adds to the page's address when it opens it, e.g. "?_host_Info=Excel$Win32$16.01$nl-NL". */
    query?: string;
  } = {},
): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const viewport = { width: options.width ?? 320, height: options.height ?? 900 };
  const context = await h.browser.newContext({ viewport, locale: "nl-NL" });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  const fake = readFileSync(join(__dirname, "fakeOffice.js"), "utf8");
  await page.route(OFFICE_CDN, (route) => {
    if (host === "excel") return route.fulfill({ contentType: "text/javascript", body: fake });
    const file = host === "browser" ? officeJsFile(route.request().url()) : null;
    if (!file) return route.abort("internetdisconnected");
    return route.fulfill({ contentType: "text/javascript", body: readFileSync(file) });
  });
  if (options.storage !== "keep") {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem("started")) {
        localStorage.clear();
        sessionStorage.setItem("started", "1");
      }
    });
  }
  await page.goto(`${h.origin}/taskpane.html${options.query ?? ""}`);
  await page.waitForSelector("#panel, #start-error");
  return { page, requests, errors };
}

/** A screenshot in test-artifacts/: the whole page, or (`view`) what the pane shows without scrolling. */
export async function screenshot(page: Page, name: string, view: "page" | "view" = "page"): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: view === "page" });
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string; nodes: number }>> {
  // Evaluated through the debugger protocol: the page's CSP (rightly) refuses injected script tags.
  await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
    };
    const result = await w.axe.run();
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}
