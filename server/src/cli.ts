#!/usr/bin/env node
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from './config';

/**
 * The operators' commands, reached as `npx spotcheck <command>` through the verifier package's bin
 * (verifier/), which answers `verify-draw` itself and hands the rest here.
 * Each command loads what it needs when it runs: the whole service takes seconds to load, and a
 * backup or a restore needs little of it. (`require`: the build is CommonJS.)
 */
function load<T>(id: string): T {
  return require(id) as T;
}

/** Where the emitted schema is committed; the client's typed operations are generated from it. */
export const SCHEMA_FILE = path.resolve(__dirname, '..', 'schema.graphql');

export async function emittedSchema(): Promise<string> {
  const { lexicographicSortSchema, printSchema } = load<typeof import('graphql')>('graphql');
  const { buildAppSchema } = load<typeof import('./graphql/schema')>('./graphql/schema');
  // Sorted: the order of the types would otherwise follow the order their modules were first loaded in.
  return `${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}

const COMMANDS: Record<string, { help: string; run(args: string[]): Promise<void> }> = {
  'sample-notice': {
    help: 'Write a sample publication notice: spotcheck sample-notice <out.pdf|out.xlsx> [rows]',
    run: async ([file, rows]) => {
      if (!file) throw new Error('usage: spotcheck sample-notice <out.pdf|out.xlsx> [rows]');
      const { writeSampleNotice } = load<typeof import('./modules/notices/sample-notice-file')>('./modules/notices/sample-notice-file');
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
        const { pendingMigrations } = load<typeof import('./db/migration-state')>('./db/migration-state');
        const pending = await pendingMigrations(config.databaseUrl);
        process.stdout.write(pending.length ? `pending: ${pending.join(', ')}\n` : 'up to date\n');
        process.exitCode = pending.length ? 1 : 0;
        return;
      }
      if (flag !== undefined) throw new Error('usage: spotcheck migrate [--check]');
      const { migrateDatabase } = load<typeof import('./app')>('./app');
      const { applied, seeded } = await migrateDatabase(config, config.databaseUrl);
      process.stdout.write(`migrated: ${applied.length} migration(s) applied${seeded ? ', demo seeded' : ''}; job queues installed\n`);
    },
  },
  backup: {
    help: 'Back up the database (DATABASE_URL or the embedded one): spotcheck backup <file>',
    run: async ([file]) => {
      if (!file) throw new Error('usage: spotcheck backup <file>');
      const config = cliConfig();
      const { openDatabase } = load<typeof import('./backup/database-target')>('./backup/database-target');
      const { writeBackup } = load<typeof import('./backup/backup')>('./backup/backup');
      const target = await openDatabase(config, { create: false });
      try {
        const s = await writeBackup(target.url, path.resolve(file));
        process.stdout.write(
          `已将${target.description} 备份到 ${s.file}：${s.tables} 张表 ${s.rows} 行，${s.jobs} 个待运行的后台任务，${(s.bytes / 1024 / 1024).toFixed(1)} MiB（${s.migrations} 个迁移）\n` +
            `证据文件不在备份中：请另行备份 ${config.evidence.storage === 's3' ? `对象存储 ${config.evidence.s3.bucket}` : path.join(config.dataDir, 'objects')}\n`,
        );
      } finally {
        await target.close();
      }
    },
  },
  restore: {
    help: 'Restore a backup into an empty database: spotcheck restore <file> [--force]',
    run: async (args) => {
      const file = args.find((a) => !a.startsWith('--'));
      const unknown = args.filter((a) => a.startsWith('--') && a !== '--force');
      if (!file || unknown.length) throw new Error('usage: spotcheck restore <file> [--force]');
      const config = cliConfig();
      const { openDatabase } = load<typeof import('./backup/database-target')>('./backup/database-target');
      const { restoreBackup } = load<typeof import('./backup/restore')>('./backup/restore');
      const target = await openDatabase(config, { create: true });
      try {
        const s = await restoreBackup(target.url, path.resolve(file), { force: args.includes('--force'), config });
        const jobs = `${s.jobs.restored} 个待运行的后台任务${s.jobs.skipped ? `（${s.jobs.skipped} 个所属任务类型已不存在，未恢复）` : ''}`;
        process.stdout.write(
          `已恢复到${target.description}${s.replaced ? '（覆盖了原有数据）' : ''}：${s.tables} 张表 ${s.rows} 行，${jobs}` +
            `${s.upgradedBy.length ? `；随后执行了备份之后的 ${s.upgradedBy.length} 个迁移` : ''}\n`,
        );
      } finally {
        await target.close();
      }
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

/** The CLI needs the database settings only: production's other requirements (JWT_SECRET) do not apply. */
function cliConfig() {
  return loadConfig({ ...process.env, SPOTCHECK_MODE: 'demo' });
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stdout.write(
      `usage: spotcheck <command>\n${Object.entries(COMMANDS)
        .map(([n, c]) => `  ${n.padEnd(14)}${c.help}`)
        .join('\n')}\n`,
    );
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
