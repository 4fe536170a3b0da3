import { gql } from '@apollo/client';
import type { RawRuleOf } from '@casl/ability';
import type { PackRule } from '@casl/ability/extra';
import type { AppAbility } from './ability';

export type Role =
  | 'API_CLIENT'
  | 'CITY_ADMIN'
  | 'CITY_DEPARTMENT'
  | 'CITY_INSPECTOR'
  | 'COUNTY_ADMIN'
  | 'COUNTY_DEPARTMENT'
  | 'GRID_WORKER'
  | 'OFFICER'
  | 'PLATFORM_OPERATOR'
  | 'TOWNSHIP_ADMIN';

export interface Me {
  account: { id: string; login: string; displayName: string };
  unit: { id: string; name: string; level: string; code: string };
  role: Role;
  /** The department of a department account (its queue: cases it leads). */
  department: { id: string; name: string } | null;
  /** The grid worker of a grid worker's account (its grids, its patrol plans). */
  gridWorker: { id: string; name: string } | null;
  rules: PackRule<RawRuleOf<AppAbility>>[];
  /** The server's business clock at the answer (common/clock.ts). */
  serverTime: string;
}

const ME_FIELDS = `account { id login displayName } unit { id name level code } role department { id name } gridWorker { id name } rules serverTime`;

export const ME = gql`query Me { me { ${ME_FIELDS} } }`;
export const SIGN_IN = gql`mutation SignIn($login: String!, $password: String!) { signIn(login: $login, password: $password) { ${ME_FIELDS} } }`;
export const SIGN_OUT = gql`mutation SignOut { signOut }`;
