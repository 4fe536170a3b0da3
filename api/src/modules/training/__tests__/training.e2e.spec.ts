import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

const CREATE_COURSE = `mutation($input: TrainingCourseInput!) { createTrainingCourse(input: $input) { id version level title topic unit { code } } }`;
const CREATE_SESSION = `mutation($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id heldOn place course { title } unit { code } } }`;
const RECORD = `mutation($input: TrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { id attendance { id officer { name } gridWorker { name } } } }`;
const SESSIONS = `{ trainingSessions(first: 100) { nodes { id unit { code } } } }`;
const COURSES = `{ trainingCourses(first: 100) { nodes { id level unit { code } } } }`;
const SESSION = `query($id: ID!) { trainingSession(id: $id) { id attendance { id } } }`;
const TABLE = `query($input: AssessmentInput!) { assessment(input: $input) {
  rows { subjectId values { code value } measures { code value } } } }`;

type Ids = { id: string }[];

describe('training records (分级分类轮训)', () => {
  let app: TestApp;
  let cityadmin: GraphQLClient;
  let feidong: GraphQLClient;
  let yaohai: GraphQLClient;
  let township: GraphQLClient;
  let T: number;
  let feidongUnit: number;
  let officers: number[];
  let workers: number[];
  let yaohaiWorker: number;
  let course: string;
  let session: string;

  beforeAll(async () => {
    app = await startTestApp();
    [cityadmin, feidong, yaohai, township] = await Promise.all(['cityadmin', 'feidong', 'yaohai', 'township'].map((l) => app.as(l)));
    [{ id: T }] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122104000'`);
    [{ id: feidongUnit }] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122000000'`);
    officers = (await app.ownerSql<{ id: number }>(`select id from officer where township_id = $1 and active order by id limit 1`, [T])).map((r) => r.id);
    if (!officers.length) {
      // 长临河镇 employs no officer in the seed: take a county officer and employ it there.
      const [o] = await app.ownerSql<{ id: number }>(`select id from officer where county_id = $1 and active order by id limit 1`, [feidongUnit]);
      await app.ownerSql(`update officer set township_id = $1, employer_unit_id = $1 where id = $2`, [T, o.id]);
      officers = [o.id];
    }
    workers = (await app.ownerSql<{ id: number }>(`select id from grid_worker where township_id = $1 and active order by id limit 2`, [T])).map((r) => r.id);
    [{ id: yaohaiWorker }] = await app.ownerSql<{ id: number }>(
      `select w.id from grid_worker w join grid c on c.id = w.county_id where c.code = '340102000000' and w.active order by w.id limit 1`,
    );
  });
  afterAll(() => app.close());

  it('a county organises a course and a session; its administrators only; another county sees neither', async () => {
    const created = await feidong.data<{ createTrainingCourse: { id: string; level: string; unit: { code: string } } }>(CREATE_COURSE, {
      input: { title: ' 网格员巡查实务 ', topic: 'GRID_PATROL', audience: 'ALL' },
    });
    expect(created.createTrainingCourse).toMatchObject({ level: 'COUNTY', unit: { code: '340122000000' } });
    course = created.createTrainingCourse.id;
    const s = await feidong.data<{ createTrainingSession: { id: string; unit: { code: string } } }>(CREATE_SESSION, {
      input: { courseId: course, heldOn: '2026-10-15', place: '肥东县环保局三楼会议室', hours: 4 },
    });
    session = s.createTrainingSession.id;

    for (const login of ['officer', 'gridworker', 'inspector', 'countydept']) {
      const denied = await (await app.as(login)).request(CREATE_COURSE, { input: { title: '越权课程', topic: 'LAW', audience: 'ALL' } });
      expect([login, denied.errors?.[0].extensions?.code]).toEqual([login, 'FORBIDDEN']);
    }
    const blank = await feidong.request(CREATE_COURSE, { input: { title: '   ', topic: 'LAW', audience: 'ALL' } });
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // 瑶海区 sees neither, by id or in its lists; the city and the township below see both.
    for (const [query, id] of [[`query($id: ID!) { trainingCourse(id: $id) { id } }`, course], [`query($id: ID!) { trainingSession(id: $id) { id } }`, session]]) {
      expect((await yaohai.request(query, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const yaohaiSessions = (await yaohai.data<{ trainingSessions: { nodes: Ids } }>(SESSIONS)).trainingSessions.nodes.map((n) => n.id);
    expect(yaohaiSessions).not.toContain(session);
    expect((await yaohai.data<{ trainingCourses: { nodes: Ids } }>(COURSES)).trainingCourses.nodes.map((n) => n.id)).not.toContain(course);
    expect((await cityadmin.data<{ trainingSessions: { nodes: Ids } }>(SESSIONS)).trainingSessions.nodes.map((n) => n.id)).toContain(session);
    expect((await township.data<{ trainingSessions: { nodes: Ids } }>(SESSIONS)).trainingSessions.nodes.map((n) => n.id)).toContain(session);

    // A township cannot hang its session on the county's course, nor record the county's attendance.
    const borrowed = await township.request(CREATE_SESSION, { input: { courseId: course, heldOn: '2026-10-16', place: '镇政府会议室' } });
    expect(borrowed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'courseId' });
    const notOrganiser = await township.request(RECORD, { input: { sessionId: session, gridWorkerIds: [gid('GridWorker', workers[0])] } });
    expect(notOrganiser.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('the organiser records attendance of its own people, once each; another county can neither see nor record it', async () => {
    const before = (await app.ownerSql<{ n: number }>(`select count(*)::int as n from training_attendance`))[0].n;
    const other = await yaohai.request(RECORD, { input: { sessionId: session, gridWorkerIds: [gid('GridWorker', yaohaiWorker)] } });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const outsider = await feidong.request(RECORD, { input: { sessionId: session, gridWorkerIds: [gid('GridWorker', yaohaiWorker)] } });
    expect(outsider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.ownerSql<{ n: number }>(`select count(*)::int as n from training_attendance`))[0].n).toBe(before);

    const input = { sessionId: session, officerIds: officers.map((id) => gid('Officer', id)), gridWorkerIds: workers.map((id) => gid('GridWorker', id)) };
    const first = await feidong.data<{ recordTrainingAttendance: { attendance: Ids } }>(RECORD, { input });
    expect(first.recordTrainingAttendance.attendance).toHaveLength(officers.length + workers.length);
    const again = await feidong.data<{ recordTrainingAttendance: { attendance: Ids } }>(RECORD, { input });
    expect(again.recordTrainingAttendance.attendance).toHaveLength(officers.length + workers.length);
    const [{ n, scoped }] = await app.ownerSql<{ n: number; scoped: number }>(
      `select count(*)::int as n, count(*) filter (where township_id = $2)::int as scoped from training_attendance where session_id = $1`,
      [Number(Buffer.from(session, 'base64url').toString().split(':')[1]), T],
    );
    expect([n, scoped]).toEqual([officers.length + workers.length, officers.length + workers.length]);

    // The township reads its people's attendance; 瑶海区 reads nothing of it.
    expect((await township.data<{ trainingSession: { attendance: Ids } }>(SESSION, { id: session })).trainingSession.attendance.length).toBeGreaterThan(0);
    expect((await yaohai.request(SESSION, { id: session })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // A session still to come has no attendance yet (the test clock stands at 2026-11-28).
    const later = await feidong.data<{ createTrainingSession: { id: string } }>(CREATE_SESSION, { input: { courseId: course, heldOn: '2026-12-20', place: '肥东县党校' } });
    const future = await feidong.request(RECORD, { input: { sessionId: later.createTrainingSession.id, gridWorkerIds: [gid('GridWorker', workers[0])] } });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sessionId' });
  });

  it('another county organises its own and the first cannot see or record there', async () => {
    const c = await yaohai.data<{ createTrainingCourse: { id: string } }>(CREATE_COURSE, { input: { title: '城区扬尘管控', topic: 'ENFORCEMENT', audience: 'OFFICERS' } });
    const s = await yaohai.data<{ createTrainingSession: { id: string } }>(CREATE_SESSION, { input: { courseId: c.createTrainingCourse.id, heldOn: '2026-10-20', place: '瑶海区政务中心' } });
    const id = s.createTrainingSession.id;
    expect((await feidong.data<{ trainingSessions: { nodes: Ids } }>(SESSIONS)).trainingSessions.nodes.map((n) => n.id)).not.toContain(id);
    const recorded = await feidong.request(RECORD, { input: { sessionId: id, gridWorkerIds: [gid('GridWorker', workers[0])] } });
    expect(recorded.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Nor can it create a session on the other county's course.
    const foreign = await feidong.request(CREATE_SESSION, { input: { courseId: c.createTrainingCourse.id, heldOn: '2026-10-21', place: '某地' } });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('the organiser edits and corrects; nobody else can', async () => {
    const UPDATE_COURSE = `mutation($id: ID!, $version: Int!, $input: TrainingCourseInput!, $active: Boolean) {
      updateTrainingCourse(id: $id, version: $version, input: $input, active: $active) { id version title active } }`;
    const UPDATE_SESSION = `mutation($id: ID!, $version: Int!, $input: TrainingSessionInput!) { updateTrainingSession(id: $id, version: $version, input: $input) { id version place hours } }`;
    const input = { title: '网格员巡查实务 (第二版)', topic: 'GRID_PATROL', audience: 'GRID_WORKERS' };
    expect((await yaohai.request(UPDATE_COURSE, { id: course, version: 1, input })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await township.request(UPDATE_COURSE, { id: course, version: 1, input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const edited = await feidong.data<{ updateTrainingCourse: { version: number; title: string } }>(UPDATE_COURSE, { id: course, version: 1, input });
    expect(edited.updateTrainingCourse).toMatchObject({ version: 2, title: input.title });
    const stale = await feidong.request(UPDATE_COURSE, { id: course, version: 1, input });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const moved = await feidong.data<{ updateTrainingSession: { version: number; place: string; hours: number } }>(UPDATE_SESSION, {
      id: session, version: 1, input: { courseId: course, heldOn: '2026-10-15', place: '肥东县党校报告厅', hours: 3 },
    });
    expect(moved.updateTrainingSession).toMatchObject({ version: 2, place: '肥东县党校报告厅', hours: 3 });

    // One attendance removed by the organiser (the township, whose person it is, may not).
    const REMOVE = `mutation($id: ID!) { removeTrainingAttendance(id: $id) { attendance { id } } }`;
    const { trainingSession } = await feidong.data<{ trainingSession: { attendance: Ids } }>(SESSION, { id: session });
    const [first] = trainingSession.attendance;
    expect((await township.request(REMOVE, { id: first.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await yaohai.request(REMOVE, { id: first.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const after = await feidong.data<{ removeTrainingAttendance: { attendance: Ids } }>(REMOVE, { id: first.id });
    expect(after.removeTrainingAttendance.attendance).toHaveLength(trainingSession.attendance.length - 1);
    // Recorded again, for the coverage below.
    await feidong.data(RECORD, { input: { sessionId: session, officerIds: officers.map((id) => gid('Officer', id)), gridWorkerIds: workers.map((id) => gid('GridWorker', id)) } });
  });

  it('培训覆盖率 of a township: its active officers and grid workers who attended a session in the period, counted directly', async () => {
    const [direct] = await app.ownerSql<{ people: number; trained: number }>(
      `with x as (
         select 'o' as k, id from officer where township_id = $1 and active
         union all select 'w', id from grid_worker where township_id = $1 and active)
       select count(*)::int as people,
              count(*) filter (where exists (
                select 1 from training_attendance a join training_session s on s.id = a.session_id
                where (case when x.k = 'o' then a.officer_id else a.grid_worker_id end) = x.id
                  and s.held_on between '2026-10-01' and '2026-10-31'))::int as trained
       from x`,
      [T],
    );
    expect(direct.trained).toBeGreaterThanOrEqual(officers.length + workers.length);
    const table = await feidong.data<{ assessment: { rows: { subjectId: string; values: { code: string; value: number | null }[]; measures: { code: string; value: number }[] }[] } }>(
      TABLE,
      { input: { period: '2026-10', subjectType: 'TOWNSHIP', unitId: gid('Grid', feidongUnit) } },
    );
    const row = table.assessment.rows.find((r) => r.subjectId === gid('Grid', T))!;
    const m = (code: string) => row.measures.find((x) => x.code === code)?.value;
    expect([m('trainees'), m('trainees_trained')]).toEqual([direct.people, direct.trained]);
    expect(row.values.find((v) => v.code === 'TRAINING_COVERAGE_RATE')?.value).toBeCloseTo((100 * direct.trained) / direct.people, 2);
    // A month without sessions: nobody trained.
    const september = await feidong.data<typeof table>(TABLE, { input: { period: '2025-09', subjectType: 'TOWNSHIP', unitId: gid('Grid', feidongUnit) } });
    const sep = september.assessment.rows.find((r) => r.subjectId === gid('Grid', T))!;
    expect(sep.measures.find((x) => x.code === 'trainees_trained')?.value).toBe(0);
  });
});
