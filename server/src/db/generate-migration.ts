/**
 * Writes a TypeORM migration holding the difference between the entities and a database migrated
 * with every committed migration. Usage: npm run migration:generate -w server -- <Name>
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded';
import { createAdminDataSource } from './data-source';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Usage: migration:generate <PascalCaseName>');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-gen-'));
  const pg = await startEmbeddedPostgres(dir, 0);
  try {
    const ds = createAdminDataSource(pg.adminUrl);
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    if (sql.upQueries.length === 0) {
      console.log('No changes: the entities match the migrations.');
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const render = (qs: { query: string; parameters?: unknown[] }[]) =>
      qs.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`).join('\n');
    const file = path.join(__dirname, '..', '..', 'src', 'db', 'migrations', `${stamp}-${name}.ts`);
    fs.writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${render(sql.upQueries)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${render([...sql.downQueries].reverse())}
  }
}
`,
    );
    console.log(`Wrote ${path.relative(process.cwd(), file)}; add ${className} to db/migrations/index.ts.`);
  } finally {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
