/** A worker thread of `nl-aftrek recalc`: recalculates the files the main thread sends it. */
import { parentPort } from "worker_threads";
import { recalcOne } from "./batch";

parentPort?.on("message", async (job: { input: string; output: string }) => {
  parentPort!.postMessage(await recalcOne(job.input, job.output));
});
