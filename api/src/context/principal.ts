import type { DepartmentField, GridLevel, Role } from '../common/enums';
import type { UnitScope } from '../common/base.entity';
import type { ApiKeyScope } from '../common/api-key-scope';

/** Who is calling: an account with its unit (属地), role and assignments. */
export interface Principal {
  /** Null for API clients, which act through a key rather than an account. */
  accountId: number | null;
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
  /** For API_CLIENT: the scopes of its key (empty for people). */
  apiScopes: ApiKeyScope[];
  /** For API_CLIENT: the key, for per-key rate limits. */
  apiKey: { id: number; rateLimitPerMinute: number } | null;
}
