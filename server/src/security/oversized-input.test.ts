import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { argSlots, operationFor, rootField, sampleValue, setAtPath, type IdSlot, type ValueSamples } from './support/id-slots';
import { changdeSamples, prepareChangde } from './support/changde';
import { MAX_TEXT } from '../graphql/limits';

const VIEWERS = ['changde.admin', 'changde.head01', 'changde.inspector01'];
/** The longest text a request may carry, far over any field a form has. */
const LONG = MAX_TEXT;
const MANY = 20_000;
/** Bodies stay under the 1 MB limit (a larger one is refused whole: abuse.test.ts). */
const BODY_BUDGET = 900_000;

/** Huge values inside an accepted body: every text and every list, one at a time, as the office and anonymously. */
describe('oversized values in every argument', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let samples: ValueSamples;
  let tokens: Record<string, string | undefined>;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    tokens = Object.fromEntries(await Promise.all(VIEWERS.map(async (u) => [u, await t.login(u)] as const)));
    const own = await prepareChangde(t, tokens as Record<string, string>);
    const plan = (
      await t.gql(
        `query($id: ID!) { node(id: $id) { ... on AnnualPlan { year title scope rounds schedule items { ratio rounds } } } }`,
        { id: own.AnnualPlan },
        tokens['changde.admin'],
      )
    ).data.node;
    samples = changdeSamples(own, plan);
    schema = buildClientSchema((await t.gql(getIntrospectionQuery(), {}, tokens['changde.admin'])).data);
  });
  afterAll(() => t.close());

  const typeAt = (slot: IdSlot): GraphQLInputType => {
    const field = rootField(schema, slot.root, slot.field);
    let type = field.args.find((a) => a.name === slot.path[0])!.type;
    for (const name of slot.path.slice(1)) type = (getNamedType(type) as any).getFields()[name].type;
    return type;
  };

  async function probe(slot: IdSlot, value: unknown): Promise<string[]> {
    const field = rootField(schema, slot.root, slot.field);
    const vars: Record<string, unknown> = {};
    for (const arg of field.args) if (isNonNullType(arg.type) && arg.defaultValue === undefined) vars[arg.name] = sampleValue(arg.type, samples, arg.name);
    setAtPath(vars, slot.path, value, false);
    const body = JSON.stringify({ query: operationFor(schema, slot.root, slot.field, 1), variables: vars });
    const problems: string[] = [];
    for (const viewer of [...VIEWERS, undefined]) {
      const token = viewer ? tokens[viewer] : undefined;
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
      const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
      if (response.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR'))
        problems.push(
          `${slot.key} as ${viewer ?? 'anonymous'} (${Math.round(body.length / 1024)} KB): ${response.status} ${JSON.stringify(answer).slice(0, 200)}`,
        );
    }
    return problems;
  }

  it('answers a text of the longest allowed length anywhere with a refusal or an acceptance, never a server error', async () => {
    const slots = argSlots(
      schema,
      (type) => isScalarType(getNullableType(type)) && ['String', 'ID', 'JSON'].includes((getNullableType(type) as any).name),
    ).filter((s) => s.root !== 'Subscription');
    expect(slots.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const slot of slots) problems.push(...(await probe(slot, 'x'.repeat(LONG))));
    expect(problems).toEqual([]);
  });

  it('answers a list of up to 20,000 elements anywhere with a refusal or an acceptance, never a server error', async () => {
    const slots = argSlots(schema, (type) => isListType(getNullableType(type))).filter((s) => s.root !== 'Subscription');
    expect(slots.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const slot of slots) {
      const element = sampleValue((getNullableType(typeAt(slot)) as any).ofType, samples, slot.path[slot.path.length - 1]!);
      const count = Math.min(MANY, Math.floor(BODY_BUDGET / (JSON.stringify(element).length + 1)));
      problems.push(
        ...(await probe(
          slot,
          Array.from({ length: count }, () => element),
        )),
      );
    }
    expect(problems).toEqual([]);
  });
});
