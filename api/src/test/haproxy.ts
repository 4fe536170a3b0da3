import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../config';
import { freePort } from './api-process';
import { requireDebianPackage } from './debian-package';

export interface HaProxy {
  url: string;
  stop(): Promise<void>;
}

/**
 * HAProxy in front of API replicas on `ports`, with deploy/haproxy.cfg.template's health check
 * and retry rules (/readyz, redispatch on a refused connection).
 */
export async function startHaProxy(ports: number[]): Promise<HaProxy> {
  const binary = requireDebianPackage('haproxy');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-haproxy-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const config = path.join(dir, 'haproxy.cfg');
  writeFileSync(config, haproxyConfig(port, ports.map((p) => `127.0.0.1:${p}`)));
  const child = spawn(binary, ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`haproxy exited: ${output.join('').slice(-2000)}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return { url, stop };
    if (waited > 20_000) {
      await stop();
      throw new Error(`haproxy did not start: ${output.join('').slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** deploy/haproxy.cfg.template (what deploy/cluster.sh runs; each answer names its API process in `x-served-by`). */
function haproxyConfig(port: number, servers: string[]): string {
  const template = readFileSync(path.join(repoRoot, 'deploy', 'haproxy.cfg.template'), 'utf8');
  return template
    .replace('@LISTEN@', `127.0.0.1:${port}`)
    .replace('@SERVERS@', servers.map((server, i) => `  server api${i + 1} ${server}`).join('\n'));
}
