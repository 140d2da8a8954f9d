/**
 * Each `graphql(`…`)` call in src/ becomes an import of its own generated document, as the codegen client
 * preset's Babel plugin does, and each document is a module of its own (its line of src/gql/graphql.ts).
 * Without this every page would load the preset's map of all documents (about 0.5 MB of syntax trees, the
 * biggest part of the first load): a bundle splits by module, and graphql.ts is one module. With it each
 * route's chunk carries only the documents it sends.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const GENERATED = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;
const PREFIX = '\0spotcheck-gql:';
const DEFINITION = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/** The generated constant's name: `LoginDocument` for `mutation Login`, `XFieldsFragmentDoc` for `fragment XFields`. */
function documentName(source: string, file: string): string {
  const match = DEFINITION.exec(source);
  if (!match) throw new Error(`${file}: a graphql() document without a named operation or fragment`);
  return match[1] === 'fragment' ? `${match[2]}FragmentDoc` : `${match[2]}Document`;
}

function readDocuments(generated: string): Map<string, string> {
  return new Map([...readFileSync(generated, 'utf8').matchAll(GENERATED)].map((m) => [m[1], m[2]]));
}

export function gqlDocuments(srcDir: string): Plugin {
  const generated = path.join(srcDir, 'gql', 'graphql.ts');
  let documents = new Map<string, string>();
  return {
    name: 'spotcheck-gql-documents',
    enforce: 'pre',
    buildStart() {
      documents = readDocuments(generated);
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const name = id.slice(PREFIX.length);
      return `export const ${name} = JSON.parse(${JSON.stringify(documents.get(name))});`;
    },
    transform(code, id) {
      const file = id.split('?')[0];
      if (!/\.tsx?$/.test(file) || !file.startsWith(srcDir) || file.startsWith(path.join(srcDir, 'gql'))) return null;
      if (!code.includes('graphql(')) return null;
      const names = new Set<string>();
      const rewritten = code.replace(CALL, (_, source: string) => {
        const name = documentName(source, file);
        // The dev server reads the file once at its start; a codegen run since then may have added this one.
        if (!documents.has(name)) documents = readDocuments(generated);
        if (!documents.has(name)) throw new Error(`${file}: ${name} is not in src/gql/graphql.ts (run the codegen)`);
        names.add(name);
        return name;
      });
      if (names.size === 0) return null;
      const imports = [...names].map((name) => `import { ${name} } from '${PREFIX}${name}';`).join('\n');
      return { code: `${imports}\n${rewritten}`, map: null };
    },
  };
}
