#!/usr/bin/env node
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { buildAppSchema } from './graphql/schema';
import { verifyDrawSource } from './verify-draw';
import { writeSampleNotice } from './modules/notices/sample-notice-file';
import { loadConfig } from './config';
import { migrateDatabase } from './app';
import { pendingMigrations } from './db/migration-state';

/** Where the emitted schema is committed; the client's typed operations are generated from it. */
export const SCHEMA_FILE = path.resolve(__dirname, '..', 'schema.graphql');

export async function emittedSchema(): Promise<string> {
  return `${printSchema(await buildAppSchema())}\n`;
}

const COMMANDS: Record<string, { help: string; run(args: string[]): Promise<void> }> = {
  'verify-draw': {
    help: 'Verify a published draw record: spotcheck verify-draw <file-or-url>',
    run: async ([source]) => {
      if (!source) throw new Error('usage: spotcheck verify-draw <file-or-url>');
      const outcome = await verifyDrawSource(source);
      process.stdout.write(`${outcome.message}\n`);
      process.exitCode = outcome.ok ? 0 : 1;
    },
  },
  'sample-notice': {
    help: 'Write a sample publication notice: spotcheck sample-notice <out.pdf|out.xlsx> [rows]',
    run: async ([file, rows]) => {
      if (!file) throw new Error('usage: spotcheck sample-notice <out.pdf|out.xlsx> [rows]');
      const bytes = await writeSampleNotice(file, rows ? Number(rows) : undefined);
      process.stdout.write(`wrote ${path.resolve(file)} (${bytes} bytes)\n`);
    },
  },
  migrate: {
    help: 'Bring DATABASE_URL up to this build (migrations, demo seed in demo mode, job queues) and exit; --check only lists what is pending (exit 1 if anything is)',
    run: async ([flag]) => {
      const config = loadConfig();
      if (!config.databaseUrl) throw new Error('DATABASE_URL is required: the migration step runs against an external PostgreSQL');
      if (flag === '--check') {
        const pending = await pendingMigrations(config.databaseUrl);
        process.stdout.write(pending.length ? `pending: ${pending.join(', ')}\n` : 'up to date\n');
        process.exitCode = pending.length ? 1 : 0;
        return;
      }
      if (flag !== undefined) throw new Error('usage: spotcheck migrate [--check]');
      const { applied, seeded } = await migrateDatabase(config, config.databaseUrl);
      process.stdout.write(`migrated: ${applied.length} migration(s) applied${seeded ? ', demo seeded' : ''}; job queues installed\n`);
    },
  },
  'emit-schema': {
    help: 'Write the GraphQL schema to server/schema.graphql',
    run: async () => {
      fs.writeFileSync(SCHEMA_FILE, await emittedSchema());
      process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
    },
  },
};

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stdout.write(`usage: spotcheck <command>\n${Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(14)}${c.help}`).join('\n')}\n`);
    process.exitCode = name ? 2 : 0;
    return;
  }
  await command.run(args);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
