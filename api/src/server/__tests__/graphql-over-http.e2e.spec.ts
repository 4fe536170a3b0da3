import { auditServer, type AuditResult } from 'graphql-http';
import { startTestApp, type TestApp } from '../../test/test-app';

/**
 * The GraphQL-over-HTTP spec's own audit (graphql-http's auditServer), with every warning
 * counted as a failure: status codes and media types as the spec recommends for both
 * `application/json` and `application/graphql-response+json`.
 */
describe('GraphQL over HTTP audit', () => {
  let app: TestApp;
  let results: AuditResult[];
  beforeAll(async () => {
    app = await startTestApp();
    results = await auditServer({ url: `${app.url}/graphql` });
  });
  afterAll(() => app.close());

  it('has no errors and no warnings', async () => {
    const problems = await Promise.all(
      results.filter((result) => result.status !== 'ok' && result.status !== 'notice').map(async (result) => `${result.status} ${result.id} ${result.name}: ${'reason' in result ? result.reason : ''} ${'response' in result ? await result.response.text() : ''}`),
    );
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });
});
