import { NotFoundPanel } from '#src/components/errors/not-found-panel.tsx';

export default function NotFoundRoute() {
  return <NotFoundPanel />;
}
