import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { execute, parse, type DocumentNode, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { Pool } from 'pg';
import { Limits } from '../../api/src/auth/limits';
import { systemClock } from '../../api/src/common/clock';
import { beginRequest, createRequestContext, finishRequest } from '../../api/src/context/create-context';
import { enableAppRole } from '../../api/src/db/app-role';
import { ormConfig } from '../../api/src/db/orm.config';
import { buildAppSchema } from '../../api/src/server/schema';

/**
 * graphql-jit against graphql-js (issue 16), for what the read compiler leaves to the
 * resolvers: the console's case page (availableActions, ancestors, the lead department...),
 * the signed-in `me`, a dashboard. Each document runs in process through the API's own schema,
 * request context and transaction (as the Apollo plugin opens and ends it), the two executors
 * alternating in blocks so that they share the machine's moments; prints CPU and wall time per
 * execution and whether the answers are equal. The cost of the request around the execution
 * (binding the caller, commit) is the same for both and included in both.
 *
 * `node -r @swc-node/register src/executor.ts <owner url> <gw_session token> <case global id> [rounds]`
 * (with `pnpm bench --profile city --serve` running: it prints the owner URL and the cookies).
 */
const documents = (caseId: string): Record<string, { text: string; variables: Record<string, unknown> }> => ({
  'case page (console)': {
    text: `query($id: ID!) { case(id: $id) { id number status origin urgency reportedAt dueAt dueProvisional closedAt address description
      location { lng lat } category { id name code } grid { id name code ancestors { id name level } } complainantName complainantPhone
      version availableActions handlingUnit { id name } leadDepartment { id name } field source { id name }
      events(first: 100) { nodes { id action actorRole at fromStatus toStatus note } } } }`,
    variables: { id: caseId },
  },
  me: { text: '{ me { role serverTime account { id login displayName } unit { id name level } department { id name } } }', variables: {} },
  'dashboard (caseStatistics)': { text: '{ caseStatistics(groupBy: [STATUS]) { status count closed } }', variables: {} },
});

type Executor = (document: DocumentNode, contextValue: unknown, variables: Record<string, unknown>) => Promise<ExecutionResult>;

async function main(): Promise<void> {
  const [ownerUrl, token, caseId, roundsText] = process.argv.slice(2);
  const rounds = Number(roundsText ?? 40);
  const orm = await MikroORM.init(ormConfig(await enableAppRole(ownerUrl)));
  const pool = new Pool({ connectionString: ownerUrl, max: 2 });
  const limits = new Limits(pool);
  const schema = await buildAppSchema();
  const headers = { cookie: `gw_session=${token}` };
  let requestId = 0;
  const run = async (executor: Executor, document: DocumentNode, variables: Record<string, unknown>): Promise<ExecutionResult> => {
    const ctx = createRequestContext(orm, limits, { headers, requestId: `executor-${(requestId += 1)}` }, undefined, systemClock);
    await beginRequest(ctx);
    const result = await executor(document, ctx, variables);
    await finishRequest(ctx, false, true);
    return result;
  };
  for (const [name, { text, variables }] of Object.entries(documents(caseId))) {
    const document = parse(text);
    const jit = compileQuery(schema, document);
    if (!isCompiledQuery(jit)) {
      console.log(`${name}\tgraphql-jit cannot compile it: ${JSON.stringify(jit.errors)}`);
      continue;
    }
    const executors: Record<string, Executor> = {
      'graphql-js': async (doc, contextValue, vars) => execute({ schema, document: doc, contextValue, variableValues: vars }),
      'graphql-jit': async (_doc, contextValue, vars) => jit.query(undefined, contextValue, vars),
    };
    const answers = await Promise.all(Object.values(executors).map((executor) => run(executor, document, variables)));
    // The server's clock moves between the two answers; everything else must be equal.
    const comparable = (answer: ExecutionResult) => JSON.stringify(answer).replace(/"serverTime":"[^"]*"/g, '');
    const same = comparable(answers[0]) === comparable(answers[1]);
    const spent = new Map<string, { cpu: number; wall: number; n: number }>();
    for (let i = 0; i < 50; i++) for (const executor of Object.values(executors)) await run(executor, document, variables);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? Object.entries(executors) : Object.entries(executors).reverse();
      for (const [label, executor] of order) {
        const [cpu0, wall0] = [process.cpuUsage(), performance.now()];
        for (let i = 0; i < 10; i++) await run(executor, document, variables);
        const cpu = process.cpuUsage(cpu0);
        const total = spent.get(label) ?? { cpu: 0, wall: 0, n: 0 };
        spent.set(label, { cpu: total.cpu + (cpu.user + cpu.system) / 1000, wall: total.wall + performance.now() - wall0, n: total.n + 10 });
      }
    }
    const errors = answers.map((answer) => answer.errors?.map((error) => error.message).join('; ') ?? 'no errors');
    for (const [label, { cpu, wall, n }] of spent) {
      console.log(`${name}\t${label}\tcpu ${(cpu / n).toFixed(3)} ms\twall ${(wall / n).toFixed(3)} ms\t${same ? 'same answers' : 'ANSWERS DIFFER'}\t${errors.join(' | ')}`);
    }
  }
  await pool.end();
  await orm.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
