import fs from 'node:fs';
import { isObjectType } from 'graphql';
import { buildAppSchema } from './schema';
import { permissionOf } from './permissions';
import { emittedSchema, SCHEMA_FILE } from '../cli';
import { toGlobalId } from '@spotcheck/shared';
import { MarketEntity } from '../modules/entities/market-entity.entity';

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

  it('checks the permission of every root field before its resolver runs, and of no other field', async () => {
    const schema = await buildAppSchema();
    const anonymous = { viewer: null } as never;
    const unchecked: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      if (!root) continue;
      for (const [name, field] of Object.entries(root.getFields())) {
        if (permissionOf(root, name)?.public) continue;
        try {
          field.resolve!(undefined, {}, anonymous, {} as never);
          unchecked.push(`${root.name}.${name}`);
        } catch (error) {
          if ((error as { extensions?: { code?: string } }).extensions?.code !== 'UNAUTHENTICATED') unchecked.push(`${root.name}.${name}: ${String(error)}`);
        }
      }
    }
    expect(unchecked).toEqual([]);
    // Nested fields resolve without the guard (and without a promise each): a plain field through
    // graphql-js's default resolver, the global id through Node's getter.
    const entity = schema.getType('MarketEntity') as import('graphql').GraphQLObjectType;
    expect(entity.getFields().name!.resolve).toBeUndefined();
    const row = Object.assign(new MarketEntity(), { id: '0f8fad5b-d9cb-469f-a165-70867728950e', name: '某公司' });
    expect(entity.getFields().id!.resolve!(row, {}, anonymous, {} as never)).toBe(toGlobalId('MarketEntity', row.id));
  });
});
