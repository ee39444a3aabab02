/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: true }] },
  moduleFileExtensions: ["ts", "js", "json"],
  testTimeout: 120000,
  reporters: ["default", "<rootDir>/test/summaryReporter.js"],
};
