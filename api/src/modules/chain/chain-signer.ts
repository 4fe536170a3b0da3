import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { keepSecret, publishKey, readSecret } from './chain.sql';

const SECRET_NAME = 'chain_signing_key';

export interface ChainSigner {
  keyId: string;
  publicKeyPem: string;
  sign(payload: string): string;
}

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** Ed25519 over the payload's UTF-8 bytes, base64. */
export function verifySignature(publicKeyPem: string, payload: string, signature: string): boolean {
  return verify(null, Buffer.from(payload, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
}

/**
 * The server's checkpoint key: CHAIN_SIGNING_KEY (an Ed25519 private key, PKCS#8 PEM) when
 * set, as production should; otherwise the one generated on first start and kept in
 * `server_secret`, which only the owner login (the scheduler's) can read. Its public half is
 * published in `chain_signing_key` for anyone to verify with.
 */
export async function loadSigner(em: EntityManager, override: string | null): Promise<ChainSigner> {
  let pem = override;
  if (!pem) {
    pem = await readSecret(em, SECRET_NAME);
    if (!pem) {
      const { privateKey } = generateKeyPairSync('ed25519');
      await keepSecret(em, SECRET_NAME, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
      pem = (await readSecret(em, SECRET_NAME)) as string;
    }
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('CHAIN_SIGNING_KEY must be an Ed25519 private key (PKCS#8 PEM)');
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  await publishKey(em, keyId, publicKeyPem);
  return { keyId, publicKeyPem, sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64') };
}
