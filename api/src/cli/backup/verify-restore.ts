import { MikroORM } from '@mikro-orm/postgresql';
import path from 'node:path';
import { Client } from 'pg';
import { ormConfig } from '../../db/orm.config';
import { verifyChains, type ChainReport } from '../../modules/case/case-chain.service';
import { storedFileHashes } from './backup-catalog';
import { evidencePath, sha256File } from './backup-manifest';

export interface RestoreVerification {
  chains: ChainReport[];
  /** Stored files the rows name, and those missing or not matching their SHA-256. */
  evidence: { files: number; bad: string[] };
}

/** The restored database checked as an auditor would: every hash chain (verify:chain's check) and every stored file's bytes. */
export async function verifyRestore(databaseUrl: string, evidenceDir: string): Promise<RestoreVerification> {
  const orm = await MikroORM.init(ormConfig(databaseUrl));
  let chains: ChainReport[];
  try {
    chains = await verifyChains(orm.em.fork());
  } finally {
    await orm.close(true);
  }
  const client = new Client(databaseUrl);
  await client.connect();
  let hashes: string[];
  try {
    hashes = await storedFileHashes(client);
  } finally {
    await client.end();
  }
  const bad: string[] = [];
  for (const sha256 of hashes) {
    if ((await sha256File(path.join(evidenceDir, evidencePath(sha256))).catch(() => null)) !== sha256) bad.push(sha256);
  }
  return { chains, evidence: { files: hashes.length, bad } };
}

export const restoreIntact = (v: RestoreVerification): boolean => v.chains.every((c) => !c.broken) && !v.evidence.bad.length;
