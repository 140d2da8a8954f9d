import fs from 'node:fs';
import path from 'node:path';
import { Kind, print, visit, type DocumentNode, type FieldNode, type SelectionSetNode } from 'graphql';

/**
 * The web app's own GraphQL documents, as it sends them. The client writes each operation with
 * `graphql(`…`)` in its sources; its build (graphql-codegen's client preset) turns every one into a
 * `…Document` constant in client/src/gql/graphql.ts, a DocumentNode printed as JSON on one line, with
 * the fragments it spreads appended. The bench reads that file, so it replays exactly what the app
 * asks, fragments included, and follows every change to a screen's query without a copy here.
 */
export const CLIENT_DOCUMENTS_FILE = path.resolve(__dirname, '../../../client/src/gql/graphql.ts');

const DOCUMENT_LINE = /^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;

/** Every operation document of the client by its operation name (`InspectionAssignments` …). */
export function readClientDocuments(file = CLIENT_DOCUMENTS_FILE): Map<string, DocumentNode> {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: \`npm run build\` (or \`npm run codegen -w client\`) generates it`);
  const documents = new Map<string, DocumentNode>();
  for (const [, name, json] of fs.readFileSync(file, 'utf8').matchAll(DOCUMENT_LINE)) documents.set(name!, JSON.parse(json!) as DocumentNode);
  if (documents.size === 0) throw new Error(`no operation documents in ${file}`);
  return documents;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * Adds `__typename` to every selection set below the operation's root, as Apollo Client's cache
 * does to every document before it goes on the wire.
 */
export function addTypename(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      leave(node: SelectionSetNode, _key, parent) {
        if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
        return { ...node, selections: [...node.selections, TYPENAME] };
      },
    },
  });
}

/** The text of an operation of the client, as its HTTP link sends it. */
export function clientOperation(documents: Map<string, DocumentNode>, name: string): string {
  const document = documents.get(name);
  if (!document) throw new Error(`the client has no operation ${name} (client/src/gql/graphql.ts)`);
  return print(addTypename(document));
}
