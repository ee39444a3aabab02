#!/usr/bin/env node
// The nl-aftrek command. The TypeScript is compiled to lib/ by `npm install` (the prepare script).
let cli;
try {
  // `recalc` does each workbook on a worker thread: the first starts now, and boots while the
  // command line is loaded (lib/cli/fileWorkerThread.js).
  if (process.argv[2] === "recalc") require("../lib/cli/fileWorkerThread.js").startFileWorkerEarly();
  cli = require("../lib/cli/main.js");
} catch (error) {
  if (error.code !== "MODULE_NOT_FOUND") throw error;
  console.error("nl-aftrek is nog niet gebouwd: voer eerst `npm install` (of `npm run build:cli`) uit in de projectmap.");
  process.exit(2);
}
// A reader that closes the pipe (`nl-aftrek controleer map | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  // main answers every error itself (in Dutch, exit code 3); this is the last resort.
  (error) => {
    console.error(cli.internalError(error));
    process.exitCode = 3;
  },
);
