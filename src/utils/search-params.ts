// The URL state of a page, written in one fixed order so equal states give equal links.

/** `prev` with `changes` applied (null removes a key); `keepOthers` carries keys outside `order`. */
export function orderedParams<Key extends string>(
  prev: URLSearchParams,
  order: readonly Key[],
  changes: Partial<Record<Key, string | null>>,
  keepOthers = false,
): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of order) {
    const value = key in changes ? changes[key] : prev.get(key);
    if (value) next.set(key, value);
  }
  if (keepOthers) for (const [k, v] of prev) if (!(order as readonly string[]).includes(k)) next.set(k, v);
  return next;
}
