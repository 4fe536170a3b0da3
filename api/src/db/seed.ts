import { loadProfile } from '@gridwatch/seeds';
import { Client } from 'pg';

/**
 * Loads the Hefei demo data, laid out before the Beijing day `anchor`, into an empty database;
 * returns false when data was already there.
 */
export async function seedIfEmpty(url: string, anchor: string): Promise<boolean> {
  const client = new Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from grid');
    if (rows[0].n > 0) return false;
    await loadProfile(client, 'hefei', { anchor });
    return true;
  } finally {
    await client.end();
  }
}
