// Which cluster worker a process is (1..N), read from the environment the primary forks it with (cluster.ts). A
// replacement keeps the number of the worker it replaces, so a job that must run once per server (the mail sender
// and the author digests, instrumentation.ts) runs in worker 1 and no other. No imports: the app bundle reads it.
export const workerNumberVariable = 'LEDGER_WORKER';

/** This process's worker number, or null when it is not a cluster worker (a single process, `next dev`, a script). */
export function workerNumber(environment: Record<string, string | undefined> = process.env): number | null {
  const number = Number(environment[workerNumberVariable]);
  return Number.isInteger(number) && number >= 1 ? number : null;
}

/** Whether the once-per-server jobs run here: in a single process, or in worker 1 of a cluster. */
export function runsServerJobs(environment: Record<string, string | undefined> = process.env): boolean {
  return (workerNumber(environment) ?? 1) === 1;
}
