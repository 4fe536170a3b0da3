import { flatten, locationInput, shanghaiDayStart } from '../spec';

describe('record conversions', () => {
  test('references flatten to <name>Id and <singular>Ids; a location to lng/lat', () => {
    const record = flatten(
      { id: 'S1', grid: { id: 'G1', name: 'x' }, categories: [{ id: 'C1' }, { id: 'C2' }], grids: [{ id: 'G2' }], location: { lng: 117.2, lat: 31.8 } },
      ['grid', 'categories', 'grids'],
    );
    expect(record).toMatchObject({ gridId: 'G1', categoryIds: ['C1', 'C2'], gridIds: ['G2'], lng: 117.2, lat: 31.8 });
  });

  test('two numbers become a location input; one alone does not', () => {
    expect(locationInput({ lng: 117.2, lat: 31.8 }).location).toEqual({ lng: 117.2, lat: 31.8 });
    expect(locationInput({ lng: 117.2 }).location).toBeUndefined();
  });

  test('a calendar day is a day in Asia/Shanghai', () => {
    expect(shanghaiDayStart('2026-11-01')).toBe('2026-10-31T16:00:00.000Z');
    expect(shanghaiDayStart('2026-12-31', 1)).toBe('2026-12-31T16:00:00.000Z');
  });
});
