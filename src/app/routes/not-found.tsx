import { NotFoundPanel } from '../../components/errors/not-found-panel.tsx';

export default function NotFoundRoute() {
  return <NotFoundPanel />;
}
