#!/usr/bin/env node
/**
 * Gzipped sizes of the built add-in (run `npm run build` first, or pass a dist folder):
 * the JavaScript Excel must load before the custom functions are registered (functions.js),
 * and the task pane's JavaScript, loaded after it and on demand.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function measure(dist) {
  const js = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
  const functions = gzipSize(path.join(dist, "functions.js"));
  const taskpane = js.filter((f) => f !== "functions.js").reduce((sum, f) => sum + gzipSize(path.join(dist, f)), 0);
  return { functionsGzipBytes: functions, taskpaneGzipBytes: taskpane };
}

if (require.main === module) {
  const dist = path.resolve(process.argv[2] || path.join(__dirname, "../dist"));
  const { functionsGzipBytes, taskpaneGzipBytes } = measure(dist);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `JavaScript before the functions register (functions.js, gzip): ${kb(functionsGzipBytes)} (target <= 60 KB)`,
  );
  console.log(`Task pane JavaScript, loaded on demand (gzip):                 ${kb(taskpaneGzipBytes)}`);
}

module.exports = { measure };
