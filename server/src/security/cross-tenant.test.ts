import { buildClientSchema, getIntrospectionQuery, getNamedType, isNonNullType, type GraphQLSchema } from 'graphql';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startTestApp, type GqlResult, type TestApp } from '../test-support/test-app';
import { ID_TABLES, prepareWugang, type ForeignBureau } from './support/foreign-objects';
import { othersSnapshot, ownRowsMentioning } from './support/db-snapshot';
import { idSlots, isListSlot, operationFor, rootField, sampleValue, setAtPath, type IdSlot, type ValueSamples } from './support/id-slots';
import { changdeSamples, prepareChangde, randomId } from './support/changde';
import { listen } from './support/ws-probe';
import { getFile, postFile, sample } from '../test-support/evidence-files';
import { DRAW_TOPIC } from '../modules/draws/draw.service';
import { IMPORT_PROGRESS_TOPIC } from '../modules/imports/import-job.service';

/** 常德's staff, one of each role that reaches different fields. */
const VIEWERS = ['changde.admin', 'changde.leader', 'changde.supervisor', 'changde.head01', 'changde.inspector01'];
const REFUSALS = ['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN'];

/** The type of the global id an argument or input field takes, by its name. */
const ID_NAMES: Record<string, string> = {
  departmentId: 'Department',
  departmentIds: 'Department',
  supervisingDepartmentId: 'Department',
  leadDepartmentId: 'Department',
  userId: 'User',
  headUserId: 'User',
  inspectorId: 'Inspector',
  inspectorIds: 'Inspector',
  entityId: 'MarketEntity',
  itemId: 'InspectionItem',
  itemIds: 'InspectionItem',
  leadItemIds: 'InspectionItem',
  planId: 'AnnualPlan',
  taskId: 'Task',
  drawId: 'Draw',
  participationId: 'JointParticipation',
  inspectionId: 'Inspection',
  parentId: 'Tenant',
  bureauId: 'Tenant',
  entryId: 'CreditListEntry',
};
/** Fields whose `id` is not of the type they return. */
const ID_OF_FIELD: Record<string, string> = {
  revokeSession: 'Session',
  removeEvidence: 'EvidenceFile',
  deleteDepartment: 'Department',
  answerEntityStatement: 'InspectionStatement',
  recordRecheck: 'InspectionStatement',
  approveRoleGrant: 'RoleGrant',
  rejectRoleGrant: 'RoleGrant',
  markNotificationsRead: 'Notification',
  resetUserPassword: 'User',
  reviewCreditEntry: 'CreditListEntry',
  decideCreditRepair: 'CreditRepairRequest',
  reviewCreditRepair: 'CreditRepairRequest',
  receivedReferral: 'Referral',
  recordReferralStep: 'Referral',
};
/** `node(id:)` takes every type. */
const ANY_TYPE = 'Query.node(id)';

const PUBLIC = 'public by design: another bureau’s published data; the staff must see no more than anyone (case below)';
/** Slots that are not called as a refusal, each with the reason and the case that covers it. */
const HAND_WRITTEN: Record<string, string> = {
  'Query.publicItems(bureauId)': PUBLIC,
  'Query.publicListPublications(bureauId)': PUBLIC,
  'Query.publicPlans(bureauId)': PUBLIC,
  'Query.publicInspectors(bureauId)': PUBLIC,
  'Query.publicEntities(bureauId)': PUBLIC,
  'Query.publicDraws(bureauId)': PUBLIC,
  'Query.publicDraw(id)': PUBLIC,
  'Query.publicAuditAnchors(bureauId)': PUBLIC,
  'Query.publicResults(bureauId)': PUBLIC,
  'Query.publicCreditList(bureauId)': PUBLIC,
  'Query.publicResults(itemId)': PUBLIC,
  'Query.publicResults(planId)': PUBLIC,
  'Query.publicResults(taskId)': PUBLIC,
  'Query.publicTaskNotices(bureauId)': PUBLIC,
  'Query.publicTaskNotices(planId)': PUBLIC,
  'Query.publicTaskNotices(itemId)': PUBLIC,
  'Mutation.inviteJointParticipant(departmentId)': 'a joint task may invite any active bureau’s department (case below; joint/joint.test.ts)',
  'Mutation.requestCreditRepair(entryId)':
    'the access code decides the bureau and the entity; another entity’s entry is NOT_FOUND (credit/credit-lists.test.ts); a wrong code is counted against the address',
  'Mutation.proposeReferral(target.departmentId)': 'a record may be referred to any active bureau’s department (referrals/referral.test.ts)',
  'Mutation.transitionInspections(ids)':
    'a batch answers each record: another bureau’s id is NOT_FOUND in its own result, as an unknown id, nothing written or told (inspections/inspection-batch.test.ts)',
  'Subscription.drawCeremony(drawId)': 'over graphql-ws (case below)',
  'Subscription.importJobProgress(id)': 'over graphql-ws (case below)',
};

/** Slots only the platform operator reaches: every bureau's staff is FORBIDDEN before any id is read. */
const PLATFORM_ONLY = ['Mutation.updateTenant(id)'];
/** Slots only a province's viewers reach (another province's ids: draws/province-draws.test.ts). */
const PROVINCE_ONLY = ['Query.provinceDraws(bureauId)', 'Query.provinceDrawKeyMap(drawId)'];

/** Arguments that are optional but make a call complete (a reason where a published object needs one). */
const OPTIONAL_ARGS = new Set(['reason', 'comment', 'message', 'note']);

function slotType(schema: GraphQLSchema, slot: IdSlot): string | null {
  if (slot.key === ANY_TYPE) return '*';
  const name = slot.path[slot.path.length - 1]!;
  if (ID_NAMES[name]) return ID_NAMES[name]!;
  if (name !== 'id' && name !== 'ids') return null;
  if (ID_OF_FIELD[slot.field]) return ID_OF_FIELD[slot.field]!;
  const returned = getNamedType(rootField(schema, slot.root, slot.field).type).name;
  return ID_TABLES[returned] ? returned : null;
}

/** Whether an answer without errors shows nothing: an empty list or connection. */
function isEmptyAnswer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (value && typeof value === 'object' && 'edges' in value) return (value as { edges: unknown[] }).edges.length === 0;
  return false;
}

describe('another bureau’s ids in every query and mutation', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let wugang: ForeignBureau;
  let changdeId: string;
  let tokens: Record<string, string>;
  let own: Record<string, string>;
  let samples: ValueSamples;
  let before: Record<string, string>;

  beforeAll(async () => {
    // Jobs stay queued: a background sweep must not write into the bureaus while their rows are compared.
    t = await startTestApp({ RUN_JOBS: 'false' });
    wugang = await prepareWugang(t);
    [{ id: changdeId }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
    tokens = Object.fromEntries(await Promise.all(VIEWERS.map(async (u) => [u, await t.login(u)] as const)));
    own = await prepareChangde(t, tokens);
    const plan = (
      await t.gql(
        `query($id: ID!) { node(id: $id) { ... on AnnualPlan { year title scope rounds schedule items { ratio rounds } } } }`,
        { id: own.AnnualPlan },
        tokens['changde.admin'],
      )
    ).data.node;
    samples = changdeSamples(own, plan);
    const introspection = await t.gql(getIntrospectionQuery(), {}, tokens['changde.admin']);
    schema = buildClientSchema(introspection.data);
    before = await othersSnapshot(t, changdeId);
  });
  afterAll(() => t.close());

  it('knows what type every ID argument takes, or lists the field with its own case', () => {
    const slots = idSlots(schema);
    const unknown = slots.filter((s) => !HAND_WRITTEN[s.key] && !slotType(schema, s)).map((s) => s.key);
    // A new field taking an ID fails here until it is typed above (ID_NAMES, ID_OF_FIELD) or hand-written.
    expect(unknown).toEqual([]);
    expect(Object.keys(HAND_WRITTEN).filter((k) => !slots.some((s) => s.key === k))).toEqual([]);
    expect(slots.filter((s) => !HAND_WRITTEN[s.key]).length).toBeGreaterThan(50);
  });

  it('refuses them alike for every role, as if they did not exist, and shows none of the bureau’s data', async () => {
    const failures: string[] = [];
    const passedGuard = new Set<string>();
    let called = 0;
    for (const slot of idSlots(schema).filter((s) => !HAND_WRITTEN[s.key])) {
      const type = slotType(schema, slot)!;
      const field = rootField(schema, slot.root, slot.field);
      const targets = type === '*' ? Object.entries(wugang.ids) : [[type, wugang.ids[type]!] as const];
      for (const [targetType, foreignId] of targets) {
        const variables = (id: string) => {
          const vars: Record<string, unknown> = {};
          for (const arg of field.args) {
            if ((isNonNullType(arg.type) && arg.defaultValue === undefined) || OPTIONAL_ARGS.has(arg.name))
              vars[arg.name] = sampleValue(arg.type, samples, arg.name);
          }
          setAtPath(vars, slot.path, id, isListSlot(field, slot.path));
          return vars;
        };
        const operation = operationFor(schema, slot.root, slot.field, 3, targetType);
        const unknownId = randomId(targetType);
        for (const viewer of VIEWERS) {
          called += 1;
          const answer = await t.gql(operation, variables(foreignId), tokens[viewer]);
          const problem = judge(answer, slot.field, foreignId, wugang.markers);
          if (!answer.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')) passedGuard.add(slot.key);
          if (problem) failures.push(`${slot.key} as ${viewer} with ${targetType}: ${problem}\n    ${JSON.stringify(answer).slice(0, 400)}`);
          // An id that exists elsewhere must be answered exactly like one that exists nowhere.
          const control = await t.gql(operation, variables(unknownId), tokens[viewer]);
          const [a, b] = [JSON.stringify(answer).replaceAll(foreignId, '<id>'), JSON.stringify(control).replaceAll(unknownId, '<id>')];
          if (a !== b)
            failures.push(`${slot.key} as ${viewer} with ${targetType}: answered unlike an unknown id\n    ${a.slice(0, 300)}\n    ${b.slice(0, 300)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(called).toBeGreaterThan(300);
    // Each slot reached the code behind the permission guard for some role, but for the platform's and the provinces' own fields.
    const guarded = idSlots(schema)
      .filter((s) => !HAND_WRITTEN[s.key] && !passedGuard.has(s.key))
      .map((s) => s.key);
    expect(guarded.sort()).toEqual([...PLATFORM_ONLY, ...PROVINCE_ONLY].sort());
  }, 240_000); // hundreds of calls in five roles: minutes on a loaded 2-core machine

  it('wrote nothing of any other bureau, and stored none of 舞钢’s ids in 常德’s rows', async () => {
    expect(await othersSnapshot(t, changdeId)).toEqual(before);
    const foreignIds = wugang.markers.filter((m) => /^[0-9a-f-]{36}$/.test(m));
    expect(foreignIds.length).toBeGreaterThan(100);
    expect(await ownRowsMentioning(t, changdeId, foreignIds)).toEqual([]);
  });

  it('answers the public fields to the staff exactly as to anyone', async () => {
    const publicSlots = idSlots(schema).filter((s) => HAND_WRITTEN[s.key] === PUBLIC);
    expect(publicSlots.length).toBe(16);
    for (const slot of publicSlots) {
      const type = slotType(schema, slot)!;
      const field = rootField(schema, slot.root, slot.field);
      const vars: Record<string, unknown> = {};
      for (const arg of field.args) if (isNonNullType(arg.type) && arg.defaultValue === undefined) vars[arg.name] = sampleValue(arg.type, samples, arg.name);
      setAtPath(vars, slot.path, wugang.ids[type], false);
      const operation = operationFor(schema, slot.root, slot.field, 4);
      const anonymous = await t.gql(operation, vars);
      expect({ slot: slot.key, status: anonymous.status < 500 }).toEqual({ slot: slot.key, status: true });
      for (const viewer of VIEWERS) {
        const staff = await t.gql(operation, vars, tokens[viewer]);
        expect({ slot: slot.key, viewer, answer: staff }).toEqual({ slot: slot.key, viewer, answer: anonymous });
      }
    }
  });

  it('lets a joint task invite another bureau’s department, which tells no more than the list of partners', async () => {
    const invite = `mutation($task: ID!, $dept: ID!) { inviteJointParticipant(taskId: $task, departmentId: $dept) { id status department { name bureauName } task { title leadBureauName } } }`;
    const [dept] = await t.sql(`SELECT id, name FROM departments WHERE tenant_id = $1 AND NOT is_office ORDER BY name LIMIT 1`, [wugang.tenantId]);
    const office = tokens['changde.admin'];
    const partners = await t.gql(
      'query($s: String) { jointPartnerDepartments(search: $s, first: 100) { edges { node { id name bureauName } } } }',
      { s: dept.name },
      office,
    );
    const listed = partners.data.jointPartnerDepartments.edges.map((e: any) => e.node);
    expect(listed).toContainEqual({ id: toGlobalId('Department', dept.id), name: dept.name, bureauName: '舞钢市自然资源和规划局' });
    // Only the office and the lead department's head plan a joint task: the other roles are refused as before.
    for (const viewer of ['changde.leader', 'changde.supervisor', 'changde.inspector01']) {
      const refused = await t.gql(invite, { task: own.Task, dept: toGlobalId('Department', dept.id) }, tokens[viewer]);
      expect({ viewer, codes: refused.errors?.map((e) => e.extensions?.code) }).toEqual({ viewer, codes: [expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)] });
    }
    const invited = await t.gql(invite, { task: own.Task, dept: toGlobalId('Department', dept.id) }, office);
    expect(invited.errors).toBeUndefined();
    expect(invited.data.inviteJointParticipant.department).toEqual({ name: dept.name, bureauName: '舞钢市自然资源和规划局' });
    // The answer names the department, as the partner list does, and nothing else of 舞钢.
    const rest = JSON.stringify(invited).replaceAll('舞钢市自然资源和规划局', '').replaceAll(dept.name, '');
    expect(wugang.markers.filter((m) => rest.includes(m))).toEqual([]);
  });

  it('tells subscribers to another bureau’s draw or import job nothing, as for an unknown id', async () => {
    const control = await t.login('wugang.admin');
    const cases = [
      {
        query: 'subscription($id: ID!) { drawCeremony(drawId: $id) { phase draw { id status task { title } } } }',
        id: wugang.ids.Draw,
        type: 'Draw',
        topic: DRAW_TOPIC,
        notice: { tenantId: wugang.tenantId, drawId: fromGlobalUuid(wugang.ids.Draw, 'Draw'), phase: 'ENTROPY' },
      },
      {
        query: 'subscription($id: ID!) { importJobProgress(id: $id) { id status fileName } }',
        id: wugang.ids.ImportJob,
        type: 'ImportJob',
        topic: IMPORT_PROGRESS_TOPIC,
        notice: { tenantId: wugang.tenantId, jobId: fromGlobalUuid(wugang.ids.ImportJob, 'ImportJob') },
      },
    ];
    for (const c of cases) {
      const strangers = VIEWERS.flatMap((v) => [listen(t.url, c.query, { id: c.id }, tokens[v]), listen(t.url, c.query, { id: randomId(c.type) }, tokens[v])]);
      const owner = listen(t.url, c.query, { id: c.id }, control);
      // Published again until the owner hears it: on a busy machine its subscription may start after the first.
      for (let i = 0; i < 50 && owner.events.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        t.app.services.pubsub.publish(c.topic, c.notice);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      await Promise.all([owner, ...strangers].map((l) => l.close()));
      expect({ query: c.query, heard: owner.events.length > 0 }).toEqual({ query: c.query, heard: true });
      // Nothing arrives but, for roles that may not watch at all, the same refusal for either id.
      const heard = strangers.map((l) => JSON.stringify(l.events));
      expect(heard.filter((h) => h !== '[]' && !/^\[\{"error":\[\{"message":"[^"]*","extensions":\{"code":"FORBIDDEN"\}\}\]\}\]$/.test(h))).toEqual([]);
      for (let i = 0; i < heard.length; i += 2) expect(heard[i]).toBe(heard[i + 1]);
    }
  });

  it('answers the file endpoints for another bureau’s ids as for unknown ones', async () => {
    const routes = [
      {
        name: 'GET /api/evidence/:id',
        type: 'EvidenceFile',
        call: (id: string, token: string) => getFile(`${t.url}/api/evidence/${id}`, { authorization: `Bearer ${token}` }),
      },
      {
        name: 'GET /api/imports/:id/errors.xlsx',
        type: 'ImportJob',
        call: (id: string, token: string) => getFile(`${t.url}/api/imports/${id}/errors.xlsx`, { authorization: `Bearer ${token}` }),
      },
      {
        name: 'POST /api/inspections/:id/evidence',
        type: 'Inspection',
        call: async (id: string, token: string) => {
          const answer = await postFile(`${t.url}/api/inspections/${id}/evidence`, sample.png(), '照片.png', { authorization: `Bearer ${token}` });
          return { status: answer.status, bytes: Buffer.from(JSON.stringify(answer.body)) };
        },
      },
    ];
    const [{ n: filesBefore }] = await t.sql(`SELECT count(*)::int AS n FROM evidence_files`);
    for (const route of routes) {
      for (const viewer of VIEWERS) {
        const unknownId = randomId(route.type);
        const [foreign, unknown] = [await route.call(wugang.ids[route.type]!, tokens[viewer]!), await route.call(unknownId, tokens[viewer]!)];
        const text = foreign.bytes.toString('utf8');
        expect({ route: route.name, viewer, status: foreign.status, leaked: wugang.markers.filter((m) => text.includes(m)) }).toEqual({
          route: route.name,
          viewer,
          status: 404,
          leaked: [],
        });
        expect({ route: route.name, viewer, answer: text }).toEqual({ route: route.name, viewer, answer: unknown.bytes.toString('utf8') });
      }
    }
    expect((await t.sql(`SELECT count(*)::int AS n FROM evidence_files`))[0].n).toBe(filesBefore);
  });
});

/** What is wrong with an answer to a call with another bureau's id; null when it is a clean refusal. */
function judge(answer: GqlResult, field: string, sentId: string, markers: string[]): string | null {
  const text = JSON.stringify(answer);
  const leaked = markers.filter((m) => m !== sentId && text.includes(m));
  if (leaked.length) return `leaks ${leaked.slice(0, 5).join(', ')}`;
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (answer.errors?.length) {
    const codes = answer.errors.map((e) => e.extensions?.code);
    if (!codes.every((c) => REFUSALS.includes(c as string))) return `codes ${[...new Set(codes)].join(', ')}: ${answer.errors[0]!.message}`;
    if (answer.data?.[field] != null) return 'data beside the error';
    return null;
  }
  return isEmptyAnswer(answer.data?.[field]) ? null : 'answered without refusing';
}
