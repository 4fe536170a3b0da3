import { startTestApp, type TestApp } from '../../../test/test-app';

/**
 * Row-level security alone (the CASL scope filter switched off) keeps the training records in
 * their territory: a county reads its own and its city's sessions, never another county's,
 * and its people's attendance only.
 */
describe('training records under row-level security alone', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ withoutScopeFilter: true });
  });
  afterAll(() => app.close());

  it('瑶海区 sees its own and the city\'s sessions and its own people\'s attendance; nothing of 肥东县', async () => {
    const units = await app.ownerSql<{ code: string; id: number }>(`select code, id from grid where code in ('340100000000', '340102000000', '340122000000')`);
    const id = (code: string) => units.find((u) => u.code === code)!.id;
    const yaohai = await app.as('yaohai');
    const sessions = await yaohai.data<{ trainingSessions: { nodes: { unit: { code: string } | null; attendance: { id: string }[] }[] } }>(
      `{ trainingSessions(first: 100) { nodes { unit { code } attendance { id } } } }`,
    );
    const codes = new Set(sessions.trainingSessions.nodes.map((n) => n.unit?.code));
    expect([...codes].sort()).toEqual(['340100000000', '340102000000']);
    const seen = sessions.trainingSessions.nodes.reduce((n, s) => n + s.attendance.length, 0);
    const [{ own }] = await app.ownerSql<{ own: number }>(`select count(*)::int as own from training_attendance where county_id = $1`, [id('340102000000')]);
    expect(seen).toBe(own);
    const [{ elsewhere }] = await app.ownerSql<{ elsewhere: number }>(`select count(*)::int as elsewhere from training_session where county_id = $1`, [id('340122000000')]);
    expect(elsewhere).toBeGreaterThan(0);
  });
});
