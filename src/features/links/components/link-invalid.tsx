// The one page for a link from a mail that cannot be used: used already, expired, or never sent.
// It never says which (a link tells nothing about an account), and always offers a way on.
import { Link } from 'react-router';
import { LINK_INVALID } from '#contract/invitations.ts';
import { PublicCard } from '#src/components/ui/public-card.tsx';
import './links.css';

export function LinkInvalid({ askFor = 'Ask the person who sent it for a new one, or sign in if you have an account.' }: { askFor?: string }) {
  return (
    <PublicCard tabTitle={LINK_INVALID} title={LINK_INVALID} lead={`It was used already, it expired, or it is not a link we sent. ${askFor}`}>
      <div className="public-card__actions">
        <Link className="btn btn--primary btn--block" to="/login">
          Sign in
        </Link>
        <Link className="btn btn--ghost btn--block" to="/forgot">
          Get a new password link
        </Link>
      </div>
    </PublicCard>
  );
}
