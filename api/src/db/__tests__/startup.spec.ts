import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { cloneDatabase, TEMPLATE_SEEDED } from '../../test/databases';

const apiRoot = path.join(__dirname, '..', '..', '..');

/** Runs the real entry point (as `pnpm start` does) and collects what it prints. */
function runMain(env: Record<string, string>, untilOutput?: RegExp): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: apiRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (untilOutput?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('start-up', () => {
  it('says in one sentence that the port is taken (no stack trace)', async () => {
    const database = await cloneDatabase(TEMPLATE_SEEDED);
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, output } = await runMain({ DATABASE_URL: database.url, PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
      await database.drop();
    }
  });

  it('says the data directory is unusable when it is a file', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gw-start-')), 'not-a-dir');
    writeFileSync(file, 'x');
    const { code, output } = await runMain({ DATABASE_URL: '', GRIDWATCH_DATA_DIR: file, PORT: '0' });
    expect(code).toBe(1);
    expect(output).toContain(`The data directory ${file} exists but is not a directory.`);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('starts on an existing database, prints where to go and the demo accounts, and stops on SIGTERM', async () => {
    const database = await cloneDatabase(TEMPLATE_SEEDED);
    try {
      const { code, output } = await runMain({ DATABASE_URL: database.url, PORT: '0' }, /Stop with Ctrl-C/);
      expect(output).toMatch(/GraphQL\s+http:\/\/127\.0\.0\.1:\d+\/graphql/);
      expect(output).toMatch(/cityadmin\s+CITY_ADMIN/);
      expect(code).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
