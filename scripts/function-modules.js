/**
 * The modules whose `@customfunction` JSDoc defines the NL functions. Webpack's metadata plugin
 * makes Excel's functions.json from them, and function-list.js makes the headless engine's list
 * (src/functions/functionList.ts) from the same metadata.
 */
module.exports = [
  "./src/functions/functions.ts",
  "./src/functions/ondernemersaftrekFunctions.ts",
  "./src/functions/investeringFunctions.ts",
  "./src/functions/inkomstenbelastingFunctions.ts",
  "./src/functions/korFunctions.ts",
  "./src/functions/heffingskortingFunctions.ts",
  "./src/functions/infoFunctions.ts",
];
