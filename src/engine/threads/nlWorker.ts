/** A worker thread of NlPool: makes the NL calls it is sent, in order. */
import { callNl } from "../evaluate/nlCall";
import type { NlChunk } from "./nlPool";
import { serve } from "./pool";

serve((calls: NlChunk) => calls.map(([id, args]) => callNl(id, args)));
