/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace, so
 * one value has one text whichever adapter stored it and in whatever key
 * order. It follows JSON.stringify's rules otherwise (toJSON, undefined
 * members dropped, -0 as 0), so a value and its JSON round trip agree. Text
 * is emitted exactly as given: NFC and NFD stay different bytes.
 */
export function canonicalJson(value: unknown): string {
  const text = encode(value, '');
  if (text === undefined) throw new TypeError('the value has no JSON form');
  return text;
}

function encode(value: unknown, key: string): string | undefined {
  const json = value as { toJSON?: (key: string) => unknown } | null;
  if (json !== null && typeof json === 'object' && typeof json.toJSON === 'function') value = json.toJSON(key);
  switch (typeof value) {
    case 'number':
      // JSON.stringify writes Infinity and NaN as null: two values, one text. Neither has a JSON form.
      if (!Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('a BigInt has no JSON form');
    case 'object':
      if (value === null) return 'null';
      // Boxed primitives (new String('x')) serialise as their primitive, as in JSON.stringify.
      if (value instanceof String || value instanceof Number || value instanceof Boolean) return JSON.stringify(value.valueOf());
      return Array.isArray(value) ? encodeArray(value) : encodeObject(value as Record<string, unknown>);
    default:
      return undefined;
  }
}

// String concatenation rather than arrays and join: this runs for every appended event.
function encodeArray(items: unknown[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0) text += ',';
    text += encode(items[index], String(index)) ?? 'null';
  }
  return `${text}]`;
}

function encodeObject(object: Record<string, unknown>): string {
  let text = '{';
  for (const key of Object.keys(object).sort()) {
    const member = encode(object[key], key);
    if (member === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${member}`;
  }
  return `${text}}`;
}
