import fs from 'node:fs';
import path from 'node:path';
import { parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

const CLIENT_SRC = path.resolve(__dirname, '../../../client/src');
const LITERAL = /graphql\(`([\s\S]*?)`\)/g;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'gql' ? [] : sources(full);
    return /\.tsx?$/.test(d.name) ? [full] : [];
  });
}

let definitions: { operations: Map<string, OperationDefinitionNode>; fragments: Map<string, FragmentDefinitionNode> } | null = null;

function all() {
  if (definitions) return definitions;
  const operations = new Map<string, OperationDefinitionNode>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of sources(CLIENT_SRC)) {
    for (const [, text] of fs.readFileSync(file, 'utf8').matchAll(LITERAL)) {
      for (const d of parse(text!).definitions as DefinitionNode[]) {
        if (d.kind === 'FragmentDefinition') fragments.set(d.name.value, d);
        else if (d.kind === 'OperationDefinition' && d.name) operations.set(d.name.value, d);
      }
    }
  }
  return (definitions = { operations, fragments });
}

/**
 * The document the web app sends for one of its named operations, as written in client/src (the
 * `graphql(…)` literals the client's codegen compiles): the operation and every fragment it spreads.
 */
export function clientOperation(name: string): string {
  const { operations, fragments } = all();
  const operation = operations.get(name);
  if (!operation) throw new Error(`client/src has no operation ${name}`);
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (used.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`client/src has no fragment ${name}`);
        used.set(name, fragment);
        collect(fragment);
      },
    });
  collect(operation);
  return [operation, ...used.values()].map((d) => print(d)).join('\n');
}
