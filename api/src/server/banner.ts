import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@gridwatch/seeds';

/** What a newcomer needs after `start`: where to go and how to sign in. */
export function printBanner(info: { url: string; seeded: boolean; embedded: boolean; dataDir: string; startedMs: number }): void {
  const lines = [
    '',
    `gridwatch 网格化环境监管 is running (started in ${(info.startedMs / 1000).toFixed(1)} s)`,
    `  console   ${info.url}/`,
    `  GraphQL   ${info.url}/graphql`,
    `  health    ${info.url}/healthz  ${info.url}/readyz`,
    `  database  ${info.embedded ? `embedded PostgreSQL, data in ${info.dataDir}` : 'DATABASE_URL'}${info.seeded ? ' (Hefei seed loaded now)' : ''}`,
    '',
    `Demo accounts (password "${DEMO_PASSWORD}"):`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.login.padEnd(12)} ${a.role.padEnd(18)} ${a.unitName}`),
    '',
    'Stop with Ctrl-C.',
    '',
  ];
  console.log(lines.join('\n'));
}
