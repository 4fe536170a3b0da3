import { gql } from '@apollo/client';
import type { RawRuleOf } from '@casl/ability';
import type { PackRule } from '@casl/ability/extra';
import type { AppAbility } from './ability';
import type { RoleName } from '@gridwatch/domain/enums';

/** A duty role as the API sends it (the domain package's Role values). */
export type Role = RoleName;

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
