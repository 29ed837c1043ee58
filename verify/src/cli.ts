// workdiary-verify <pack.zip>: checks an evidence pack offline. Exit 0: valid; 1: something in it
// does not verify (the first is named); 2: the file is not an evidence pack.
import { verifyPack } from './verify-pack.ts';
import { NotAPackError, readPack } from './zip.ts';

const USAGE = 'usage: workdiary-verify <evidence-pack.zip>';

export async function main(args: readonly string[], out = process.stdout, err = process.stderr): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  const file = args[0];
  try {
    const verdict = verifyPack(await readPack(file));
    if (!verdict.valid) {
      out.write(`invalid: ${verdict.failure}\n`);
      return 1;
    }
    const { slots, unsigned, seal } = verdict;
    out.write(`valid: ${slots} slot${slots === 1 ? '' : 's'}, ${seal ? `sealed ${seal.sealedAt}` : 'not sealed'}\n`);
    if (unsigned > 0) out.write(`${unsigned} slot${unsigned === 1 ? '' : 's'} unsigned (manual time, or a tracker without a device key)\n`);
    if (seal) out.write(`seal fingerprint ${seal.fingerprint}: compare it with the timesheet's or the approval mail's\n`);
    return 0;
  } catch (error) {
    // Whatever the file holds, the person gets a sentence, never a stack trace.
    const reason = error instanceof NotAPackError ? error.message : `it could not be read (${(error as Error).message})`;
    err.write(`${file}: not an evidence pack: ${reason}\n`);
    return 2;
  }
}
