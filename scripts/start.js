#!/usr/bin/env node
/**
 * `npm start`: builds the add-in and serves it on https://localhost:3000 (webpack dev server),
 * sideloads it where desktop Excel can be found (with office-addin-dev-settings: the Office
 * developer registry key on Windows, Excel's wef folder on macOS), and otherwise prints how to
 * sideload it in Excel on the web.
 * It keeps serving until you stop it (Ctrl+C).
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const port = require(path.join(root, "package.json")).config.dev_server_port;

/**
 * Registers the manifest with desktop Excel through Office's own tooling (office-addin-dev-settings:
 * the developer registry key on Windows, Excel's wef folder on macOS). Returns a Dutch sentence
 * saying what was done, or null when no desktop Excel was found.
 */
async function sideload() {
  if (process.platform === "darwin") {
    if (!fs.existsSync(path.join(os.homedir(), "Library/Containers/com.microsoft.Excel"))) return null;
  } else if (process.platform === "win32") {
    const excel = spawnSync("reg", ["query", "HKCU\\Software\\Microsoft\\Office\\16.0\\Excel"], { stdio: "ignore" });
    if (excel.status !== 0) return null;
  } else {
    return null;
  }
  const { registerAddIn } = require("office-addin-dev-settings");
  await registerAddIn(manifest);
  return "Add-in geregistreerd voor Excel (ontwikkelaarsmodus). Start Excel opnieuw: NL Aftrek staat onder Start.";
}

function printHowToSideload(caPath) {
  console.log(`
NL Aftrek draait op https://localhost:${port}/taskpane.html

Geen Excel voor desktop gevonden op deze computer. Zo gebruikt u de add-in in Excel op het web:
  1. Vertrouw eenmalig het ontwikkelcertificaat in uw browser: ${caPath}
  2. Open een werkmap in Excel op het web (op deze computer).
  3. Start > Invoegtoepassingen > Meer invoegtoepassingen > Mijn invoegtoepassingen
     > Mijn invoegtoepassing uploaden, en kies:
     ${manifest}
  4. Typ =NL. in een cel, of klik op Start > Ondernemersaftrek.

Stoppen: Ctrl+C.
`);
}

const webpackCli = require.resolve("webpack-cli/bin/cli.js");
const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
  cwd: root,
  stdio: "inherit",
});

let announced = false;
const announce = async () => {
  if (announced) return;
  announced = true;
  let done = null;
  try {
    done = await sideload();
  } catch (error) {
    console.warn(`Sideloaden lukte niet (${error.message}); gebruik de stappen hieronder.`);
  }
  if (done) console.log(`\n${done}\nNL Aftrek draait op https://localhost:${port}/taskpane.html — stoppen: Ctrl+C.\n`);
  else printHowToSideload(require("./dev-certs").caCertificatePath);
};
// Announce once the server has had time to come up; the dev server logs its own progress.
setTimeout(() => void announce(), 4000);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.kill(signal);
  });
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
