/**
 * LibreOffice headless as a peer (npm run bench, npm run peer): where it is installed, and a
 * profile under which it recalculates an .xlsx when it opens it (OOXMLRecalcMode 0: always; by
 * default it keeps the stored results).
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

/** The command that starts LibreOffice, or undefined when it is not installed. */
const soffice = ["soffice", "libreoffice"].find((c) => spawnSync("sh", ["-c", `command -v ${c}`]).status === 0);

/** Makes a profile in `dir` that recalculates on load; returns the -env argument that uses it. */
function recalculatingProfile(dir) {
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "user/registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n',
  );
  return `-env:UserInstallation=file://${dir}`;
}

/** LibreOffice's arguments to recalculate `files` and save them as .xlsx into `outDir`. */
function convertArgs(profileArg, outDir, files) {
  return [profileArg, "--headless", "--calc", "--convert-to", "xlsx", "--outdir", outDir, ...files];
}

module.exports = { soffice, recalculatingProfile, convertArgs };
