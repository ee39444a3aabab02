/** Every tax number of the product, by name. The only place tax constants live. */
import * as aoStartersaftrek from "./aoStartersaftrek";
import * as box1 from "./box1";
import * as heffingskortingen from "./heffingskortingen";
import * as kia from "./kia";
import * as kor from "./kor";
import * as meewerkaftrek from "./meewerkaftrek";
import * as mkb from "./mkbWinstvrijstelling";
import * as ondernemersaftrek from "./ondernemersaftrek";
import { Parameter } from "./parameter";
import * as soAftrek from "./soAftrek";
import * as stakingsaftrek from "./stakingsaftrek";
import * as urencriterium from "./urencriterium";
import * as zvw from "./zvw";

export * from "./parameter";

export const ALL_PARAMETERS: readonly Parameter[] = [
  ...Object.values(kia),
  ...Object.values(ondernemersaftrek),
  ...Object.values(mkb),
  ...Object.values(urencriterium),
  ...Object.values(aoStartersaftrek),
  ...Object.values(meewerkaftrek),
  ...Object.values(soAftrek),
  ...Object.values(stakingsaftrek),
  ...Object.values(box1),
  ...Object.values(kor),
  ...Object.values(heffingskortingen),
  ...Object.values(zvw),
];

/**
 * The parameters by the rule they belong to (one parameter file each): the audit uses this to see
 * several constants of one rule together, such as the KIA bounds of one year.
 */
export const PARAMETER_GROUPS: Readonly<Record<string, readonly Parameter[]>> = {
  kia: Object.values(kia),
  ondernemersaftrek: Object.values(ondernemersaftrek),
  mkbWinstvrijstelling: Object.values(mkb),
  urencriterium: Object.values(urencriterium),
  aoStartersaftrek: Object.values(aoStartersaftrek),
  meewerkaftrek: Object.values(meewerkaftrek),
  soAftrek: Object.values(soAftrek),
  stakingsaftrek: Object.values(stakingsaftrek),
  box1: Object.values(box1),
  kor: Object.values(kor),
  heffingskortingen: Object.values(heffingskortingen),
  zvw: Object.values(zvw),
};

export function findParameter(name: string): Parameter | undefined {
  const wanted = name.trim().toLowerCase();
  return ALL_PARAMETERS.find((p) => p.name === wanted);
}
