// `npm run admin -- verify-chain [--contract ID]`: recomputes each contract's chain of receipts
// and holds its slots against it (server/services/chain-verify.ts). Exit codes: 0 every chain
// holds, 1 one does not (the first broken link or slot is named), 2 no such contract.
import type { Database } from '#server/db/client.ts';
import { findContractIds } from '#server/data/contracts.ts';
import { verifyContractChain } from '#server/services/chain-verify.ts';

export const CHAIN_USAGE = `  verify-chain   [--contract ID]                        recompute the chains of receipts; name the first broken link`;

export async function verifyChainCommand(database: Database, values: { contract?: string }): Promise<number> {
  const all = await findContractIds(database);
  const ids = values.contract ? all.filter((id) => id === values.contract) : all;
  if (values.contract && ids.length === 0) {
    console.error(`No contract ${values.contract}. \`npm run admin -- list\` shows the contracts.`);
    return 2;
  }
  let broken = 0;
  for (const id of ids) {
    const r = await verifyContractChain(database, id);
    if (r.problem) broken++;
    console.log(r.problem ? `BROKEN  contract ${id}: ${r.problem}` : `ok      contract ${id}: ${r.receipts} receipts, ${r.slots} slots`);
  }
  console.log(broken ? `\n${broken} of ${ids.length} chains do not hold.` : `\nAll ${ids.length} chains hold.`);
  return broken ? 1 : 0;
}
