/**
 * The custom functions register themselves (`CustomFunctions.associate`, added to each module at
 * build time). Only Excel provides that API; in a plain browser (the pane as a standalone scenario
 * calculator) there is none, and registering does nothing. Imported first by functions.ts.
 */
const scope = globalThis as unknown as { CustomFunctions?: { associate?: unknown } };
if (!scope.CustomFunctions || typeof scope.CustomFunctions.associate !== "function") {
  scope.CustomFunctions = { ...(scope.CustomFunctions ?? {}), associate: () => undefined };
}
export {};
