/**
 * Two small webpack plugins for the add-in build:
 * - RewriteUrlsPlugin: replaces the development origin in manifest.xml, functions.json and the
 *   help pages by the URL the add-in is built for, and stamps the manifest's <Version> from
 *   package.json (Office caches an add-in by that version: an update must raise it).
 * - HelpPagesPlugin: writes one Dutch help page per custom function (help/<id>.html) and an
 *   index, from the generated functions.json, the examples in help/examples.json and, for
 *   NL.PARAMETER, the names in help/parameters.json (generated from the rules core by a test).
 */
const fs = require("fs");
const path = require("path");
const { Compilation, sources } = require("webpack");

const DEV_ORIGIN = "https://localhost:3000/";

/** The manifest version for a package version: Office wants four parts (0.1.0 -> 0.1.0.0). */
function manifestVersion(version) {
  const parts = version.split("-")[0].split(".");
  while (parts.length < 4) parts.push("0");
  return parts.slice(0, 4).join(".");
}

class RewriteUrlsPlugin {
  constructor(targetOrigin, version) {
    this.targetOrigin = targetOrigin;
    this.version = version;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RewriteUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!/(^|\/)(manifest\.xml|functions\.json)$/.test(name) && !/^help\/.*\.html$/.test(name)) continue;
            let text = assets[name].source().toString().split(DEV_ORIGIN).join(this.targetOrigin);
            if (/manifest\.xml$/.test(name) && this.version) {
              text = text.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(this.version)}</Version>`);
            }
            compilation.updateAsset(name, new sources.RawSource(text));
          }
        },
      );
    });
  }
}

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

const formatResult = (value) => {
  if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
  const digits = Number.isInteger(value) ? 0 : 2;
  return new Intl.NumberFormat("nl-NL", { minimumFractionDigits: digits, maximumFractionDigits: 2 }).format(value);
};

function page(title, body) {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · NL Aftrek</title>
<link rel="stylesheet" href="help.css">
</head>
<body>
<header><a href="index.html"><img src="../assets/icon-32.png" alt="" width="32" height="32"> NL Aftrek · Help</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

const UNITS = { EUR: "euro", procent: "procent (als fractie)", uren: "uren", aantal: "aantal", jaren: "jaren", "ja/nee": "ja/nee" };

/** The names NL.PARAMETER takes, as a table (help/parameters.json). */
function parameterNames(names) {
  const rows = names
    .map(
      (p) =>
        `<tr><th scope="row"><code>${escapeHtml(p.naam)}</code></th><td>${escapeHtml(p.omschrijving)}</td><td>${escapeHtml(UNITS[p.eenheid] || p.eenheid)}</td><td>${escapeHtml(p.jaren)}</td></tr>`,
    )
    .join("\n");
  return `<h2 id="namen">Alle namen</h2>
<table><thead><tr><th>Naam</th><th>Betekenis</th><th>Eenheid</th><th>Jaren</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

function functionPage(fn, docs, namespace, names) {
  const params = fn.parameters || [];
  const syntax = `=${namespace}.${fn.name}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join("; ")})`;
  const rows = params
    .map(
      (p) =>
        `<tr><th scope="row"><code>${escapeHtml(p.name)}</code></th><td>${p.optional ? "optioneel" : "verplicht"}${
          p.dimensionality === "matrix" ? ", getal of bereik" : ""
        }</td><td>${escapeHtml(p.description || "")}</td></tr>`,
    )
    .join("\n");
  const examples = (docs.voorbeelden || [])
    .map(
      (e) =>
        `<tr><td><code>${escapeHtml(e.formule)}</code></td><td class="num">${escapeHtml(formatResult(e.uitkomst))}</td><td>${escapeHtml(e.uitleg)}</td></tr>`,
    )
    .join("\n");
  return page(
    `${namespace}.${fn.name}`,
    `<h1><code>${namespace}.${escapeHtml(fn.name)}</code></h1>
<p class="lead">${escapeHtml(fn.description)}</p>
<h2>Syntaxis</h2>
<p><code class="syntax">${escapeHtml(syntax)}</code></p>
<h2>Argumenten</h2>
<table><thead><tr><th>Argument</th><th>Soort</th><th>Betekenis</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Toelichting</h2>
<p>${escapeHtml(docs.toelichting)}</p>
<p>Een lege cel, 0 en een weggelaten argument betekenen hetzelfde, in elke Excel (Windows, Mac en het web).</p>
<h2>Voorbeelden</h2>
<table><thead><tr><th>Formule</th><th>Uitkomst</th><th>Uitleg</th></tr></thead><tbody>
${examples}
</tbody></table>
${fn.id === "PARAMETER" ? parameterNames(names) : ""}
<h2>Foutmeldingen</h2>
<ul>
<li><strong>#WAARDE!</strong> (#VALUE!): een argument klopt niet, bijvoorbeeld tekst waar een bedrag hoort, een negatief bedrag, een aandeel boven 1 of een cel met een gegevenstype (Aandelen, Aardrijkskunde). De melding noemt het argument.</li>
<li><strong>#N/B</strong> (#N/A): voor dit jaar zijn de bedragen (nog) niet bekend. De melding noemt de jaren die wel beschikbaar zijn.</li>
</ul>
<p>Wettekst: <a href="${escapeHtml(docs.artikel)}" rel="noopener">${escapeHtml(docs.artikel)}</a></p>`,
  );
}

function indexPage(functions, namespace) {
  const items = functions
    .map(
      (fn) =>
        `<li><a href="${fn.id.toLowerCase()}.html"><code>${namespace}.${escapeHtml(fn.name)}</code></a> — ${escapeHtml(fn.description)}</li>`,
    )
    .join("\n");
  return page(
    "Formules",
    `<h1>Formules van NL Aftrek</h1>
<p class="lead">Alle formules beginnen met <code>${namespace}.</code> en nemen het belastingjaar als eerste argument (behalve het urencriterium). In Nederlandse Excel scheidt u argumenten met een puntkomma.</p>
<ul class="functions">
${items}
</ul>`,
  );
}

class HelpPagesPlugin {
  constructor({ examplesFile, parametersFile, cssFile, namespace }) {
    this.examplesFile = examplesFile;
    this.parametersFile = parametersFile;
    this.cssFile = cssFile;
    this.namespace = namespace;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagesPlugin", (compilation) => {
      compilation.fileDependencies.add(this.examplesFile);
      compilation.fileDependencies.add(this.parametersFile);
      compilation.hooks.processAssets.tap(
        { name: "HelpPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        (assets) => {
          if (!assets["functions.json"]) return; // metadata failed: webpack reports that error
          const { functions } = JSON.parse(assets["functions.json"].source().toString());
          const examples = JSON.parse(fs.readFileSync(this.examplesFile, "utf8"));
          const names = JSON.parse(fs.readFileSync(this.parametersFile, "utf8"));
          for (const fn of functions) {
            const docs = examples[fn.id];
            if (!docs) {
              compilation.errors.push(new Error(`help/examples.json has no entry for ${fn.id}`));
              continue;
            }
            const file = `help/${fn.id.toLowerCase()}.html`;
            compilation.emitAsset(file, new sources.RawSource(functionPage(fn, docs, this.namespace, names)));
          }
          compilation.emitAsset("help/index.html", new sources.RawSource(indexPage(functions, this.namespace)));
          compilation.emitAsset("help/help.css", new sources.RawSource(fs.readFileSync(this.cssFile)));
        },
      );
    });
  }
}

module.exports = {
  RewriteUrlsPlugin,
  HelpPagesPlugin,
  DEV_ORIGIN,
  manifestVersion,
  helpCss: path.join(__dirname, "../help/help.css"),
};
