/** A worker thread of NlPool: makes the NL calls it is sent, in order, and counts the chunks done. */
import { parentPort, workerData } from "worker_threads";
import { callNl, NlArgument } from "./evaluate/nlCall";

const done: Int32Array = workerData.done;
Atomics.store(done, 1, 1); // the rules are loaded: ready for calls

parentPort?.on("message", ({ seq, calls }: { seq: number; calls: [string, NlArgument[]][] }) => {
  const results = calls.map(([id, args]) => callNl(id, args));
  Atomics.add(done, 0, 1);
  parentPort!.postMessage({ seq, results });
});
