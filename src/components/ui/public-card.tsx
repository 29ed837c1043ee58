// The frame of the pages one reaches without a session (signing in, "forgot password", and the
// links in mails: an invitation, a password reset): the sign-in card, with a title and a line under it.
import type { ReactNode } from 'react';
import { Logo } from './logo.tsx';

/** `foot`: a line under the card. */
export function PublicCard({ tabTitle, title, lead, foot, children }: { tabTitle: string; title: string; lead?: ReactNode; foot?: ReactNode; children?: ReactNode }) {
  return (
    <main className="login-page">
      <title>{`${tabTitle} · workdiary`}</title>
      <div className="login-card">
        <div className="login-card__brand">
          <Logo />
        </div>
        <h1 className="login-card__title">{title}</h1>
        {lead && <p className="login-card__lead">{lead}</p>}
        {children}
      </div>
      {foot && <p className="login-page__foot">{foot}</p>}
    </main>
  );
}
