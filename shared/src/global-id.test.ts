import { browserBase64UrlEncode, fromGlobalId, fromGlobalUuid, toGlobalId } from './global-id';

describe('global ids', () => {
  it('round-trips a type and a local id, including non-ASCII', () => {
    const id = toGlobalId('Tenant', '常德-430700');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ type: 'Tenant', id: '常德-430700' });
  });

  it('rejects garbage, missing parts and the wrong type', () => {
    expect(fromGlobalId('***')).toBeNull();
    expect(fromGlobalId(toGlobalId('', 'x').slice(1))).toBeNull();
    const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(fromGlobalUuid(toGlobalId('User', uuid), 'User')).toBe(uuid);
    expect(fromGlobalUuid(toGlobalId('User', uuid), 'Tenant')).toBeNull();
    expect(fromGlobalUuid(toGlobalId('User', 'not-a-uuid'), 'User')).toBeNull();
  });

  it('encodes alike with Node’s Buffer and without it (the browser’s way)', () => {
    for (const [type, id] of [
      ['MarketEntity', '0f8fad5b-d9cb-469f-a165-70867728950e'],
      ['Tenant', '常德-430700'],
      ['X', '😀?>~'],
      ['Draw', ''],
    ]) {
      expect(toGlobalId(type!, id!)).toBe(browserBase64UrlEncode(`${type}:${id}`));
    }
  });
});
