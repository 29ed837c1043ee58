// Canonical JSON per RFC 8785 (JCS) for the values receipts hold: objects with their keys
// sorted by UTF-16 code units, arrays, strings, finite numbers, booleans and null, with no
// whitespace. JSON.stringify already writes strings and numbers the way JCS asks (ECMAScript's
// own serialisation), so only the key order and the refusals are ours.
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value !== 'object') throw new TypeError(`canonical JSON has no ${typeof value}`);
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units, as JCS does.
  const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
}
