// A contract as the API answers it, for component tests: Dana Dev's active "Backend work" for
// Acme Robotics at $65.00 an hour, 40 h a week; a test overrides what it is about.
import type { Contract } from '#contract/contracts.ts';

export const sampleContract = (over: Partial<Contract> = {}): Contract => ({
  id: '0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e',
  title: 'Backend work',
  company: { id: '1b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e', name: 'Acme Robotics' },
  contractor: { id: '2b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e', name: 'Dana Dev', email: 'dev@demo.test' },
  hourlyRate: 6500,
  currency: 'USD',
  weeklyLimitHours: 40,
  manualTimeAllowed: false,
  timeZone: 'UTC',
  status: 'active',
  privacy: { redactedBillable: true, redactionsPerWeek: 3, blurAll: false },
  nextTerms: null,
  ...over,
});
