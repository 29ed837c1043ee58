/** Start loading `target` when the pointer rests on, or focus reaches, the control leading to it. */
export function prefetchOn<T>(prefetch: ((target: T) => void) | undefined, target: T) {
  return { onPointerEnter: () => prefetch?.(target), onFocus: () => prefetch?.(target) };
}
