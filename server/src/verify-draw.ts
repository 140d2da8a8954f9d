import fs from 'node:fs/promises';
import { DRAW_ALGORITHMS, verifyDraw, type DrawRecord } from '@spotcheck/shared';
import { nativeSha256 } from './modules/draws/native-sha256';

/**
 * Reads a draw record from a file or an http(s) URL and re-runs it with the shared algorithm.
 * Reading problems throw (exit 2); a record that does not reproduce is `ok: false` (exit 1).
 */
export async function verifyDrawSource(source: string): Promise<{ ok: boolean; message: string }> {
  const text = /^https?:\/\//i.test(source) ? await fetchText(source) : await fs.readFile(source, 'utf8');
  let record: DrawRecord;
  try {
    record = JSON.parse(text) as DrawRecord;
  } catch {
    return { ok: false, message: `不是有效的 JSON：${source}` };
  }
  if (!record || typeof record !== 'object' || !(DRAW_ALGORITHMS as readonly unknown[]).includes(record.format)) {
    return { ok: false, message: `不是 ${DRAW_ALGORITHMS.join(' 或 ')} 格式的摇号记录` };
  }
  if (!record.serverSeed) return { ok: false, message: '服务器种子尚未公开：该摇号还未进行，只能核对名单哈希和承诺值' };
  const result = verifyDraw(record, { sha256: nativeSha256 });
  if (result.ok) {
    const teams = record.result?.teams.length ?? 0;
    return { ok: true, message: `核验通过：名单哈希 ${record.inputHash}，种子 ${record.seed}，复现 ${teams} 个检查对象及其检查组` };
  }
  return { ok: false, message: `核验失败（${result.code}）：${result.reason}` };
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`下载失败：HTTP ${response.status} ${url}`);
  return response.text();
}
