/**
 * Two projects. "web" runs every test with empty cells reaching the NL functions as `null`, as
 * Excel for the web does; "desktop" runs the tests of the functions and the headless engine again
 * with empty cells as 0, as older desktop Excel passes them (test/browser/fakeOffice.js). The
 * formula contract: both give the same results.
 */
const base = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: true }] },
  moduleFileExtensions: ["ts", "js", "json"],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  reporters: ["default", "<rootDir>/test/summaryReporter.js"],
  projects: [
    { ...base, displayName: "web", testMatch: ["**/*.test.ts"] },
    {
      ...base,
      displayName: "desktop",
      setupFiles: ["<rootDir>/test/hosts/desktop.js"],
      testMatch: [
        "<rootDir>/test/functions/**/*.test.ts",
        "<rootDir>/test/engine/{engine,workbook,emptyCells}.test.ts",
        "<rootDir>/test/engine/threads/nlPool.test.ts",
        "<rootDir>/test/taskpane/block.test.ts",
        "<rootDir>/test/docs/badInput.test.ts",
        "<rootDir>/test/addin/helpExamples.test.ts",
      ],
    },
  ],
};
