import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where evidence bytes live; an object store can replace the local disk behind this. */
export interface EvidenceStorage {
  /** Stores the bytes under their SHA-256 (content-addressed: a re-upload costs nothing). */
  put(sha256: string, data: Buffer): Promise<void>;
  open(sha256: string): Readable;
}

export class LocalDiskStorage implements EvidenceStorage {
  constructor(private readonly root: string) {}

  private fileOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(sha256: string, data: Buffer): Promise<void> {
    const file = this.fileOf(sha256);
    if (await stat(file).then(() => true, () => false)) return;
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename would be atomic; the content address makes a torn write detectable anyway.
    await writeFile(file, data, { flag: 'w' });
  }

  open(sha256: string): Readable {
    return createReadStream(this.fileOf(sha256));
  }
}
