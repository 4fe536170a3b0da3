import { getMetadataStorage } from 'type-graphql';
import { buildAppSchema } from '../../server/schema';
import { PUBLIC, SIGNED_IN } from '../requires';

/** Every query and mutation with the requirement it declares, keyed by operation. */
async function declarations(): Promise<Record<string, string[]>> {
  const schema = await buildAppSchema();
  const storage = getMetadataStorage();
  const operations = [
    ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => ({ kind: 'Query', name })),
    ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => ({ kind: 'Mutation', name })),
  ];
  const handlers = [...storage.queries, ...storage.mutations];
  const result: Record<string, string[]> = {};
  for (const { kind, name } of operations) {
    const handler = handlers.find((h) => h.schemaName === name && (kind === 'Query' ? storage.queries : storage.mutations).includes(h));
    const authorized = handler && storage.authorizedFields.find((a) => a.target === handler.target && a.fieldName === handler.methodName);
    result[`${kind}.${name}`] = authorized ? [...authorized.roles] : [];
  }
  return result;
}

describe('operation requirements', () => {
  it('every query and mutation declares what it needs (public ones say so)', async () => {
    const missing = Object.entries(await declarations())
      .filter(([, roles]) => roles.length === 0)
      .map(([operation]) => operation);
    expect(missing).toEqual([]);
  });

  it('declarations are well-formed', async () => {
    for (const roles of Object.values(await declarations())) {
      for (const role of roles) expect(role === PUBLIC || role === SIGNED_IN || /^\w+:\w+$/.test(role)).toBe(true);
    }
  });

  it('who may call what is pinned for review', async () => {
    expect(await declarations()).toMatchSnapshot();
  });
});
