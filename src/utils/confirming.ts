// A confirmation dialog's open state for one mutation: closing it while the mutation runs does
// nothing (the answer is on its way), and closing it clears the last error for the next try.
import { useState } from 'react';

export function useConfirming(mutation: { isPending: boolean; reset: () => void }) {
  const [open, setOpen] = useState(false);
  const close = () => {
    if (mutation.isPending) return;
    setOpen(false);
    mutation.reset();
  };
  return { open, setOpen, close };
}
