/**
 * Runs tasks one after another in the order given, whatever each one's outcome:
 * a failed task rejects its own promise and the next still runs.
 */
export function serialQueue() {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
}
