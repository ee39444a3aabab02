// The "desktop" jest project: empty cells reach the NL functions as 0, as older desktop Excel
// passes them (see test/browser/fakeOffice.js); the headless engine passes them so too.
process.env.NL_AFTREK_EMPTY_CELL = "0";
