/** Every tax number of the product, by name. The only place tax constants live. */
import * as kia from "./kia";
import * as mkb from "./mkbWinstvrijstelling";
import * as ondernemersaftrek from "./ondernemersaftrek";
import { Parameter } from "./parameter";
import * as urencriterium from "./urencriterium";

export * from "./parameter";

export const ALL_PARAMETERS: readonly Parameter[] = [
  ...Object.values(kia),
  ...Object.values(ondernemersaftrek),
  ...Object.values(mkb),
  ...Object.values(urencriterium),
];

export function findParameter(name: string): Parameter | undefined {
  const wanted = name.trim().toLowerCase();
  return ALL_PARAMETERS.find((p) => p.name === wanted);
}
