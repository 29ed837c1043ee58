// The frame of the pages reached from a mail without a session (an invitation, a password reset,
// "forgot password"): the sign-in page's card, with a title and a line under it.
import type { ReactNode } from 'react';
import { Logo } from '#src/components/ui/logo.tsx';
import './links.css';

export function PublicCard({ tabTitle, title, lead, children }: { tabTitle: string; title: string; lead?: ReactNode; children?: ReactNode }) {
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
    </main>
  );
}
