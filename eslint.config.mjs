import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "lib/", "node_modules/", "coverage/", "test-artifacts/", "bench/results.json"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        setTimeout: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/browser/*.js"],
    languageOptions: { sourceType: "script", globals: { window: "readonly", localStorage: "readonly" } },
  },
  {
    files: ["src/rules/**/*.ts"],
    rules: {
      // The rules core is pure: no Office, no DOM, no I/O.
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window", "fetch"],
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "path", "**/functions/**", "**/taskpane/**", "**/engine/**"] },
      ],
    },
  },
  {
    // The custom functions hand Excel's arguments (a fixed signature) to the call log as they came.
    files: ["src/functions/**/*.ts"],
    rules: { "prefer-rest-params": "off" },
  },
  {
    files: ["src/workbook/**/*.ts"],
    rules: {
      // The package reader and writer know files, not tax rules or evaluation.
      "no-restricted-imports": [
        "error",
        { patterns: ["**/rules/**", "**/functions/**", "**/engine/**", "**/taskpane/**", "**/cli/**", "**/audit/**"] },
      ],
    },
  },
);
