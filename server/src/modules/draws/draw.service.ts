import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  DrawInfeasibleError,
  POOL_EXCLUSION_RULES,
  describeExclusions,
  type PoolExclusionRule,
  RISK_CLASS_LABELS,
  type RestrictableRiskClass,
  DrawInputError,
  isCleanText,
  DRAW_VERSION_PSEUDONYMOUS,
  type DrawAlgorithm,
  checkDrawInput,
  commitmentOf,
  freezeDrawInput,
  fromGlobalUuid,
  inputHashOf,
  prepareInput,
  runPreparedDraw,
  toGlobalId,
  type DrawRecord,
  type PreparedInput,
  DEFAULT_PUBLIC_NUMBER_DIGITS,
  MAX_PUBLIC_NUMBER_DIGITS,
  isPublicNumberLength,
  publicNumberProblem,
} from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { AppError, badInput, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { publishOnCommit } from '../../graphql/pubsub';
import { actorOf, appendAudit } from '../audit/audit.service';
import { RuleSetVersion } from '../rules/rule-set.entity';
import { Task, TaskStatus } from '../tasks/task.entity';
import { User } from '../users/user.entity';
import { assertMayCommit, loadTask } from '../tasks/task.service';
import { Draw, DrawStatus, type EntropyEntry } from './draw.entity';
import { buildDrawInput, type PoolSummary } from './pool';
import { packRecord, unpackCommitted, unpackRecord } from './draw-record-store';
import { nativeSha256 } from './native-sha256';
import { saveSelections } from './selections';
import { noticeOfAssignments } from './draw-notices';
import { newDrawSecret, packKeyMap, plainOutcome, pseudonymiseForDraw, unpackKeyMap, type KeyMap } from './pseudonyms';

export const DRAW_TOPIC = 'DRAW_CEREMONY';

/**
 * What the record's `meta` may say of the pool (it is public from the commit): counts per stratum,
 * under the stratum's pseudonym and its item; never a risk class, which with the result and the later
 * 公示 would tell a named entity's class.
 */
function publicSummary(summary: PoolSummary, keyMap: KeyMap | null): PoolSummary {
  if (!keyMap) return summary;
  const pseudonymOf = new Map([...keyMap.strata].map(([p, key]) => [key, p]));
  return { ...summary, strata: summary.strata.map(({ riskLevel: _riskLevel, ...s }) => ({ ...s, key: pseudonymOf.get(s.key) ?? s.key })) };
}

export function assertOffice(ctx: RequestContext, what: string): void {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('OFFICE')) throw forbidden(`${what}须由领导小组办公室办理`);
}

/**
 * Draw failures the caller can act on become RULE_VIOLATION naming the constraint; nothing is written. A
 * stratum the rules emptied says which rule left out how many entities (`excluded`, per rule).
 */
function asRuleViolation(error: unknown, summary?: PoolSummary): never {
  if (error instanceof DrawInfeasibleError) {
    const stratum = error.constraint === 'NO_ELIGIBLE_ENTITIES' ? summary?.strata.find((s) => s.key === error.stratumKey) : undefined;
    if (stratum) {
      const excluded = { ...stratum.excluded };
      const only = summary?.risk
        ? `本任务只抽${summary.risk.classes.map((c) => RISK_CLASS_LABELS[c as RestrictableRiskClass] ?? c).join('、')}对象（其他风险等级 ${summary.risk.otherClasses} 户不在范围内）；`
        : '';
      const message = `“${stratum.item}”${stratum.riskLevel ? `（${stratum.riskLevel}）` : ''}没有符合条件的检查对象，无法按比例 ${stratum.ratio} 抽取。${only}按细则排除：${describeExclusions(excluded)}`;
      const rules = Object.entries(excluded)
        .filter(([, n]) => n > 0)
        .map(([rule, count]) => ({ rule, label: POOL_EXCLUSION_RULES[rule as PoolExclusionRule] ?? rule, count }));
      throw new AppError('RULE_VIOLATION', message, {
        rule: `draw.${error.constraint}`,
        constraint: error.constraint,
        details: error.details,
        item: stratum.item,
        excluded,
        rules,
      });
    }
    throw new AppError('RULE_VIOLATION', error.message, { rule: `draw.${error.constraint}`, constraint: error.constraint, details: error.details });
  }
  if (error instanceof DrawInputError) throw new AppError('RULE_VIOLATION', error.message, { rule: 'draw.input', path: error.path });
  throw error;
}

/**
 * Freezes the task's pool under the current rules and publishes its hash with the commitment to a
 * fresh server seed — before anybody can know the seed's contribution.
 */
/**
 * `heldAt`: the moment of the ceremony, now; the demo seed replays a past ceremony on its own day.
 * `algorithm`: new draws are `spotcheck-draw/2` (pseudonymous record); the demo's old draw replays /1.
 */
export async function commitDraw(
  ctx: RequestContext,
  taskGlobalId: string,
  heldAt = new Date(),
  algorithm: DrawAlgorithm = DRAW_VERSION_PSEUDONYMOUS,
  publicNumberDigits: number | null = DEFAULT_PUBLIC_NUMBER_DIGITS,
): Promise<Draw> {
  const viewer = requireViewer(ctx);
  assertOffice(ctx, '封存名单');
  if (publicNumberDigits !== null && !isPublicNumberLength(publicNumberDigits)) {
    throw badInput([{ field: 'publicNumberDigits', message: `公开号码位数应为 1 到 ${MAX_PUBLIC_NUMBER_DIGITS}` }]);
  }
  return tenantTx(ctx, async (m) => {
    const task = await loadTask(m, taskGlobalId);
    await m.query('SELECT 1 FROM tasks WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [task.tenantId, task.id]);
    if (task.status !== TaskStatus.DRAFT) throw ruleViolation('TASK_STATE', '该任务已封存名单或已摇号');
    await assertMayCommit(m, task);
    const rules = await m.findOneOrFail(RuleSetVersion, { where: {}, order: { version: 'DESC' } });
    const { input: plain, summary } = await buildDrawInput(m, task, rules.rules);
    try {
      // The plain pool is checked first, so that a refusal names the stratum as the office knows it.
      checkDrawInput(plain);
    } catch (error) {
      asRuleViolation(error, summary);
    }
    const pseudonymSecret = algorithm === DRAW_VERSION_PSEUDONYMOUS ? newDrawSecret() : null;
    const pseudonymous = pseudonymSecret ? pseudonymiseForDraw(plain, pseudonymSecret) : null;
    // Pseudonymised (a bijection of keys), the pool is as feasible as the plain one checked above.
    let frozen: ReturnType<typeof freezeDrawInput>;
    try {
      frozen = freezeDrawInput(pseudonymous?.input ?? plain, { sha256: nativeSha256, algorithm });
    } catch (error) {
      asRuleViolation(error, summary);
    }
    const serverSeed = crypto.randomBytes(32).toString('hex');
    const commitment = commitmentOf(serverSeed);
    const record: DrawRecord = {
      format: algorithm,
      algorithm,
      input: frozen.input,
      inputHash: frozen.inputHash,
      commitment,
      serverSeed: null,
      publicEntropy: [],
      seed: '',
      result: null,
      failure: null,
      meta: {
        task: task.title,
        ruleVersion: rules.version,
        summary: publicSummary(summary, pseudonymous?.keyMap ?? null),
        // The entropy plan's public number, announced with the commitment (draw-spec §2 step 3).
        ...(publicNumberDigits !== null ? { publicNumberDigits } : {}),
      },
    };
    const draw = m.create(Draw, {
      tenantId: viewer.tenantId,
      id: crypto.randomUUID(),
      taskId: task.id,
      status: DrawStatus.COMMITTED,
      algorithm,
      inputHash: frozen.inputHash,
      commitment,
      serverSeed,
      ruleVersion: rules.version,
      publicEntropy: [],
      publicNumberDigits,
      summary: summary as unknown as Record<string, unknown>,
      recordGz: await packRecord(record),
      pseudonymSecret,
      keyMapGz: pseudonymous ? await packKeyMap(pseudonymous.keyMap) : null,
      committedAt: heldAt,
      committedBy: viewer.userId,
    });
    await m.insert(Draw, draw as never);
    await m.update(Task, { tenantId: task.tenantId, id: task.id }, { status: TaskStatus.COMMITTED });
    await appendAudit(m, actorOf(ctx), {
      action: 'draw.commit',
      objectType: 'Draw',
      objectId: toGlobalId('Draw', draw.id),
      after: { task: toGlobalId('Task', task.id), inputHash: frozen.inputHash, commitment, ruleVersion: rules.version },
    });
    await publishOnCommit(m, DRAW_TOPIC, { tenantId: viewer.tenantId, drawId: draw.id, phase: 'COMMITTED' });
    return draw;
  });
}

/** A witness (纪检监督 or 领导) enters a value, or the office enters the announced public number, at the ceremony. */
export async function addEntropy(ctx: RequestContext, drawGlobalId: string, kind: EntropyEntry['kind'], value: string): Promise<Draw> {
  const viewer = requireViewer(ctx);
  const allowed = kind === 'WITNESS' ? ['SUPERVISOR', 'LEADER'] : ['OFFICE'];
  if (!viewer.roles.some((r) => allowed.includes(r))) {
    throw forbidden(kind === 'WITNESS' ? '见证值须由纪检监督或领导录入' : '公开号码须由领导小组办公室录入');
  }
  const text = value.trim();
  // A Text of the spec (§3), checked by code point: no C0 control or DEL, no lone surrogate; 200 characters at most.
  if (!isCleanText(text) || [...text].length > 200) throw badInput([{ field: 'value', message: '请输入 1–200 个字符，不含控制字符' }]);
  return tenantTx(ctx, async (m) => {
    const draw = await lockDraw(m, viewer.tenantId, drawGlobalId);
    if (draw.status !== DrawStatus.COMMITTED) throw ruleViolation('DRAW_STATE', '摇号已完成，不能再录入');
    if (kind === 'PUBLIC_NUMBER' && draw.publicEntropy.some((e) => e.kind === 'PUBLIC_NUMBER')) throw ruleViolation('DRAW_ENTROPY', '公开号码已录入');
    const problem = kind === 'PUBLIC_NUMBER' ? publicNumberProblem(text, draw.publicNumberDigits) : null;
    if (problem) throw badInput([{ field: 'value', message: problem }], '公开号码格式有误');
    const person = await m.findOneBy(User, { tenantId: viewer.tenantId, id: viewer.userId });
    const entry: EntropyEntry = { kind, value: text, by: viewer.username, byName: person?.displayName ?? viewer.username, at: new Date().toISOString() };
    const publicEntropy = [...draw.publicEntropy, entry];
    await m.update(Draw, { tenantId: draw.tenantId, id: draw.id }, { publicEntropy: publicEntropy as never });
    await appendAudit(m, actorOf(ctx), { action: 'draw.entropy', objectType: 'Draw', objectId: toGlobalId('Draw', draw.id), after: entry });
    await publishOnCommit(m, DRAW_TOPIC, { tenantId: draw.tenantId, drawId: draw.id, phase: 'ENTROPY' });
    return m.findOneByOrFail(Draw, { tenantId: draw.tenantId, id: draw.id });
  });
}

/**
 * Derives the seed from the committed server seed and the ceremony entropy (witness entries in the
 * order entered, then the public number), draws, stores the whole record and the selections, reveals
 * the server seed — all in one transaction: an infeasible draw or a crash leaves the draw as committed.
 */
export async function performDraw(ctx: RequestContext, drawGlobalId: string, heldAt = new Date()): Promise<Draw> {
  const viewer = requireViewer(ctx);
  assertOffice(ctx, '摇号');
  return tenantTx(ctx, async (m) => {
    const draw = await lockDraw(m, viewer.tenantId, drawGlobalId);
    if (draw.status !== DrawStatus.COMMITTED) throw ruleViolation('DRAW_STATE', '已经摇号');
    const witnesses = draw.publicEntropy.filter((e) => e.kind === 'WITNESS');
    const announced = draw.publicEntropy.filter((e) => e.kind === 'PUBLIC_NUMBER');
    if (!witnesses.length) throw ruleViolation('DRAW_WITNESS', '须至少一名见证人录入见证值后才能摇号');
    if (!announced.length) throw ruleViolation('DRAW_PUBLIC_NUMBER', '须录入事先公告的公开号码后才能摇号');
    const { record: committed, storedInput } = unpackCommitted(draw.recordGz);
    let prepared: PreparedInput;
    let record: DrawRecord;
    try {
      prepared = prepareInput(committed.input);
      // A failure that depends on the seed (a workload cap met by chance) is published like a result:
      // otherwise whoever runs the ceremony could add entropy and try again until they liked the outcome.
      // The seed comes from the hash published at the commit; the input is hashed again below.
      record = runPreparedDraw(
        prepared,
        committed.input,
        draw.serverSeed,
        [...witnesses, ...announced].map((e) => e.value),
        {
          meta: { ...committed.meta, drawId: toGlobalId('Draw', draw.id), committedAt: draw.committedAt.toISOString(), drawnAt: heldAt.toISOString() },
          onInfeasible: 'record',
          inputHash: draw.inputHash,
          algorithm: draw.algorithm as DrawAlgorithm,
        },
      );
    } catch (error) {
      asRuleViolation(error);
    }
    const task = await m.findOneByOrFail(Task, { tenantId: draw.tenantId, id: draw.taskId });
    let recordGz: Buffer | undefined;
    // Node's share of the work, done while PostgreSQL stores the selections.
    const finish = async () => {
      recordGz = await packRecord(record, storedInput);
      // The draw stands only on the input whose hash was published at the commit.
      if (inputHashOf(prepared, nativeSha256, draw.algorithm as DrawAlgorithm) !== draw.inputHash) {
        throw ruleViolation('DRAW_INPUT_HASH', '封存的名单与封存时公布的哈希值不一致，不能摇号');
      }
    };
    // The selections are stored under the plain keys: inside the app the bureau works with names.
    const stored = record.result && draw.keyMapGz ? plainOutcome(record.result, unpackKeyMap(draw.keyMapGz)) : record.result;
    if (stored) await saveSelections(m, draw, task, stored, finish);
    else await finish();
    const drawn = { status: DrawStatus.DRAWN, recordGz: recordGz!, drawnAt: heldAt, drawnBy: viewer.userId };
    await m.update(Draw, { tenantId: draw.tenantId, id: draw.id }, drawn);
    await m.update(Task, { tenantId: task.tenantId, id: task.id }, { status: record.result ? TaskStatus.DRAWN : TaskStatus.CANCELLED });
    if (stored) await noticeOfAssignments(m, draw, task, viewer.userId);
    await appendAudit(m, actorOf(ctx), {
      action: record.result ? 'draw.perform' : 'draw.failed',
      objectType: 'Draw',
      objectId: toGlobalId('Draw', draw.id),
      after: { seed: record.seed, serverSeed: record.serverSeed, selected: record.result?.teams.length ?? 0, failure: record.failure },
    });
    await publishOnCommit(m, DRAW_TOPIC, { tenantId: draw.tenantId, drawId: draw.id, phase: 'DRAWN' });
    // The locked row as just updated: no need to read its record back.
    return Object.assign(draw, drawn);
  });
}

/** The record as it may be shown: the server seed stays hidden until the draw. */
export function publishableRecord(draw: Draw): DrawRecord {
  return unpackRecord(draw.recordGz);
}

async function lockDraw(m: EntityManager, tenantId: string, globalId: string): Promise<Draw> {
  const id = fromGlobalUuid(globalId, 'Draw');
  const draw = id
    ? await m.createQueryBuilder(Draw, 'd').setLock('pessimistic_write').where('d.tenant_id = :t AND d.id = :id', { t: tenantId, id }).getOne()
    : null;
  if (!draw) throw notFound('摇号');
  return draw;
}
