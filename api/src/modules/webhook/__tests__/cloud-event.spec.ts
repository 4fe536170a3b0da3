import { Webhook } from 'standardwebhooks';
import { createHmac } from 'node:crypto';
import { cloudEvent, parseWebhookEventId, webhookEventId } from '../cloud-event';
import { deliverableUrl, retryDelayMs } from '../webhook-delivery.service';

/** CloudEvents 1.0 §3.1 required attributes, and the optional ones we send, as the spec types them. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('the CloudEvent of an outbox message', () => {
  const message = {
    id: 41,
    source: 'case_event',
    type: 'cn.gridwatch.case.dispatch',
    at: new Date('2026-11-28T01:00:00Z'),
    caseId: 7,
    cityId: 1,
    countyId: 3,
    row: { id: 99, case_id: 7, county_id: 3, actor_id: 12, tx_id: 555, action: 'DISPATCH', lead_department_id: 4, some_internal_id: 8, case_number: '340122-20261128-000007' },
  };

  it('carries the required attributes (id, source, specversion, type) and time, subject, datacontenttype as the spec types them', () => {
    const event = cloudEvent(message);
    expect(event.specversion).toBe('1.0');
    for (const attribute of ['id', 'source', 'type'] as const) expect(event[attribute]).toEqual(expect.stringMatching(/.+/));
    // source is a URI-reference; time an RFC 3339 timestamp.
    expect(() => new URL(event.source, 'https://example.invalid')).not.toThrow();
    expect(event.time).toMatch(RFC3339);
    expect(event).toMatchObject({ id: 'evt_41', subject: Buffer.from('Case:7').toString('base64url'), datacontenttype: 'application/json' });
    // Attribute names: lower-case letters and digits only (§3.1.1).
    for (const name of Object.keys(event)) expect(name).toMatch(/^[a-z0-9]{1,20}$/);
  });

  it('turns internal keys into global ids and keeps internal ones inside', () => {
    const { data } = cloudEvent(message);
    expect(data).toEqual({
      id: Buffer.from('CaseEvent:99').toString('base64url'),
      caseId: Buffer.from('Case:7').toString('base64url'),
      countyId: Buffer.from('Grid:3').toString('base64url'),
      leadDepartmentId: Buffer.from('Department:4').toString('base64url'),
      action: 'DISPATCH',
      caseNumber: '340122-20261128-000007',
    });
  });

  it('is the same for the same message (a replay sends the same body)', () => {
    expect(JSON.stringify(cloudEvent(message))).toBe(JSON.stringify(cloudEvent({ ...message, row: { ...message.row } })));
  });

  it('event ids round-trip; anything else is not one', () => {
    expect(parseWebhookEventId(webhookEventId(123))).toBe(123);
    expect(parseWebhookEventId('evt_')).toBeNull();
    expect(parseWebhookEventId('123')).toBeNull();
  });
});

describe('delivery rules', () => {
  it('backs off exponentially from 10 s, at most 6 hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([10_000, 40_000, 160_000, 640_000]);
    expect(retryDelayMs(30)).toBe(6 * 3600_000);
  });

  it('sends only to http(s) URLs without credentials', () => {
    expect(deliverableUrl('https://hooks.example.com/x')).toBe(true);
    expect(deliverableUrl('http://10.0.0.1:8080/x')).toBe(true);
    for (const url of ['file:///etc/passwd', 'gopher://x', 'data:text/plain,x', 'https://u:p@x.com/', 'javascript:alert(1)', '']) expect(deliverableUrl(url)).toBe(false);
  });

  it('the signature is the Standard Webhooks one: v1, base64 HMAC-SHA256 of id.timestamp.body with the decoded secret', () => {
    const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    const at = new Date('2026-11-28T01:00:00Z');
    const body = '{"a":1}';
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update(`evt_1.${at.getTime() / 1000}.${body}`).digest('base64');
    expect(new Webhook(secret).sign('evt_1', at, body)).toBe(`v1,${expected}`);
  });
});
