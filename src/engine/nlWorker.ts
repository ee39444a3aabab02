/** A worker thread of NlPool: computes the NL calls it is sent, in order. */
import { parentPort } from "worker_threads";
import { callNl, NlArgument } from "./nlCall";

parentPort?.on("message", (calls: [string, NlArgument[]][]) => {
  parentPort!.postMessage(calls.map(([id, args]) => callNl(id, args)));
});
