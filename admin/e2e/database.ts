import { Client } from 'pg';

/** A query on the API's own database (as its owner), for what only the database can show. */
export async function databaseRows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.GW_DATABASE_URL;
  if (!url) throw new Error('GW_DATABASE_URL is not set (globalSetup starts the API and its database)');
  const client = new Client(url);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
