import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_EMPTY = 'gw_template_empty';
export const TEMPLATE_SEEDED = 'gw_template_seeded';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function adminUrl(): string {
  const url = process.env.GW_TEST_ADMIN_URL;
  if (!url) throw new Error('GW_TEST_ADMIN_URL is not set: run the tests through jest (globalSetup)');
  return url;
}

/** A throwaway database cloned from a template; `drop()` removes it. */
export async function cloneDatabase(template: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gw_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client(adminUrl());
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  return {
    url: withDatabase(adminUrl(), name),
    async drop() {
      const client = new Client(adminUrl());
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** One statement on its own connection: for tests that build databases outside a TestApp. */
export async function queryAt<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client(url);
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
