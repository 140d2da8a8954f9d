/**
 * Typed operations from the committed server schema: every `graphql(`…`)` in src/ becomes a
 * TypedDocumentNode with its result and variable types, generated into src/gql/ (not committed: the
 * build and the type check generate it first, from files in the repository only).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumType: 'string-literal',
        // Unknown scalars fail the generation instead of turning into `any`.
        strictScalars: true,
        scalars: { DateTimeISO: 'string', Date: 'string', JSON: 'unknown' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        skipTypeNameForRoot: true,
      },
    },
  },
  silent: true,
};

export default config;
