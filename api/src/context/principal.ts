import type { DepartmentField, GridLevel, Role } from '../common/enums';
import type { UnitScope } from '../common/base.entity';

/** Who is calling: an account with its unit (属地), role and assignments. */
export interface Principal {
  accountId: number;
  login: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitLevel: GridLevel;
  /** The unit's own scope columns (self-inclusive at its level). */
  unitScope: UnitScope;
  departmentId: number | null;
  departmentField: DepartmentField | null;
  /** Grids an officer or grid worker is attached to. */
  assignedGridIds: number[];
  /** The level-3 grids among them: everything below them is in reach too. */
  assignedTownshipIds: number[];
}
