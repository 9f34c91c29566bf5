// Promotion of a workspace's test-side configuration to its live side: a dry run that writes nothing, then the real
// one, exactly once per Idempotency-Key, with each item's result, and nothing that is a secret crossing over.
import { randomUUID } from 'node:crypto';
import { ALL_SCOPES, createApiKey, testSideOf } from '../src/admin';
import { client } from './support/client';
import { expectProblem } from './support/operation-refusals';
import { closeDb, db, newWorkspace, sql } from './support/stack';

afterAll(closeDb);

type Api = ReturnType<typeof client>;

async function made(api: Api, path: string, body: Record<string, unknown>): Promise<string> {
  const res = await api.post(path, { body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 300)}`);
  return res.body.id;
}

type Item = { type: string; name: string; live_id: string; action: string };
const itemOf = (body: { items: Item[] }, type: string, name: string): Item | undefined => body.items.find((i) => i.type === type && i.name === name);

describe('environment promotions', () => {
  let live: Api;
  let test: Api;
  let liveWorkspace: string;
  const suffix = Date.now().toString(36);
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const ws = await newWorkspace();
    liveWorkspace = ws.workspaceId;
    live = client(ws.key);
    test = client((await createApiKey(await db(), { workspaceId: await testSideOf(await db(), ws.workspaceId), scopes: ALL_SCOPES })).secret);

    // the live side: a channel of the same name as the test one, a template the test side changes, one of its own,
    // and a definition whose values on live contacts the test side's type would not fit
    ids.liveChannel = await made(live, '/v1/channels', { name: 'whatsapp', provider: 'sandbox' });
    ids.liveWelcome = await made(live, '/v1/templates', { name: `welcome_${suffix}`, language: 'en', category: 'utility', body: 'Hello {{1}}' });
    ids.liveOnly = await made(live, '/v1/templates', { name: `live_only_${suffix}`, language: 'en', category: 'utility', body: 'Stays' });
    await made(live, '/v1/contact-attributes', { key: `score_${suffix}`, type: 'string' });
    await made(live, '/v1/contacts', { external_id: `scored-${suffix}`, attributes: { [`score_${suffix}`]: 'high' } });

    // the test side's configuration
    ids.testChannel = await made(test, '/v1/channels', { name: 'whatsapp', provider: 'sandbox' });
    ids.testOrphanChannel = await made(test, '/v1/channels', { name: 'test-only', provider: 'sandbox' });
    ids.tier = await made(test, '/v1/contact-attributes', { key: `tier_${suffix}`, type: 'enum', options: ['gold', 'silver'], personal: false });
    ids.score = await made(test, '/v1/contact-attributes', { key: `score_${suffix}`, type: 'number' });
    ids.welcome = await made(test, '/v1/templates', { name: `welcome_${suffix}`, language: 'en', category: 'utility', body: 'Hello {{1}}, welcome aboard' });
    ids.receipt = await made(test, '/v1/templates', { name: `receipt_${suffix}`, language: 'en', category: 'utility', body: 'Order {{1}} paid' });
    ids.flow = await made(test, '/v1/flows', {
      name: `onboard_${suffix}`,
      trigger: { type: 'manual' },
      steps: [
        { id: 'hello', type: 'send_message', channel_id: ids.testChannel, template_id: ids.welcome, parameters: ['there'] },
        { id: 'done', type: 'end' },
      ],
    });
    ids.orphanFlow = await made(test, '/v1/flows', {
      name: `orphan_${suffix}`,
      trigger: { type: 'manual' },
      steps: [
        { id: 'hello', type: 'send_message', channel_id: ids.testOrphanChannel, text: 'hi' },
        { id: 'done', type: 'end' },
      ],
    });
    const endpoint = await test.post('/v1/webhook-endpoints', { body: { url: `http://127.0.0.1:9/hooks-${suffix}`, event_types: ['contact.*'] } });
    ids.endpoint = endpoint.body.id;
    ids.testSecret = endpoint.body.secret;
  }, 60_000);

  it('refuses a test key: promotion writes to the live side', async () => {
    expectProblem(await test.post('/v1/environment-promotions', { body: { dry_run: true } }), 403, 'live_key_required');
  });

  it('previews with dry_run and writes nothing live', async () => {
    const before = await sql<{ n: string }>(`select count(*) as n from events where workspace_id = ?`, [liveWorkspace]);
    const preview = await live.post('/v1/environment-promotions', { body: { dry_run: true } });
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ object: 'environment_promotion', livemode: true, dry_run: true, status: 'previewed' });
    expect(itemOf(preview.body, 'contact_attribute', `tier_${suffix}`)).toMatchObject({ action: 'create', test_id: ids.tier, live_id: null, changed: ['key', 'type', 'options', 'personal'] });
    expect(itemOf(preview.body, 'template', `welcome_${suffix}`)).toMatchObject({ action: 'update', live_id: ids.liveWelcome, changed: ['body'] });
    expect(itemOf(preview.body, 'template', `receipt_${suffix}`)).toMatchObject({ action: 'create', live_id: null });
    expect(itemOf(preview.body, 'flow', `onboard_${suffix}`)).toMatchObject({ action: 'create' });
    expect(itemOf(preview.body, 'flow', `orphan_${suffix}`)).toMatchObject({ action: 'skipped', reason: expect.stringContaining('no live channel') });
    expect(itemOf(preview.body, 'webhook_endpoint', `http://127.0.0.1:9/hooks-${suffix}`)).toMatchObject({ action: 'create' });
    expect(preview.body.items.some((i: { name: string }) => i.name === `live_only_${suffix}`)).toBe(false);
    // nothing moved on the live side
    expect((await live.get(`/v1/templates/${ids.liveWelcome}`)).body.body).toBe('Hello {{1}}');
    expect((await live.get(`/v1/templates?name=receipt_${suffix}`)).body.data).toEqual([]);
    const after = await sql<{ n: string }>(`select count(*) as n from events where workspace_id = ?`, [liveWorkspace]);
    expect(after[0].n).toBe(before[0].n);
  });

  it('promotes once per Idempotency-Key, item by item, through the live side\'s own commands', async () => {
    const key = randomUUID();
    const res = await live.post('/v1/environment-promotions', { body: {}, headers: { 'Idempotency-Key': key } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ dry_run: false, status: 'completed_with_failures' });
    expect(res.body.summary).toEqual({ create: 4, update: 1, unchanged: 0, skipped: 1, failed: 1 });

    // the definition whose live values would not fit is refused as a REST update would be; the rest went on
    expect(itemOf(res.body, 'contact_attribute', `score_${suffix}`)).toMatchObject({ action: 'failed', error: { code: 'contact_attribute_values_mismatch' } });
    const tier = itemOf(res.body, 'contact_attribute', `tier_${suffix}`)!;
    expect((await live.get(`/v1/contact-attributes/${tier.live_id}`)).body).toMatchObject({ key: `tier_${suffix}`, type: 'enum', options: ['gold', 'silver'], livemode: true });
    expect((await live.get(`/v1/templates/${ids.liveWelcome}`)).body).toMatchObject({ body: 'Hello {{1}}, welcome aboard', livemode: true });
    expect((await live.get(`/v1/templates/${ids.liveOnly}`)).body.body).toBe('Stays');

    // the flow names the live channel and the live template, and waits to be activated
    const receipt = itemOf(res.body, 'template', `receipt_${suffix}`)!;
    expect(receipt.live_id).toMatch(/^tpl_/);
    const flowItem = itemOf(res.body, 'flow', `onboard_${suffix}`)!;
    const flow = await live.get(`/v1/flows/${flowItem.live_id}`);
    expect(flow.body).toMatchObject({ status: 'inactive', livemode: true });
    expect(flow.body.steps[0]).toMatchObject({ channel_id: ids.liveChannel, template_id: ids.liveWelcome });

    // the endpoint crossed without its secret: disabled until its new secret is shown by a rotation
    const endpointItem = itemOf(res.body, 'webhook_endpoint', `http://127.0.0.1:9/hooks-${suffix}`)!;
    const endpoint = await live.get(`/v1/webhook-endpoints/${endpointItem.live_id}`);
    expect(endpoint.body).toMatchObject({ enabled: false, event_types: ['contact.*'] });
    expect(JSON.stringify(res.body)).not.toContain(ids.testSecret);
    const rotated = await live.post(`/v1/webhook-endpoints/${endpointItem.live_id}/rotate-secret`, { body: { overlap_seconds: 0 } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(ids.testSecret);

    // the live side saw the changes as events of its own
    const events = (await live.get('/v1/events?limit=50')).body.data.map((e: { type: string; data: { object: { id: string } } }) => `${e.type} ${e.data.object.id}`);
    expect(events).toEqual(expect.arrayContaining([`template.updated ${ids.liveWelcome}`, `template.created ${receipt.live_id}`, `webhook_endpoint.created ${endpointItem.live_id}`]));

    // the same key again: the same answer, nothing made twice
    const again = await live.post('/v1/environment-promotions', { body: {}, headers: { 'Idempotency-Key': key } });
    expect(again.body.id).toBe(res.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const receipts = await sql<{ n: string }>(`select count(*) as n from templates where workspace_id = ? and name = ? and deleted_at is null`, [liveWorkspace, `receipt_${suffix}`]);
    expect(Number(receipts[0].n)).toBe(1);

    // a new promotion finds everything in place
    const next = await live.post('/v1/environment-promotions', { body: { include: ['template', 'flow', 'webhook_endpoint'] } });
    expect(next.body.summary).toEqual({ create: 0, update: 0, unchanged: 4, skipped: 1, failed: 0 });
    const listed = await live.get('/v1/environment-promotions');
    expect(listed.body.data.map((p: { id: string }) => p.id).slice(0, 2)).toEqual([next.body.id, res.body.id]);
    expect((await live.get(`/v1/environment-promotions/${res.body.id}`)).body).toEqual(res.body);
    expectProblem(await test.get(`/v1/environment-promotions/${res.body.id}`), 404, 'resource_missing');
  }, 60_000);
});
