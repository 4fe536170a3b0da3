import { toGlobalId } from '../../../common/global-id';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const CREATE_OFFICER = `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id name badgeNumber phone grids { code } } }`;
const UPDATE_OFFICER = `mutation($id: ID!, $input: UpdateOfficerInput!) { updateOfficer(id: $id, input: $input) { id name badgeNumber phone grids { code } } }`;
const CREATE_WORKER = `mutation($input: CreateGridWorkerInput!) { createGridWorker(input: $input) { id name employment grids { code } } }`;
const UPDATE_WORKER = `mutation($id: ID!, $input: UpdateGridWorkerInput!) { updateGridWorker(id: $id, input: $input) { id name employment } }`;

/** The create and update inputs share their optional fields (person.inputs.ts): both still validate them. */
describe('officer and grid-worker inputs', () => {
  let app: TestApp;
  let feidong: GraphQLClient;
  let township: GraphQLClient;
  const grid = async (where: string) => toGlobalId('Grid', (await app.ownerSql<{ id: number }>(`select id from grid where ${where} order by id limit 1`))[0].id);
  const field = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions;

  beforeAll(async () => {
    app = await startTestApp();
    feidong = await app.as('feidong');
    township = await app.as('township');
  });
  afterAll(() => app.close());

  it('creates an officer with the required fields and edits only what is given', async () => {
    const county = await grid(`code = '340122000000'`);
    const { createOfficer } = await feidong.data<{ createOfficer: { id: string; name: string; badgeNumber: string; grids: { code: string }[] } }>(CREATE_OFFICER, {
      input: { employerUnitId: county, name: '测试执法员', phone: '13800000001', badgeNumber: 'AH-0001', gridIds: [county] },
    });
    expect(createOfficer).toMatchObject({ name: '测试执法员', badgeNumber: 'AH-0001', grids: [{ code: '340122000000' }] });
    const { updateOfficer } = await feidong.data<{ updateOfficer: Record<string, unknown> }>(UPDATE_OFFICER, { id: createOfficer.id, input: { badgeNumber: 'AH-0002' } });
    expect(updateOfficer).toMatchObject({ name: '测试执法员', badgeNumber: 'AH-0002', phone: '13800000001', grids: [{ code: '340122000000' }] });

    expect(field(await feidong.request(CREATE_OFFICER, { input: { employerUnitId: county, gridIds: [] } }))?.code).toBe('BAD_USER_INPUT');
    expect(field(await feidong.request(UPDATE_OFFICER, { id: createOfficer.id, input: { badgeNumber: 'X'.repeat(41) } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'badgeNumber' });
    expect(field(await feidong.request(UPDATE_OFFICER, { id: createOfficer.id, input: { phone: 'not a phone' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    expect(field(await feidong.request(CREATE_OFFICER, { input: { employerUnitId: county, name: '', gridIds: [] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const [row] = await app.ownerSql<{ badge_number: string; phone: string }>('select badge_number, phone from officer where id = $1', [
      Number(Buffer.from(createOfficer.id, 'base64url').toString().split(':')[1]),
    ]);
    expect(row).toEqual({ badge_number: 'AH-0002', phone: '13800000001' });
  });

  it('creates a grid worker and edits its employment; a too-long name is refused on either input', async () => {
    const [{ code }] = await app.ownerSql<{ code: string }>(`select code from grid where name = '长临河镇'`);
    const unit = await grid(`code = '${code}'`);
    const { createGridWorker } = await township.data<{ createGridWorker: { id: string; employment: string } }>(CREATE_WORKER, {
      input: { employerUnitId: unit, name: '测试网格员', employment: 'PART_TIME', gridIds: [] },
    });
    expect(createGridWorker.employment).toBe('PART_TIME');
    const { updateGridWorker } = await township.data<{ updateGridWorker: { name: string; employment: string } }>(UPDATE_WORKER, { id: createGridWorker.id, input: { employment: 'FULL_TIME' } });
    expect(updateGridWorker).toEqual({ id: createGridWorker.id, name: '测试网格员', employment: 'FULL_TIME' });
    const long = '长'.repeat(61);
    expect(field(await township.request(UPDATE_WORKER, { id: createGridWorker.id, input: { name: long } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(field(await township.request(CREATE_WORKER, { input: { employerUnitId: unit, name: long, employment: 'PART_TIME', gridIds: [] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
    });
    // A township administration does not hire officers.
    expect(field(await township.request(CREATE_OFFICER, { input: { employerUnitId: unit, name: '乡镇执法员', gridIds: [] } }))?.code).toBe('FORBIDDEN');
  });
});
