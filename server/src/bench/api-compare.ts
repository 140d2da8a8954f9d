/**
 * Where the floor's answer differs from the service's: the same keys in the same nesting, lists of the
 * same length, and the same values, except pagination cursors, whose encoding is each server's own,
 * and the moment each read its data at (`dataAsOf`): their presence and type still count. An empty list
 * means the two answered the same.
 */
const OPAQUE = new Set(['cursor', 'startCursor', 'endCursor', 'dataAsOf']);

export function answerDifferences(service: unknown, floor: unknown, path = '', key = ''): string[] {
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (kind(service) !== kind(floor))
    return [`${path || '/'}: service ${JSON.stringify(service)?.slice(0, 120)}, floor ${JSON.stringify(floor)?.slice(0, 120)}`];
  if (Array.isArray(service)) {
    const other = floor as unknown[];
    if (service.length !== other.length) return [`${path}: service has ${service.length} entries, floor ${other.length}`];
    return service.flatMap((v, i) => answerDifferences(v, other[i], `${path}[${i}]`, key));
  }
  if (service !== null && typeof service === 'object') {
    const a = service as Record<string, unknown>;
    const b = floor as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) =>
      k in a && k in b ? answerDifferences(a[k], b[k], `${path}/${k}`, k) : [`${path}/${k}: only the ${k in a ? 'service' : 'floor'} answers it`],
    );
  }
  if (OPAQUE.has(key) || service === floor) return [];
  return [`${path}: service ${JSON.stringify(service)}, floor ${JSON.stringify(floor)}`];
}
