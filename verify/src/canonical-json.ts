// Canonical JSON, RFC 8785 (JCS), written for the verifier on its own so that a mistake in the
// server's copy is not repeated here. JavaScript's own serialisation already matches JCS for
// literals, numbers (ECMAScript Number-to-String) and strings; JCS adds the key order.

/** The canonical JSON text of a value parsed from JSON. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // JCS orders members by the UTF-16 code units of their names: the default sort's order.
    const names = Object.keys(record)
      .filter((name) => record[name] !== undefined)
      .sort();
    return `{${names.map((name) => `${JSON.stringify(name)}:${canonicalJson(record[name])}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no ${typeof value}`);
}
