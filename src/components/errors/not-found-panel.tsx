import { LinkStatePanel } from '#src/components/ui/link-state-panel.tsx';
import { paths } from '#src/config/paths.ts';

/** What a missing page, or a contract the user may not see, looks like (the API says 404 for both). */
export function NotFoundPanel({ title = 'Page not found' }: { title?: string }) {
  return (
    <LinkStatePanel
      center
      primary
      tabTitle={title}
      eyebrow="404"
      title={title}
      text="It does not exist, or you do not have access to it."
      to={paths.contracts.getHref()}
      linkLabel="Go to your contracts"
    />
  );
}
