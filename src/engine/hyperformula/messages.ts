/**
 * HyperFormula's error messages in Dutch: what the CLI shows beside an error code that
 * HyperFormula gave (`nl-aftrek eval`, the errors of a recalculation). HyperFormula writes them in
 * English only (src/error-message.ts); a message not in this table is shown as it is, marked as
 * HyperFormula's.
 */
import { TEXT_TOO_LONG } from "../excel/textLimit";

const DUTCH: Readonly<Record<string, string>> = {
  "Distinct signs.": "Het getal en de stap (significantie of veelvoud) hebben een verschillend teken.",
  "Wrong number of arguments.": "Verkeerd aantal argumenten.",
  "Empty function argument.": "Een argument van de functie is leeg.",
  "Empty array not allowed.": "Een lege matrix kan hier niet.",
  "Array dimensions are not compatible.": "De afmetingen van de matrices passen niet bij elkaar.",
  "Range dimensions are not compatible with the window size and the stride.":
    "De afmetingen van het bereik passen niet bij de venstergrootte en de stap.",
  "No space for array result.": "Er is geen ruimte voor de matrixuitkomst.",
  "Value too small.": "De waarde is te klein.",
  "Value too large.": "De waarde is te groot.",
  "Incorrect criterion.": "Het criterium is niet juist.",
  "Range spans more than one sheet.": "Het bereik loopt over meer dan één blad.",
  "Cell range expected.": "Hier hoort een celbereik.",
  "Wrong range dimension.": "Het bereik heeft de verkeerde afmetingen.",
  "Cell range not allowed.": "Een celbereik kan hier niet; hier hoort één waarde.",
  "Value cannot be coerced to number.": "De waarde is geen getal.",
  "Number argument expected.": "Hier hoort een getal.",
  "Value needs to be an integer.": "De waarde moet een geheel getal zijn.",
  "Mode not recognized.": "De modus is onbekend.",
  "Date outside of bounds.": "De datum valt buiten het bereik dat Excel kent.",
  "Resulting reference is out of the sheet.": "De verwijzing die eruit komt, valt buiten het blad.",
  "Wrong type of argument.": "Een argument is van de verkeerde soort.",
  "NaN or infinite value encountered.": "De uitkomst is geen getal of oneindig.",
  "Ranges need to be of equal length.": "De bereiken moeten even groot zijn.",
  "Value cannot be negative.": "De waarde kan niet negatief zijn.",
  "String does not represent a binary number.": "De tekst is geen binair getal.",
  "String does not represent an octal number.": "De tekst is geen octaal getal.",
  "String does not represent a hexadecimal number.": "De tekst is geen hexadecimaal getal.",
  "End period needs to be at least start period.": "De eindperiode moet minstens de beginperiode zijn.",
  "Cell reference expected.": "Hier hoort een celverwijzing.",
  "Empty range not allowed.": "Een leeg bereik kan hier niet.",
  "Address is not correct.": "Het adres is niet juist.",
  "Number-only range expected.": "Hier hoort een bereik met alleen getallen.",
  "Value not found.": "De waarde is niet gevonden.",
  "Value in base too large.": "De waarde in dit talstelsel is te groot.",
  "Value in base too small.": "De waarde in dit talstelsel is te klein.",
  "Value in base too long.": "De waarde in dit talstelsel is te lang.",
  "Length cannot be negative.": "De lengte kan niet negatief zijn.",
  "Pattern not found.": "Het patroon is niet gevonden.",
  "Needs at least one value.": "Er is minstens één waarde nodig.",
  "Range needs to contain at least two elements.": "Het bereik moet minstens twee waarden bevatten.",
  "Range needs to contain at least three elements.": "Het bereik moet minstens drie waarden bevatten.",
  "All x values are equal.": "Alle x-waarden zijn gelijk.",
  "Index out of bounds.": "De index valt buiten het bereik.",
  "Index too large.": "De index is te groot.",
  "Expected formula.": "Hier hoort een formule.",
  "Count cannot be negative.": "Het aantal kan niet negatief zijn.",
  "Parsing error.": "De formule is niet te lezen.",
  "Sheet does not exist.": "Het blad bestaat niet.",
  "Period number cannot exceed life length.": "De periode kan niet langer zijn dan de levensduur.",
  "Invalid date.": "De datum is ongeldig.",
  "Result of bitshift is too long.": "De uitkomst van de bitverschuiving is te lang.",
  "Empty-string argument not allowed.": "Een lege tekst kan hier niet.",
  "Length out of bounds.": "De lengte valt buiten het bereik.",
  "Time cannot be negative.": "De tijd kan niet negatief zijn.",
  "No default option.": "Er is geen standaardkeuze.",
  "None of the conditions were met.": "Aan geen van de voorwaarden is voldaan.",
  "Selector cannot exceed the number of arguments.": "De keuze kan niet groter zijn dan het aantal argumenten.",
  "Start date needs to be earlier than end date.": "De begindatum moet vóór de einddatum liggen.",
  "String does not represent correct DateTime.": "De tekst is geen geldige datum of tijd.",
  "Character code out of bounds.": "De tekencode valt buiten het bereik.",
  "Argument cannot be 0.": "Het argument kan niet 0 zijn.",
  "Argument cannot be less than 1.": "Het argument kan niet kleiner dan 1 zijn.",
  "Incorrect weekend bitmask string.": "De tekst voor de weekenddagen is niet juist.",
  "Invalid roman numeral.": "Dit is geen geldig Romeins getal.",
  "Wrong order of values.": "De waarden staan in de verkeerde volgorde.",
  "Complex number expected.": "Hier hoort een complex getal.",
  "Should be 'i' or 'j'.": "Dit moet 'i' of 'j' zijn.",
  "Array dimensions mismatched.": "De afmetingen van de matrices komen niet overeen.",
  "Result exceeds the maximum allowed length.": TEXT_TOO_LONG,
};

const PATTERNS: ReadonlyArray<readonly [RegExp, (name: string) => string]> = [
  [/^Function name (.+) not recognized\.$/, (name) => `De functie ${name} is onbekend.`],
  [/^Named expression (.+) not recognized\.$/, (name) => `De naam ${name} is onbekend.`],
];

/** HyperFormula's message in Dutch; one it does not know, marked as HyperFormula's. */
export function dutchEngineMessage(message: string): string {
  const known = DUTCH[message];
  if (known) return known;
  for (const [pattern, dutch] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return dutch(m[1]);
  }
  return `Melding van HyperFormula: ${message}`;
}
