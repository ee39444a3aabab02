/**
 * The file worker of `nl-aftrek recalc` as one file (npm run build:cli, after tsc has compiled
 * src/ to lib/): lib/cli/fileWorker.bundle.js. A worker thread loads its modules itself, on the
 * path of every recalculation; one file instead of some 110 cuts that load from some 80 ms to 30
 * (measured on this project's bench machine). The bundle is the compiled modules as they are:
 * no minifying, no other transformation, so that its code is the code the tests run.
 */
const path = require("path");

const lib = path.resolve(__dirname, "lib");

module.exports = {
  mode: "none",
  target: "node20",
  context: lib,
  entry: { "cli/fileWorker.bundle": "./cli/fileWorker.js" },
  output: { path: lib, filename: "[name].js", library: { type: "commonjs2" } },
  // HyperFormula (2 MB) is loaded only for the formulas that need it: from node_modules, when they do.
  externals: [/^hyperformula(\/|$)/],
  externalsType: "commonjs",
  // The modules' own file names (engine/threads/pool.ts finds the other workers from them).
  node: { __dirname: false, __filename: false },
  devtool: false,
  stats: "errors-warnings",
  performance: { hints: false },
};
