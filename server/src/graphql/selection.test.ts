import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { buildAppSchema } from './schema';
import { plainColumnFields, plainSelection, selectedFields } from './selection';
import { MarketEntity } from '../modules/entities/market-entity.entity';
import { Inspector } from '../modules/inspectors/inspector.entity';

function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  return { fieldNodes: operation.selectionSet.selections as FieldNode[], fragments };
}

describe('selected fields and plain columns', () => {
  beforeAll(() => buildAppSchema()); // type-graphql's metadata is complete once a schema is built

  it('collects the fields asked under a path through aliases, fragments and inline fragments', () => {
    const info = infoOf(`{ list { edges { node { entity { name } other: entity { uscc ...F } } } } }
      fragment F on MarketEntity { address ... on MarketEntity { id ...F } }`);
    expect(selectedFields(info, ['edges', 'node', 'entity'])).toEqual(new Set(['name', 'uscc', 'address', 'id']));
    expect(selectedFields(info, ['edges', 'node', 'team'])).toEqual(new Set());
  });

  it('counts as plain a column field without a resolver, and the global id', () => {
    const columns = new Set(['tenantId', 'id', 'name', 'uscc', 'address', 'regionCode']);
    const plain = plainColumnFields(MarketEntity, columns);
    expect([...plain.keys()]).toEqual(expect.arrayContaining(['id', 'name', 'uscc', 'address', 'regionCode']));
    expect(plain.has('region')).toBe(false); // a field resolver
    expect(plain.has('supervisingDepartment')).toBe(false);
    expect(plainSelection(MarketEntity, columns, new Set(['id', 'name', '__typename']))).toEqual(new Set(['id', 'tenantId', 'name']));
    expect(plainSelection(MarketEntity, columns, new Set(['name', 'region']))).toBeNull();
    expect(plainSelection(Inspector, new Set(['tenantId', 'id', 'name', 'departmentId']), new Set(['name', 'department']))).toBeNull();
  });
});
