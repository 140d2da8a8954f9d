// Every list of the web app can be exported (导出 CSV fetches 100 rows a request, the client's
// EXPORT_PAGE): each of the client's own operations that pages by `$first` must fit the complexity limit
// at that page size, with its counts asked for, as Apollo sends it (with __typename). A field added to
// a list's fragment once pushed the portal's entity results over the limit, and its export failed.
import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLString,
  Kind,
  getNamedType,
  typeFromAST,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { addTypename, readClientDocuments } from '../bench/client-documents';
import { enforceLimits } from './limits';
import { buildAppSchema } from './schema';

const EXPORT_PAGE = 100;

/** Variables that reach every list at its largest: `first` at the export's page, every Boolean switch on, required scalars filled in. */
function largestVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = getNamedType(typeFromAST(schema, definition.type as never));
    if (name === 'first') variables[name] = EXPORT_PAGE;
    else if (type === GraphQLBoolean) variables[name] = true;
    else if (definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue) {
      if (type === GraphQLInt) variables[name] = 1;
      else if (type === GraphQLString || type === GraphQLID) variables[name] = 'x';
    }
  }
  return variables;
}

describe("the web app's lists at the export's page size", () => {
  it('every operation paged by $first fits the complexity limit with 100 rows and its counts', async () => {
    const schema = await buildAppSchema();
    const tooComplex: string[] = [];
    let paged = 0;
    for (const [name, document] of readClientDocuments()) {
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      if (!operation.variableDefinitions?.some((v) => v.variable.name.value === 'first')) continue;
      paged++;
      try {
        enforceLimits(schema, addTypename(document), name, largestVariables(schema, operation));
      } catch (error) {
        tooComplex.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(paged).toBeGreaterThan(20);
    expect(tooComplex).toEqual([]);
  });
});
