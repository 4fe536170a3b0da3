import { startTestApp, type TestApp } from '../../test/test-app';

const RULES = '{ me { rules unit { name } } }';

/** Abilities are kept per principal content (create-context.ts): a changed account must never get a kept one. */
describe('abilities kept between requests', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('follows a change of the account in the same session once the process hears it (within a second), and back', async () => {
    type Place = { unit_id: number; city_id: number; county_id: number | null; township_id: number | null };
    const placeOf = async (login: string) => (await app.ownerSql<Place>(`select unit_id, city_id, county_id, township_id from account where login = $1`, [login]))[0];
    const place = (p: Place) => app.ownerSql(`update account set unit_id = $1, city_id = $2, county_id = $3, township_id = $4 where login = 'yaohai'`, [p.unit_id, p.city_id, p.county_id, p.township_id]);
    const own = await placeOf('yaohai');
    const other = await placeOf('feidong');
    const client = await app.as('yaohai');
    type Me = { me: { rules: unknown; unit: { name: string } } };
    // A principal kept in memory is forgotten when the process hears the change (NOTIFY, within a second).
    const onceHeard = async (unit: string): Promise<Me> => {
      let me = await client.data<Me>(RULES);
      for (const started = Date.now(); me.me.unit.name !== unit && Date.now() - started < 1_000; await new Promise((resolve) => setTimeout(resolve, 50))) {
        me = await client.data<Me>(RULES);
      }
      return me;
    };
    const before = await client.data<Me>(RULES);
    expect(before.me.unit.name).toBe('瑶海区');
    try {
      await place(other);
      const moved = await onceHeard('肥东县');
      expect(moved.me.unit.name).toBe('肥东县');
      expect(moved.me.rules).not.toEqual(before.me.rules);
      expect(JSON.stringify(moved.me.rules)).toContain(String(other.unit_id));
    } finally {
      await place(own);
    }
    const back = await onceHeard('瑶海区');
    expect(back.me.rules).toEqual(before.me.rules);
  });
});
