#!/usr/bin/env node
/**
 * `npm run release -- --url https://intranet.example.nl/nl-aftrek/`: builds the add-in for the URL
 * a firm hosts it at and writes
 *   release/nl-aftrek-<versie>.zip  everything to put on the web server, under that URL
 *   release/manifest.xml            what to upload in the Microsoft 365 admin center
 * and checks that every URL in the manifest is https, under the URL, and a file in the zip.
 * `--out <map>` writes them elsewhere than release/.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { zipSync } = require("fflate");
const { URL } = require("url");
const { manifestVersion } = require("./webpack-plugins");

const root = path.resolve(__dirname, "..");
const pkg = require(path.join(root, "package.json"));

const USAGE = `Gebruik: npm run release -- --url https://uw-server.nl/nl-aftrek/

Geef het https-adres waar de add-in op uw webserver komt te staan (de map waarin u de inhoud van
de zip zet). Voorbeeld: npm run release -- --url https://intranet.kantoor.nl/nl-aftrek/`;

class ReleaseError extends Error {}

/** The URL from the arguments, normalised to end with '/'; a ReleaseError when it is not usable. */
function parseUrl(argv) {
  const i = argv.findIndex((a) => a === "--url" || a.startsWith("--url="));
  const raw = i < 0 ? undefined : argv[i].includes("=") ? argv[i].slice(6) : argv[i + 1];
  if (!raw) throw new ReleaseError(`Geen adres opgegeven.\n\n${USAGE}`);
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new ReleaseError(`'${raw}' is geen geldig adres.\n\n${USAGE}`);
  }
  if (url.protocol !== "https:") throw new ReleaseError(`Office laadt add-ins alleen via https: '${raw}'.\n\n${USAGE}`);
  if (["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) {
    throw new ReleaseError(
      `Een release is voor een server die collega's bereiken, niet voor ${url.hostname}; gebruik npm start om lokaal te werken.`,
    );
  }
  if (url.search || url.hash) throw new ReleaseError(`Het adres mag geen ? of # bevatten: '${raw}'.`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Every file below `dir`, as paths relative to it with '/'. */
function filesIn(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesIn(full, base) : [path.relative(base, full).split(path.sep).join("/")];
  });
}

/** Every URL the manifest names (DefaultValue and Override Value attributes, and <...Url> elements). */
function manifestUrls(xml) {
  const urls = new Set();
  for (const m of xml.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)) urls.add(m[1]);
  for (const m of xml.matchAll(
    /<(?:SourceLocation|IconUrl|HighResolutionIconUrl|SupportUrl)[^>]*>\s*(https?:\/\/[^<\s]+)/g,
  ))
    urls.add(m[1]);
  return [...urls];
}

/** Checks the released manifest against the zip's files; returns the problems, in Dutch. */
function checkManifest(xml, base, files) {
  const problems = [];
  const inZip = new Set(files);
  for (const url of manifestUrls(xml)) {
    if (!url.startsWith("https://")) problems.push(`niet via https: ${url}`);
    else if (/^https:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url)) problems.push(`wijst naar deze computer: ${url}`);
    else if (!url.startsWith(base)) problems.push(`ligt niet onder ${base}: ${url}`);
    else if (!inZip.has(decodeURI(url.slice(base.length).split(/[?#]/)[0])))
      problems.push(`staat niet in de zip: ${url}`);
  }
  return problems;
}

async function release(argv, { log = console.log, out = path.join(root, "release") } = {}) {
  const url = parseUrl(argv);
  const build = fs.mkdtempSync(path.join(os.tmpdir(), "nl-aftrek-release-"));
  try {
    log(`Bouwen voor ${url} ...`);
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", build],
      {
        cwd: root,
        env: { ...process.env, NL_AFTREK_URL: url },
        stdio: "pipe",
      },
    );
    // Source maps stay out of what a firm hosts; the manifest goes to the admin center, not the server.
    const files = filesIn(build)
      .filter((f) => !f.endsWith(".map") && f !== "manifest.xml")
      .sort();
    const manifestFile = path.join(build, "manifest.xml");
    const xml = fs.readFileSync(manifestFile, "utf8");
    // office-addin-manifest's own parser (offline); required here so that the pure helpers above load without it.
    const { OfficeAddinManifest } = require("office-addin-manifest");
    const info = await OfficeAddinManifest.readManifestFile(manifestFile);
    const expected = manifestVersion(pkg.version);
    if (info.version !== expected) {
      throw new ReleaseError(`De manifestversie (${info.version}) volgt package.json niet (${expected}).`);
    }
    const problems = checkManifest(xml, url, files);
    if (problems.length) throw new ReleaseError(`Het manifest klopt niet met de zip:\n  ${problems.join("\n  ")}`);

    fs.mkdirSync(out, { recursive: true });
    const zipName = `nl-aftrek-${pkg.version}.zip`;
    const entries = Object.fromEntries(files.map((f) => [f, new Uint8Array(fs.readFileSync(path.join(build, f)))]));
    fs.writeFileSync(path.join(out, zipName), zipSync(entries, { level: 9 }));
    fs.writeFileSync(path.join(out, "manifest.xml"), xml);
    log(`\nKlaar: versie ${info.version} voor ${url}`);
    const shown = path.relative(root, out) || ".";
    log(`  ${shown}/${zipName}   zet de inhoud op de webserver, zodat ${url}taskpane.html bestaat`);
    log(`  ${shown}/manifest.xml  upload dit in het Microsoft 365-beheercentrum (Geïntegreerde apps)`);
    log("\nInhoud van de zip:");
    for (const f of files) log(`  ${String(fs.statSync(path.join(build, f)).size).padStart(9)}  ${f}`);
    log("\nZie docs/uitrol.md voor de webserver (https, headers, caching) en de uitrol.");
    return {
      url,
      version: info.version,
      zip: path.join(out, zipName),
      manifest: path.join(out, "manifest.xml"),
      files,
    };
  } finally {
    fs.rmSync(build, { recursive: true, force: true });
  }
}

module.exports = { release, parseUrl, manifestUrls, checkManifest, ReleaseError };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const o = argv.indexOf("--out");
  const options = o >= 0 ? { out: path.resolve(argv[o + 1]) } : {};
  release(argv, options).catch((error) => {
    if (error instanceof ReleaseError) {
      console.error(`Fout: ${error.message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(2);
  });
}
