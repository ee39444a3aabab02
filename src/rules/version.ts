/** Engine version (kept equal to package.json by a test) and the date the parameters were last checked. */
export const ENGINE_VERSION = "0.1.0";
export const PARAMETERS_CHECKED_ON = "2026-11-22";
