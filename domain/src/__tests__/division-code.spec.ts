import { gridCodeProblem, isRegistrationDivision, urbanDivisionOf } from '../codes/division-code';
import { GridKind, GridLevel } from '../enums/grid';
import { levelAbove, levelBelow } from '../unit-levels';

const yaohai = { code: '340102000000', level: GridLevel.COUNTY, kind: GridKind.ADMINISTRATIVE };
const township = { code: '340122100000', level: GridLevel.TOWNSHIP, kind: GridKind.ADMINISTRATIVE };

describe('grid codes by the national rules', () => {
  it('takes 12-digit division codes under their parent for administrative grids', () => {
    expect(gridCodeProblem(township, '340122100201', GridKind.ADMINISTRATIVE)).toBeNull();
    expect(gridCodeProblem(township, '340122101201', GridKind.ADMINISTRATIVE)).toMatch(/must start with 340122100/);
    expect(gridCodeProblem(township, '3401221002011', GridKind.ADMINISTRATIVE)).toMatch(/12 digits/);
  });

  it('takes CJ/T 213 unit-grid codes (14 digits) and CJ/T 349 grid codes (20 digits) for urban management grids', () => {
    // 明光路街道 (340102004000) + sequence 01; a community code (…004001) + 07.
    expect(gridCodeProblem(yaohai, '34010200400001', GridKind.URBAN_MANAGEMENT)).toBeNull();
    expect(gridCodeProblem(yaohai, '34010200400107', GridKind.URBAN_MANAGEMENT)).toBeNull();
    // CJ/T 349: object code 010100 first, then the community's division code and the sequence.
    expect(gridCodeProblem(yaohai, '01010034010200400103', GridKind.URBAN_MANAGEMENT)).toBeNull();
    expect(urbanDivisionOf('01010034010200400103')).toBe('340102004001');
    for (const wrong of ['340102004000001', '3401020040001', '3401020040000A', '0101003401220040010']) {
      expect([wrong, gridCodeProblem(yaohai, wrong, GridKind.URBAN_MANAGEMENT)]).toEqual([wrong, expect.stringMatching(/CJ\/T 213/)]);
    }
    expect(gridCodeProblem(yaohai, '01010034012200400103', GridKind.URBAN_MANAGEMENT)).toMatch(/must start with 340102/);
    expect(gridCodeProblem(township, '34012210000001', GridKind.URBAN_MANAGEMENT)).toMatch(/directly under a county/);
  });
});

describe('registration divisions (GB/T 2260) and unit levels', () => {
  it('takes six digits under a province (or 10, national) only', () => {
    expect(isRegistrationDivision('340100')).toBe(true);
    expect(isRegistrationDivision('100000')).toBe(true);
    for (const wrong of ['990100', '34010', '3401000', '34010A']) expect([wrong, isRegistrationDivision(wrong)]).toEqual([wrong, false]);
  });

  it('walks the four levels one step at a time', () => {
    expect([GridLevel.CITY, GridLevel.COUNTY, GridLevel.TOWNSHIP, GridLevel.VILLAGE].map(levelBelow)).toEqual([GridLevel.COUNTY, GridLevel.TOWNSHIP, GridLevel.VILLAGE, null]);
    expect(levelAbove(GridLevel.CITY)).toBeNull();
    expect(levelAbove(GridLevel.VILLAGE)).toBe(GridLevel.TOWNSHIP);
  });
});
