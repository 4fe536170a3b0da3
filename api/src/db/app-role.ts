import { createHmac } from 'node:crypto';
import { Client } from 'pg';

/** The role the API runs as: owns nothing, no BYPASSRLS (created by the RLS migration). */
export const APP_ROLE = 'gridwatch_app';

/** Derived from the owner's credentials (not the database name), so it is stable and as secret as they are. */
function appRolePassword(ownerUrl: string): string {
  const owner = new URL(ownerUrl);
  return createHmac('sha256', `${owner.username}:${owner.password}@${owner.host}`).update(APP_ROLE).digest('hex');
}

export function appRoleUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appRolePassword(ownerUrl);
  return url.toString();
}

/**
 * Lets the app role log in (as the owner, after migrations) and returns its URL.
 * `DATABASE_APP_URL` skips this for servers where the owner may not alter roles; that login
 * needs what gridwatch_app has, including membership of the four level roles (gw_bind_unit).
 */
export async function enableAppRole(ownerUrl: string, appUrl = process.env.DATABASE_APP_URL): Promise<string> {
  if (appUrl) return appUrl;
  const client = new Client(ownerUrl);
  await client.connect();
  try {
    // The password is hex, so quoting it as a literal is safe. Two processes setting it at once
    // (test workers) collide on the role's row; both set the same password, so one retry does.
    const alter = `alter role ${APP_ROLE} login password '${appRolePassword(ownerUrl)}'`;
    await client.query(alter).catch((error: Error) => (/concurrently updated/.test(error.message) ? client.query(alter) : Promise.reject(error)));
  } finally {
    await client.end();
  }
  return appRoleUrl(ownerUrl);
}
