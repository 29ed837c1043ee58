// The bell in the top bar (bell-button.tsx), loaded after the first screen: the page's own
// script comes first, and the count follows a moment later. Its styles come at once, so the
// top bar keeps its shape.
import { lazy, Suspense } from 'react';
import './bell.css';

const BellButton = lazy(() => import('./bell-button.tsx'));

export function Bell() {
  return (
    <Suspense fallback={null}>
      <BellButton />
    </Suspense>
  );
}
