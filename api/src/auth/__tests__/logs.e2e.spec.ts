import { startTestApp, type TestApp } from '../../test/test-app';

describe('logs', () => {
  const lines: string[] = [];
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ logLines: lines });
  });
  afterAll(() => app.close());

  it('never contain API keys, session cookies or passwords', async () => {
    const feidong = await app.as('feidong');
    const secretKey = 'gwk_AAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
    await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secretKey}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    await feidong.data('{ me { role } }');
    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(text).not.toContain('BBBBBBBB');
    expect(text).not.toContain(feidong.cookie!.split('=')[1]);
    expect(text).not.toContain('gridwatch"');
  });
});
