/**
 * `work`, or an error once `ms` have passed without its answer: for a wait on something
 * outside the process (a database, a disk) that may never answer. The work itself goes on;
 * its late answer, or its failure, is dropped.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
