import { fromGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { idOf, report, walk, seeded, type Seeded } from './workflow-helpers';

describe('duplicate candidates at filing', () => {
  let app: TestApp;
  let s: Seeded;
  afterAll(() => app.close());

  it('finds same-field reports nearby in the window, across channels, and filing as a duplicate links the master', async () => {
    app = await startTestApp();
    s = await seeded(app);
    const dust = s.dust;
    const site = await idOf(app, 'CaseCategory', `select id from case_category where default_field <> 'URBAN_MANAGEMENT' order by id limit 1`, []);
    const village = s.village;
    const elsewhere = await idOf(app, 'Grid', `select id from grid where county_id = (select id from grid where code = '340122000000') and level = 'VILLAGE' and code <> '340122104008' order by id desc limit 1`, []);
    const worker = await app.as('gridworker');
    const feidong = await app.as('feidong');
    const at = { lng: 117.47, lat: 31.88 };
    const master = await report(worker, { gridId: village, categoryId: dust, location: at });
    const complaint = await report(feidong, { gridId: village, categoryId: dust, origin: 'COMPLAINT', location: { lng: 117.4705, lat: 31.8802 } }); // ~55 m
    const far = await report(feidong, { gridId: elsewhere, categoryId: dust, location: { lng: 117.6, lat: 31.88 } });
    const otherField = await report(worker, { gridId: village, categoryId: site, location: at });

    const township = await app.as('township');
    const query = `query($id: ID!) { duplicateCandidates(caseId: $id) { id } }`;
    const { duplicateCandidates } = await township.data<{ duplicateCandidates: { id: string }[] }>(query, { id: complaint.id });
    const ids = duplicateCandidates.map((c) => c.id);
    expect(ids).toContain(master.id);
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(otherField.id);
    expect(ids).not.toContain(complaint.id);
    // A grid worker does not file, so cannot ask.
    expect((await worker.request(query, { id: complaint.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await walk(township, 'CANCEL', complaint, { cancelReason: 'DUPLICATE', duplicateOfId: master.id });
    const linked = await township.data<{ case: { status: string; duplicateOf: { id: string } } }>(`query($id: ID!) { case(id: $id) { status duplicateOf { id } } }`, { id: complaint.id });
    expect(linked.case).toEqual({ status: 'CANCELLED', duplicateOf: { id: master.id } });
    // A linked duplicate is no longer offered as a candidate.
    const again = await township.data<{ duplicateCandidates: { id: string }[] }>(query, { id: master.id });
    expect(again.duplicateCandidates.map((c) => c.id)).not.toContain(complaint.id);
  });

  it('honours the radius and the category, and lists closed cases only when asked; without a location, the same grid', async () => {
    const dust = s.dust;
    const sameField = await idOf(app, 'CaseCategory', `select id from case_category where default_field = (select default_field from case_category where code = 'DUST') and code <> 'DUST' order by id limit 1`, []);
    const elsewhere = await idOf(app, 'Grid', `select id from grid where county_id = (select id from grid where code = '340122000000') and level = 'VILLAGE' and code <> '340122104008' order by id desc limit 1`, []);
    const worker = await app.as('gridworker');
    const feidong = await app.as('feidong');
    const township = await app.as('township');
    const p = { lng: 117.52, lat: 31.91 };
    const base = await report(worker, { gridId: s.village, categoryId: dust, location: p });
    const near = await report(feidong, { gridId: s.village, categoryId: dust, location: { lng: p.lng, lat: p.lat + 0.00002 } }); // ~2 m
    const kmAway = await report(feidong, { gridId: s.village, categoryId: dust, location: { lng: p.lng, lat: p.lat + 0.009 } }); // ~1 km, same grid
    const otherCategory = await report(feidong, { gridId: s.village, categoryId: sameField, location: p }); // same field, another category
    const closed = await report(feidong, { gridId: s.village, categoryId: dust, location: p });
    const unplacedHere = await report(feidong, { gridId: s.village, categoryId: dust });
    const unplacedElsewhere = await report(feidong, { gridId: elsewhere, categoryId: dust });
    // Closing takes the whole workflow; the state is what matters here.
    await app.ownerOrm.em.fork().execute(`update "case" set status = 'CLOSED', due_at = null where id = ?`, [fromGlobalId('Case', closed.id)]);

    const query = `query($id: ID!, $r: Int, $cat: ID, $closed: Boolean) { duplicateCandidates(caseId: $id, radiusMeters: $r, categoryId: $cat, includeClosed: $closed) { id } }`;
    const ids = async (vars: Record<string, unknown>) =>
      (await township.data<{ duplicateCandidates: { id: string }[] }>(query, { id: base.id, ...vars })).duplicateCandidates.map((c) => c.id).sort();

    expect(await ids({ r: 5 })).toEqual([near.id, unplacedHere.id].sort());
    expect(await ids({ r: 1500 })).toEqual(expect.arrayContaining([near.id, kmAway.id, unplacedHere.id]));
    expect(await ids({ r: 5, closed: true })).toEqual([near.id, closed.id, unplacedHere.id].sort());
    expect(await ids({ r: 5, cat: sameField })).toEqual([otherCategory.id]);
    // A case without a location finds the cases of its own grid, whatever their distance, and none elsewhere.
    const fromUnplaced = (await township.data<{ duplicateCandidates: { id: string }[] }>(query, { id: unplacedHere.id, r: 5 })).duplicateCandidates.map((c) => c.id);
    expect(fromUnplaced).toEqual(expect.arrayContaining([base.id, near.id, kmAway.id]));
    expect(fromUnplaced).not.toContain(unplacedElsewhere.id);
    expect(fromUnplaced).not.toContain(closed.id);
    // An unknown category is bad input.
    const bad = await township.request(query, { id: base.id, cat: 'Q2FzZUNhdGVnb3J5Ojk5OTk5OQ' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
