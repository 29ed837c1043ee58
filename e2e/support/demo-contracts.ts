// The demo's contracts as the signed-in user sees them, by contractor.
import { expect, type Page } from '@playwright/test';

export interface ContractInfo {
  id: string;
  hourlyRate: number;
  currency: string;
  contractor: { email: string };
}

/** The designer's contract (manual time, a weekly cap he goes over). */
export async function designerContract(page: Page): Promise<ContractInfo> {
  const { contracts } = (await (await page.request.get('/api/contracts')).json()) as { contracts: ContractInfo[] };
  const contract = contracts.find((c) => c.contractor.email === 'designer@demo.test');
  expect(contract, 'the designer’s contract').toBeTruthy();
  return contract!;
}
