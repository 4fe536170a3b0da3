import { toGlobalId } from '../../../common/global-id';
import type { GraphQLClient, GraphQLResponse, TestApp } from '../../../test/test-app';

export const CASE_FIELDS = `id number status version viaPlatform extensionCount handlingUnit { code } leadDepartment { name } availableActions`;

export interface CaseView {
  id: string;
  number: string;
  status: string;
  version: number;
  viaPlatform: boolean;
  extensionCount: number;
  handlingUnit: { code: string } | null;
  leadDepartment: { name: string } | null;
  availableActions: string[];
}

/** Mutation name and input type of each workflow action. */
export const MUTATIONS: Record<string, [string, string]> = {
  FILE: ['fileCase', 'CaseStepInput'],
  CANCEL: ['cancelCase', 'CancelCaseInput'],
  ESCALATE: ['escalateCase', 'CaseReasonInput'],
  DISPATCH: ['dispatchCase', 'DispatchCaseInput'],
  ACCEPT: ['acceptCase', 'CaseStepInput'],
  RETURN: ['returnCase', 'CaseReasonInput'],
  FEEDBACK: ['feedbackCase', 'FeedbackCaseInput'],
  REQUEST_EXTENSION: ['requestCaseExtension', 'RequestExtensionInput'],
  APPROVE_EXTENSION: ['approveCaseExtension', 'CaseStepInput'],
  REJECT_EXTENSION: ['rejectCaseExtension', 'CaseReasonInput'],
  PARK: ['parkCase', 'ParkCaseInput'],
  RESUME: ['resumeCase', 'CaseStepInput'],
  VERIFY_PASS: ['passCaseVerification', 'CaseStepInput'],
  VERIFY_FAIL: ['failCaseVerification', 'CaseReasonInput'],
  EVALUATE: ['evaluateCase', 'EvaluateCaseInput'],
  REOPEN: ['reopenCase', 'CaseReasonInput'],
  ANSWER: ['answerComplaint', 'AnswerComplaintInput'],
};

/** Inputs that satisfy every step's required fields (departments are added by the caller). */
export function fullInput(kase: { id: string; version: number }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: kase.id, version: kase.version, ...extra };
}

export const INPUT_EXTRAS: Record<string, Record<string, unknown>> = {
  CANCEL: { cancelReason: 'INVALID' },
  ESCALATE: { reason: '本级无法处理' },
  RETURN: { reason: '不属于本部门职责' },
  REQUEST_EXTENSION: { reason: '需协调施工方', extensionDays: 5 },
  REJECT_EXTENSION: { reason: '理由不充分' },
  PARK: { reason: '需工程改造, 季节性问题', reviewAt: '2027-03-01T00:00:00Z' },
  VERIFY_FAIL: { reason: '现场仍有扬尘' },
  FEEDBACK: { result: '已责令覆盖裸土并洒水降尘' },
  EVALUATE: { score: 90 },
  REOPEN: { reason: '群众再次投诉' },
  ANSWER: { text: '经核查已处理完毕, 特此答复', method: 'PHONE' },
};

export function step(client: GraphQLClient, action: string, input: Record<string, unknown>): Promise<GraphQLResponse<Record<string, CaseView>>> {
  const [name, type] = MUTATIONS[action];
  return client.request<Record<string, CaseView>>(`mutation($input: ${type}!) { ${name}(input: $input) { ${CASE_FIELDS} } }`, { input });
}

/** Like step, but fails the test on any error; returns the case after the step. */
export async function walk(client: GraphQLClient, action: string, kase: { id: string; version: number }, extra: Record<string, unknown> = {}): Promise<CaseView> {
  const result = await step(client, action, fullInput(kase, { ...INPUT_EXTRAS[action], ...extra }));
  if (result.errors?.length) throw new Error(`${action}: ${JSON.stringify(result.errors)}`);
  return result.data![MUTATIONS[action][0]];
}

const REPORT = `mutation($input: ReportCaseInput!) { reportCase(input: $input) { ${CASE_FIELDS} } }`;

export async function report(client: GraphQLClient, input: Record<string, unknown>): Promise<CaseView> {
  const data = await client.data<{ reportCase: CaseView }>(REPORT, { input: { origin: 'PATROL', description: '工地未覆盖, 扬尘严重', ...input } });
  return data.reportCase;
}

export async function reportRaw(client: GraphQLClient, input: Record<string, unknown>): Promise<GraphQLResponse<{ reportCase: CaseView }>> {
  return client.request<{ reportCase: CaseView }>(REPORT, { input: { origin: 'PATROL', description: '工地未覆盖, 扬尘严重', ...input } });
}

/** Global ids of seeded rows by a natural key, read straight from the test database. */
export async function idOf(app: TestApp, type: 'Grid' | 'Department' | 'CaseCategory', sql: string, params: unknown[]): Promise<string> {
  const rows = await app.ownerOrm.em.fork().execute<{ id: number }[]>(sql, params);
  if (!rows[0]) throw new Error(`no ${type} for ${sql} ${JSON.stringify(params)}`);
  return toGlobalId(type, rows[0].id);
}

export async function count(app: TestApp, table: string): Promise<number> {
  return (await app.ownerOrm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from "${table}"`))[0].n;
}

/** Uploads a file as evidence of a case step (multipart, outside GraphQL). */
export async function upload(app: TestApp, client: GraphQLClient, caseId: string, stage: string, data: Buffer, name = 'photo.jpg'): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const response = await fetch(`${app.url}/cases/${caseId}/evidence?stage=${stage}`, { method: 'POST', body: form, headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The seeded rows the workflow tests walk on: 扬尘 (a 城管 field), the demo grid worker's village, a 瑶海区 urban grid. */
export interface Seeded {
  dust: string;
  village: string;
  yaohaiGrid: string;
  grid(code: string): Promise<string>;
  /** The department of the unit with this grid code and field. */
  department(unitCode: string, field: string): Promise<string>;
}

export async function seeded(app: TestApp): Promise<Seeded> {
  const grid = (code: string) => idOf(app, 'Grid', `select id from grid where code = ?`, [code]);
  return {
    dust: await idOf(app, 'CaseCategory', `select id from case_category where code = 'DUST'`, []),
    village: await grid('340122104008'),
    yaohaiGrid: await idOf(app, 'Grid', `select id from grid where county_id = (select id from grid where code = '340102000000') and level = 'TOWNSHIP' order by id limit 1`, []),
    grid,
    department: (unitCode, field) =>
      idOf(app, 'Department', `select d.id from department d join grid g on g.id = d.unit_id where g.code = ? and d.field = ?`, [unitCode, field]),
  };
}
