// A contract's privacy terms in words, wherever they are shown: in a few words on the contract's
// card and the admin console's list, and in full sentences on the invitation the contractor
// accepts, so they know before accepting what a redaction costs and what the client sees.
import type { PrivacyTerms } from './contracts.ts';

/** Redacted screenshots that stay billable a week: none when a redaction always costs its time. */
const billableRedactions = ({ redactedBillable, redactionsPerWeek }: PrivacyTerms) => (redactedBillable ? redactionsPerWeek : 0);

/** The terms in a few words: what a redaction costs, and whether the client sees blurred screenshots. */
export function privacyFacts(terms: PrivacyTerms): string[] {
  const n = billableRedactions(terms);
  const redactions = n > 0 ? `Redactions: ${n} a week billable` : 'Redactions cost the time';
  return terms.blurAll ? [redactions, 'Screenshots blurred for the client'] : [redactions];
}

/** The terms in plain sentences, to the contractor who is about to accept them. */
export function privacySentences(terms: PrivacyTerms): string[] {
  const n = billableRedactions(terms);
  const redactions =
    n > 0 ? `Redacted screenshots: up to ${n} a week ${n === 1 ? 'stays' : 'stay'} billable; past that, redacting a screenshot costs its time.` : 'Redacting a screenshot costs its time.';
  const seen = terms.blurAll
    ? 'Your client sees every screenshot blurred; the originals are kept encrypted and shown to an admin only if a dispute is escalated.'
    : 'Your client sees your screenshots as they are taken, except those you redact.';
  return [redactions, seen];
}
