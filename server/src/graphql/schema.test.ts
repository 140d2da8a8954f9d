import fs from 'node:fs';
import { isObjectType } from 'graphql';
import { buildAppSchema } from './schema';
import { permissionOf } from './permissions';
import { emittedSchema, SCHEMA_FILE } from '../cli';

describe('schema', () => {
  it('is committed as emitted (run `npm run schema -w server` after changing it)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await emittedSchema());
  });

  it('declares a permission on every root field (the global check fails closed otherwise)', async () => {
    const schema = await buildAppSchema();
    const undeclared: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      if (!root || !isObjectType(root)) continue;
      for (const name of Object.keys(root.getFields())) if (!permissionOf(root, name)) undeclared.push(`${root.name}.${name}`);
    }
    expect(undeclared).toEqual([]);
  });
});
