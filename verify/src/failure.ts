// The first thing in a pack that does not verify, named for a person: "slot …", "receipt #…", "seal".
export class VerifyFailure extends Error {}

export function check(condition: boolean, failure: string): asserts condition {
  if (!condition) throw new VerifyFailure(failure);
}
