// Number health and costs of a whatsapp_cloud channel, end to end against the local Cloud API stand-in: quality
// updates signed the way Meta signs them change the channel (once), its messaging tier holds a broadcast to the daily
// recipient budget over a scaled window (WHATSAPP_BUDGET_WINDOW_MS in test/support/global-setup.ts), and the pricing
// of status notifications adds up in GET /v1/usage. Nothing here leaves 127.0.0.1.
import { createHmac, randomBytes } from 'node:crypto';
import { ALL_SCOPES, createApiKey, testSideOf } from '../src/admin';
import { call, client, type ApiResponse } from './support/client';
import { makeContacts } from './support/contacts';
import { expectProblem } from './support/operation-refusals';
import { closeDb, db, newWorkspace, sql, stack } from './support/stack';
import { waitFor } from './support/wait';
import { metaJson, notifications, start, type CloudApiStandIn } from './support/whatsapp-cloud-standin';

const PHONE_NUMBER_ID = '106540352242923';
const WABA_ID = '102290129340399';
const DISPLAY_NUMBER = '15550783882';
const APP_SECRET = `appsecret-${randomBytes(16).toString('hex')}`;

type Api = ReturnType<typeof client>;
let api: Api;
let workspaceId: string;
let cloud: CloudApiStandIn;
let channel: { id: string };
/** the broadcast the tier paused, whose messages the usage test prices */
let tieredBroadcastId: string;

beforeAll(async () => {
  const ws = await newWorkspace();
  workspaceId = ws.workspaceId;
  api = client(ws.key);
  cloud = await start();
  const made = await api.post('/v1/channels', {
    body: {
      name: 'WhatsApp health (stand-in)',
      provider: 'whatsapp_cloud',
      rate_per_second: 200,
      whatsapp: { phone_number_id: PHONE_NUMBER_ID, waba_id: WABA_ID, access_token: cloud.accessToken, app_secret: APP_SECRET, base_url: cloud.url },
    },
  });
  expect(made.status).toBe(201);
  channel = made.body;
});
afterAll(async () => {
  await cloud.close();
  await closeDb();
});

function deliver(notification: unknown, channelId = channel.id, secret = APP_SECRET): Promise<ApiResponse> {
  const raw = metaJson(notification);
  const signature = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  return call('POST', `/v1/channels/${channelId}/whatsapp/webhook`, { rawBody: raw, headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature } });
}

/** A template the channel's business account approved: created for review there, then approved by a signed notification. */
async function approvedTemplate(body: Record<string, unknown>, channelId = channel.id, wabaId = WABA_ID, secret = APP_SECRET): Promise<ApiResponse> {
  const made = await api.post('/v1/templates', { body: { ...body, channel_id: channelId } });
  expect(made.status).toBe(201);
  const [row] = await waitFor(() => sql<{ provider_template_id: string | null }>('select provider_template_id from templates where id = ?', [made.body.id]), (rows) => !!rows[0]?.provider_template_id, 20_000);
  const status = notifications.templateStatus({ wabaId, time: Math.floor(Date.now() / 1000), templateId: Number(row.provider_template_id), name: made.body.name, language: made.body.language, event: 'APPROVED', reason: 'NONE' });
  expect((await deliver(status, channelId, secret)).body).toMatchObject({ statuses_applied: 1 });
  const shown = await api.get(`/v1/templates/${made.body.id}`);
  expect(shown.body.status).toBe('approved');
  return shown;
}

const quality = (time: number, event: string, currentLimit?: string) =>
  notifications.quality({ wabaId: WABA_ID, time, displayPhoneNumber: DISPLAY_NUMBER, event, ...(currentLimit ? { currentLimit } : {}) });

async function eventsOf(type: string, objectId: string): Promise<{ id: string; created_at: string; data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> } }[]> {
  const res = await api.get(`/v1/events?type=${encodeURIComponent(type)}&limit=100`);
  expect(res.status).toBe(200);
  return (res.body.data as { data: { object: { id: string } } }[]).filter((e) => e.data.object.id === objectId).reverse() as never;
}

const T0 = Math.floor(Date.now() / 1000) - 3600;

describe('whatsapp_cloud number health', () => {
  it('starts unknown with no tier; sandbox channels show none', async () => {
    const shown = await api.get(`/v1/channels/${channel.id}`);
    expect(shown.body).toMatchObject({ quality_rating: 'unknown', messaging_tier: null, rate_per_second: 200 });
    const sandbox = await api.post('/v1/channels', { body: { name: 'sb', provider: 'sandbox' } });
    expect(sandbox.body).toMatchObject({ quality_rating: null, messaging_tier: null });
  });

  it('a signed quality update changes the channel and emits its events; a replay or an older one changes nothing', async () => {
    const flagged = quality(T0, 'FLAGGED', 'TIER_1K');
    const first = await deliver(flagged);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ object: 'whatsapp_notification', quality_updates_applied: 1, ignored: 0 });
    const shown = await api.get(`/v1/channels/${channel.id}`);
    expect(shown.body).toMatchObject({ quality_rating: 'red', messaging_tier: 'tier_1k' });
    const qualityEvents = await eventsOf('channel.quality_changed', channel.id);
    const tierEvents = await eventsOf('channel.tier_changed', channel.id);
    expect(qualityEvents).toHaveLength(1);
    expect(qualityEvents[0].data.previous_attributes).toEqual({ quality_rating: 'unknown' });
    expect(qualityEvents[0].data.object).toMatchObject({ quality_rating: 'red' });
    expect(tierEvents).toHaveLength(1);
    expect(tierEvents[0].data.previous_attributes).toEqual({ messaging_tier: null });
    expect(tierEvents[0].data.object).toMatchObject({ messaging_tier: 'tier_1k' });

    // the same notification again, and one older than the last applied: nothing changes, no event
    const replay = await deliver(flagged);
    expect(replay.status).toBe(200);
    const older = await deliver(quality(T0 - 60, 'UNFLAGGED'));
    expect(older.body).toMatchObject({ quality_updates_applied: 0, ignored: 1 });
    expect((await api.get(`/v1/channels/${channel.id}`)).body).toMatchObject({ quality_rating: 'red', messaging_tier: 'tier_1k', updated_at: shown.body.updated_at });
    expect(await eventsOf('channel.quality_changed', channel.id)).toHaveLength(1);
    expect(await eventsOf('channel.tier_changed', channel.id)).toHaveLength(1);

    // another business account's update is not this channel's
    const elsewhere = await deliver(notifications.quality({ wabaId: '999', time: T0 + 5, displayPhoneNumber: '1555', event: 'UNFLAGGED' }));
    expect(elsewhere.body).toMatchObject({ quality_updates_applied: 0, ignored: 1 });

    const unflagged = await deliver(quality(T0 + 10, 'UNFLAGGED'));
    expect(unflagged.body).toMatchObject({ quality_updates_applied: 1 });
    expect((await api.get(`/v1/channels/${channel.id}`)).body).toMatchObject({ quality_rating: 'green', messaging_tier: 'tier_1k' });
    const again = await eventsOf('channel.quality_changed', channel.id);
    expect(again.map((e) => e.data.previous_attributes)).toEqual([{ quality_rating: 'unknown' }, { quality_rating: 'red' }]);
  });

  it('a broadcast past the tier pauses with its reason and resumes by itself in the next window, each recipient sent once', async () => {
    const down = await deliver(quality(T0 + 20, 'DOWNGRADE', 'TIER_250'));
    expect(down.body).toMatchObject({ quality_updates_applied: 1 });
    expect((await api.get(`/v1/channels/${channel.id}`)).body.messaging_tier).toBe('tier_250');
    const contacts = await makeContacts(api, 260);
    const template = await approvedTemplate({ name: `health_${Date.now()}`, language: 'en', category: 'marketing', body: 'Sale: {{1}} off' });
    const made = await api.post('/v1/broadcasts', {
      body: { name: 'tiered', channel_id: channel.id, template_id: template.body.id, parameters: ['20%'], audience: { contact_ids: contacts.map((c) => c.id) }, rate_per_second: 500 },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ pause_reason: null, resumes_at: null });
    tieredBroadcastId = made.body.id;
    expect((await api.post(`/v1/broadcasts/${made.body.id}/send`)).status).toBe(202);
    const done = await waitFor(() => api.get(`/v1/broadcasts/${made.body.id}`), (r) => r.body.status === 'completed', 120_000, 250);
    expect(done.body).toMatchObject({ status: 'completed', pause_reason: null, resumes_at: null, counts: { total: 260, pending: 0, skipped: 0, failed: 0 } });

    const paused = await eventsOf('broadcast.paused', made.body.id);
    const resumed = await eventsOf('broadcast.resumed', made.body.id);
    expect(paused).toHaveLength(1);
    expect(resumed).toHaveLength(1);
    expect(paused[0].data.object).toMatchObject({ status: 'paused', pause_reason: 'daily_recipient_budget', counts: { pending: 10 } });
    expect(paused[0].data.previous_attributes).toEqual({ status: 'sending', pause_reason: null });
    const resumesAt = Date.parse(paused[0].data.object.resumes_at as string);
    expect(resumesAt).toBeGreaterThan(Date.parse(paused[0].created_at));
    expect(Date.parse(resumed[0].created_at)).toBeGreaterThanOrEqual(resumesAt);
    expect(resumed[0].data.object).toMatchObject({ status: 'sending', pause_reason: null, resumes_at: null });
    expect(resumed[0].data.previous_attributes).toEqual({ status: 'paused', pause_reason: 'daily_recipient_budget' });

    // every recipient handed to the Cloud API exactly once
    await waitFor(async () => cloud.requests.filter((r) => r.path === `/v21.0/${PHONE_NUMBER_ID}/messages`).length, (n) => n >= 260, 60_000);
    const sentTo = cloud.requests.filter((r) => r.path === `/v21.0/${PHONE_NUMBER_ID}/messages`).map((r) => `+${(r.json as { to: string }).to}`);
    expect(sentTo).toHaveLength(260);
    expect(new Set(sentTo)).toEqual(new Set(contacts.map((c) => c.phone)));
  }, 180_000);

  it('two broadcasts and single sends on one channel never pass the budget in any window, and every recipient is sent once', async () => {
    const waba = '102290129340400';
    const phoneNumberId = '106540352242924';
    const secret = `appsecret-${randomBytes(16).toString('hex')}`;
    const made = await api.post('/v1/channels', {
      body: { name: 'busy', provider: 'whatsapp_cloud', rate_per_second: 500, whatsapp: { phone_number_id: phoneNumberId, waba_id: waba, access_token: cloud.accessToken, app_secret: secret, base_url: cloud.url } },
    });
    expect(made.status).toBe(201);
    const busy = made.body.id as string;
    const tiered = await deliver(notifications.quality({ wabaId: waba, time: T0, displayPhoneNumber: '15550783883', event: 'DOWNGRADE', currentLimit: 'TIER_250' }), busy, secret);
    expect(tiered.body).toMatchObject({ quality_updates_applied: 1 });
    const template = await approvedTemplate({ name: `busy_${Date.now()}`, language: 'en', category: 'marketing', body: 'Hi {{1}}' }, busy, waba, secret);
    const contacts = await makeContacts(api, 305);
    // five single sends first: they count against the budget the broadcasts then share
    for (const c of contacts.slice(0, 5)) {
      const conversation = await api.post('/v1/conversations', { body: { contact_id: c.id, channel_id: busy } });
      const sent = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'template', template_id: template.body.id, parameters: ['x'] } });
      expect(sent.status).toBe(201);
    }
    const broadcast = (name: string, ids: string[]) =>
      api.post('/v1/broadcasts', { body: { name, channel_id: busy, template_id: template.body.id, parameters: ['y'], audience: { contact_ids: ids }, rate_per_second: 500 } });
    const one = await broadcast('one', contacts.slice(5, 155).map((c) => c.id));
    const two = await broadcast('two', contacts.slice(155).map((c) => c.id));
    const sends = await Promise.all([api.post(`/v1/broadcasts/${one.body.id}/send`), api.post(`/v1/broadcasts/${two.body.id}/send`)]);
    expect(sends.map((r) => r.status)).toEqual([202, 202]);
    for (const id of [one.body.id, two.body.id]) {
      const done = await waitFor(() => api.get(`/v1/broadcasts/${id}`), (r) => r.body.status === 'completed', 120_000, 250);
      expect(done.body.counts).toMatchObject({ total: 150, pending: 0, skipped: 0, failed: 0 });
    }
    const paused = [...(await eventsOf('broadcast.paused', one.body.id)), ...(await eventsOf('broadcast.paused', two.body.id))];
    expect(paused.length).toBeGreaterThan(0);
    for (const e of paused) expect(e.data.object).toMatchObject({ pause_reason: 'daily_recipient_budget' });
    // the budget held in every window: at each message's queue time, the distinct contacts of the window ending there
    const window = Number(stack().env.WHATSAPP_BUDGET_WINDOW_MS);
    const [{ most }] = await sql<{ most: number }>(
      `select max((select count(distinct m2.contact_id) from messages m2 where m2.channel_id = m.channel_id and m2.direction = 'outbound'
                   and m2.queued_at > m.queued_at - (? * interval '1 millisecond') and m2.queued_at <= m.queued_at))::int as most
         from messages m where m.workspace_id = ? and m.channel_id = ? and m.direction = 'outbound'`,
      [window, workspaceId, busy],
    );
    expect(most).toBeGreaterThan(200);
    expect(most).toBeLessThanOrEqual(250);
    const [{ messages, recipients }] = await sql<{ messages: number; recipients: number }>(
      `select count(*)::int as messages, count(distinct contact_id)::int as recipients from messages where workspace_id = ? and channel_id = ? and direction = 'outbound'`,
      [workspaceId, busy],
    );
    expect([messages, recipients]).toEqual([305, 305]);
    await waitFor(async () => cloud.requests.filter((r) => r.path === `/v21.0/${phoneNumberId}/messages`).length, (n) => n >= 305, 60_000);
    const sentTo = cloud.requests.filter((r) => r.path === `/v21.0/${phoneNumberId}/messages`).map((r) => `+${(r.json as { to: string }).to}`);
    expect(sentTo).toHaveLength(305);
    expect(new Set(sentTo)).toEqual(new Set(contacts.map((c) => c.phone)));
  }, 240_000);

  it('a red number is sent at half its rate', async () => {
    const waba = '102290129340401';
    const phoneNumberId = '106540352242925';
    const secret = `appsecret-${randomBytes(16).toString('hex')}`;
    const made = await api.post('/v1/channels', {
      body: { name: 'red', provider: 'whatsapp_cloud', rate_per_second: 4, whatsapp: { phone_number_id: phoneNumberId, waba_id: waba, access_token: cloud.accessToken, app_secret: secret, base_url: cloud.url } },
    });
    expect(made.status).toBe(201);
    const flagged = await deliver(notifications.quality({ wabaId: waba, time: T0, displayPhoneNumber: '15550783884', event: 'FLAGGED' }), made.body.id, secret);
    expect(flagged.body).toMatchObject({ quality_updates_applied: 1 });
    expect((await api.get(`/v1/channels/${made.body.id}`)).body).toMatchObject({ quality_rating: 'red', rate_per_second: 4 });
    const template = await approvedTemplate({ name: `red_${Date.now()}`, language: 'en', category: 'utility', body: 'Hi {{1}}' }, made.body.id, waba, secret);
    const contacts = await makeContacts(api, 8);
    const conversations = await Promise.all(contacts.map((c) => api.post('/v1/conversations', { body: { contact_id: c.id, channel_id: made.body.id } })));
    await Promise.all(conversations.map((c) => api.post(`/v1/conversations/${c.body.id}/messages`, { body: { type: 'template', template_id: template.body.id, parameters: ['x'] } })));
    const path = `/v21.0/${phoneNumberId}/messages`;
    await waitFor(async () => cloud.requests.filter((r) => r.path === path).length, (n) => n >= 8, 60_000);
    const at = cloud.requests.filter((r) => r.path === path).map((r) => r.at);
    // The pacer spaces hand-offs: at 2 a second, seven intervals of 500 ms less at most the 500 ms a stalled sender may
    // catch up, so 3 s; at 4 a second it would be 1.75 s at most. The stand-in sees arrivals, not hand-offs: the first
    // and the last request's trips differ by a few milliseconds, so the bound leaves them 100 ms.
    expect(Math.max(...at) - Math.min(...at)).toBeGreaterThanOrEqual(3000 - 100);
  });

  it('two numbers of one business account each take only the quality updates that name their own display number', async () => {
    const waba = '102290129340402';
    const made = await Promise.all(['106540352242930', '106540352242931'].map(async (phoneNumberId, i) => {
      const secret = `appsecret-${randomBytes(16).toString('hex')}`;
      const res = await api.post('/v1/channels', {
        body: { name: `number ${i}`, provider: 'whatsapp_cloud', whatsapp: { phone_number_id: phoneNumberId, waba_id: waba, access_token: cloud.accessToken, app_secret: secret, base_url: cloud.url } },
      });
      expect(res.status).toBe(201);
      return { id: res.body.id as string, phoneNumberId, secret };
    }));
    const [a, b] = made;
    const [displayA, displayB] = ['15550783890', '15550783891'];
    const flag = (display: string, time: number) => notifications.quality({ wabaId: waba, time, displayPhoneNumber: display, event: 'FLAGGED' });
    const ratings = async () => Promise.all(made.map(async (c) => (await api.get(`/v1/channels/${c.id}`)).body.quality_rating));
    // before either channel has heard from Meta about its own number, an update could be about either: ignored
    expect((await deliver(flag(displayA, T0), a.id, a.secret)).body).toMatchObject({ quality_updates_applied: 0, ignored: 1 });
    expect(await ratings()).toEqual(['unknown', 'unknown']);
    // a customer's message to each number tells its channel the display form (written with separators here)
    const inbound = (c: (typeof made)[number], display: string, n: number) =>
      deliver(notifications.messages({ wabaId: waba, phoneNumberId: c.phoneNumberId, displayPhoneNumber: `+${display.slice(0, 1)} ${display.slice(1, 4)}-${display.slice(4)}`, messages: [{ from: `9198000${String(Date.now()).slice(-5)}${n}`, id: `wamid.DISPLAY${Date.now()}${n}`, timestamp: String(T0), type: 'text', text: { body: 'hi' } }] }), c.id, c.secret);
    expect((await inbound(a, displayA, 1)).body.messages_received).toHaveLength(1);
    expect((await inbound(b, displayB, 2)).body.messages_received).toHaveLength(1);
    // Meta sends an app's notifications to one URL: B's update arriving at A's changes neither channel
    expect((await deliver(flag(displayB, T0 + 1), a.id, a.secret)).body).toMatchObject({ quality_updates_applied: 0, ignored: 1 });
    expect(await ratings()).toEqual(['unknown', 'unknown']);
    expect((await deliver(flag(displayA, T0 + 2), a.id, a.secret)).body).toMatchObject({ quality_updates_applied: 1 });
    expect(await ratings()).toEqual(['red', 'unknown']);
    expect((await deliver(flag(displayB, T0 + 3), b.id, b.secret)).body).toMatchObject({ quality_updates_applied: 1 });
    expect(await ratings()).toEqual(['red', 'red']);
  });

  it('GET /v1/usage sums the pricing of signed status notifications per day and per broadcast', async () => {
    const broadcastId = tieredBroadcastId;
    const page = await api.get(`/v1/messages?channel_id=${channel.id}&direction=outbound&limit=3`);
    expect(page.body.data).toHaveLength(3);
    const pricing = (category: string, billable: boolean) => ({ pricing: { billable, pricing_model: 'PMP', category, type: 'regular' } });
    const [a, b, c] = page.body.data as { provider_message_id: string; contact_id: string }[];
    const phoneOf = async (id: string) => ((await api.get(`/v1/contacts/${id}`)).body.phone as string).slice(1);
    const statuses = [
      { id: a.provider_message_id, status: 'delivered', timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: await phoneOf(a.contact_id), ...pricing('marketing', true) },
      { id: b.provider_message_id, status: 'read', timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: await phoneOf(b.contact_id), ...pricing('marketing', true) },
      { id: c.provider_message_id, status: 'delivered', timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: await phoneOf(c.contact_id), ...pricing('service', false) },
    ];
    const applied = await deliver(notifications.messages({ wabaId: WABA_ID, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: DISPLAY_NUMBER, statuses }));
    expect(applied.body).toMatchObject({ statuses_applied: 3, ignored: 0 });

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const usage = await api.get(`/v1/usage?from=${yesterday}&to=${today}&broadcast_id=${broadcastId}`);
    expect(usage.status).toBe(200);
    const counts = { sent: 260, delivered: 3, read: 1, failed: 0, billable: 2, billable_by_category: { marketing: 2 } };
    expect(usage.body).toEqual({
      object: 'usage',
      from: yesterday,
      to: today,
      channel_id: null,
      broadcast_id: broadcastId,
      totals: counts,
      data: [
        { date: yesterday, sent: 0, delivered: 0, read: 0, failed: 0, billable: 0, billable_by_category: {} },
        { date: today, ...counts },
      ],
    });
    // by channel, with the default range (the last 30 days, today last)
    const byChannel = await api.get(`/v1/usage?channel_id=${channel.id}`);
    expect(byChannel.body.data).toHaveLength(30);
    expect(byChannel.body.data[29]).toEqual({ date: today, ...counts });
    // the test side of the workspace counts none of the live side's messages
    const testKey = (await createApiKey(await db(), { workspaceId: await testSideOf(await db(), workspaceId), scopes: ALL_SCOPES })).secret;
    const testSide = await client(testKey).get(`/v1/usage?from=${today}&to=${today}&channel_id=${channel.id}`);
    expect(testSide.status).toBe(200);
    expect(testSide.body.totals).toEqual({ sent: 0, delivered: 0, read: 0, failed: 0, billable: 0, billable_by_category: {} });
  });

  it('events stored before number health and pause reasons are shown in today\'s shape', async () => {
    const stored = await sql<{ id: string; type: string }>(
      `select id, type from events where workspace_id = ? and ((type = 'channel.created' and object_id = ?) or (type = 'broadcast.created' and object_id = ?))`,
      [workspaceId, channel.id, tieredBroadcastId],
    );
    expect(stored.map((e) => e.type).sort()).toEqual(['broadcast.created', 'channel.created']);
    // what they held when written before migration 38
    for (const e of stored) {
      const fields = e.type === 'channel.created' ? ['quality_rating', 'messaging_tier'] : ['pause_reason', 'resumes_at'];
      for (const field of fields) await sql(`update events set data = (data::jsonb #- ?::text[])::json where id = ?`, [`{object,${field}}`, e.id]);
    }
    // the validating client checks them against the spec
    for (const e of stored) {
      const listed = await api.get(`/v1/events?type=${e.type}&limit=100`);
      expect(listed.status).toBe(200);
      const shown = (listed.body.data as { id: string; data: { object: Record<string, unknown> } }[]).find((x) => x.id === e.id)!;
      expect(shown.data.object).toMatchObject(e.type === 'channel.created' ? { quality_rating: null, messaging_tier: null } : { pause_reason: null, resumes_at: null });
    }
  });

  it('refuses a usage range past 90 days or reversed, with a pointer', async () => {
    const tooLong = await api.get('/v1/usage?from=2026-01-01&to=2026-04-01');
    // each date alone is what the spec allows, so the range is refused as unprocessable, not malformed
    expectProblem(tooLong, 422, 'usage_range_invalid');
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ pointer: '/query/to', code: 'range_too_long' })]);
    expect((await api.get('/v1/usage?from=2026-01-01&to=2026-03-31')).status).toBe(200);
    const reversed = await api.get('/v1/usage?from=2026-02-02&to=2026-02-01');
    expectProblem(reversed, 422, 'usage_range_invalid');
    expect(reversed.body.errors).toEqual([expect.objectContaining({ pointer: '/query/from', code: 'range_reversed' })]);
    // a `from` after today with `to` left to its default is reversed too
    const future = await api.get('/v1/usage?from=2099-01-01');
    expectProblem(future, 422, 'usage_range_invalid');
    expect(future.body.errors).toEqual([expect.objectContaining({ pointer: '/query/from', code: 'range_reversed' })]);
    // a day that does not exist breaks the spec's `format: date` (not read as 2 March)
    const noSuchDay = await api.get('/v1/usage?from=2026-02-30&to=2026-03-05');
    expectProblem(noSuchDay, 400, 'invalid_request');
    expect(noSuchDay.body.errors).toEqual([expect.objectContaining({ pointer: '/query/from' })]);
  });
});
