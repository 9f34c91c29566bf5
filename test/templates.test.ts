import { randomUUID } from 'node:crypto';
import { ApiError } from '../src/errors';
import { countTemplateParameters, renderTemplate } from '../src/commands/template-body';
import { client } from './support/client';
import { expectAuthRefusals, expectBodyRefusals, expectKeyReuseRefused, expectProblem, expectRateLimited, type Probe } from './support/operation-refusals';
import { closeDb, newWorkspace, sql, stack, type TestWorkspace } from './support/stack';
import { spawnApi, spawnWorker, type Proc } from './support/processes';
import { freePort } from '../src/stack/embedded';
import { waitFor } from './support/wait';

let ws: TestWorkspace;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ws = await newWorkspace();
  api = client(ws.key);
});
afterAll(closeDb);

let seq = 0;
const uniqueName = (base: string) => `${base}_${Date.now().toString(36)}_${seq++}`;
const newTemplate = (overrides: Record<string, unknown> = {}) => ({
  name: uniqueName('tpl'),
  language: 'en_US',
  category: 'utility',
  body: 'Hi {{1}}, your order {{2}} is on its way.',
  ...overrides,
});

async function create(overrides: Record<string, unknown> = {}) {
  const res = await api.post('/v1/templates', { body: newTemplate(overrides) });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; [k: string]: unknown };
}

async function eventsOf(id: string): Promise<{ type: string; sequence: number; request_id: string; data: { object: any; previous_attributes?: any } }[]> {
  const res = await api.get('/v1/events?type=template.*&limit=100');
  expect(res.status).toBe(200);
  return res.body.data.filter((e: { data: { object: { id: string } } }) => e.data.object.id === id);
}

describe('renderTemplate', () => {
  it('fills numbered placeholders in one pass, repeats included', () => {
    expect(renderTemplate('Hi {{1}}, order {{2}}. Thanks, {{1}}!', ['Asha', '#42'])).toBe('Hi Asha, order #42. Thanks, Asha!');
    expect(renderTemplate('Hi {{1}}', ['{{2}} stays'])).toBe('Hi {{2}} stays');
    expect(renderTemplate('No parameters', [])).toBe('No parameters');
    expect(countTemplateParameters('{{2}} then {{1}} and {{10}} {{3}} {{4}} {{5}} {{6}} {{7}} {{8}} {{9}}')).toBe(10);
  });

  it('refuses a wrong parameter count with 422 template_parameters_mismatch', () => {
    for (const parameters of [['only one'], ['a', 'b', 'c']]) {
      let err: unknown;
      try {
        renderTemplate('Hi {{1}}, order {{2}}', parameters);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ status: 422, code: 'template_parameters_mismatch' });
      expect((err as ApiError).detail).toContain('takes 2 parameters');
    }
  });

  it('refuses bodies whose placeholders skip a number or are not numbered', () => {
    expect(() => countTemplateParameters('{{1}} {{3}}')).toThrow(/missing \{\{2\}\}/);
    expect(() => countTemplateParameters('{{2}}')).toThrow(/missing \{\{1\}\}/);
    for (const bad of ['{{name}}', '{{0}}', '{{ 1 }}', '{{01}}', '{{}}']) {
      expect(() => countTemplateParameters(bad)).toThrow(ApiError);
    }
  });
});

describe('templates', () => {
  it('creates, retrieves, lists, updates and deletes a template, with one event per change', async () => {
    const input = newTemplate({ body: 'Hi {{1}}, your order {{2}} is on its way, {{1}}.' });
    const created = await api.post('/v1/templates', { body: input });
    expect(created.status).toBe(201);
    expect(created.headers.get('idempotency-key')).toBeTruthy();
    expect(created.body).toEqual({
      id: expect.stringMatching(/^tpl_/),
      object: 'template',
      livemode: true,
      name: input.name,
      language: 'en_US',
      category: 'utility',
      body: input.body,
      parameters_count: 2,
      status: 'approved',
      status_reason: null,
      channel_id: null,
      parameter_format: 'positional',
      header: null,
      footer: null,
      buttons: [],
      created_at: expect.any(String),
      updated_at: created.body.created_at,
    });
    const id = created.body.id as string;

    const got = await api.get(`/v1/templates/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);

    const listed = await api.get(`/v1/templates?name=${input.name}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ object: 'list', data: [created.body], has_more: false, next_cursor: null });

    const updated = await api.patch(`/v1/templates/${id}`, { body: { body: 'Order {{1}} shipped.', category: 'marketing', language: 'en' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, body: 'Order {{1}} shipped.', parameters_count: 1, category: 'marketing', language: 'en', name: input.name });
    expect(Date.parse(updated.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.body.updated_at));

    // nothing changes, nothing is emitted
    const same = await api.patch(`/v1/templates/${id}`, { body: { category: 'marketing' } });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(updated.body);

    const deleted = await api.delete(`/v1/templates/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id, object: 'template', livemode: true, deleted: true, created_at: created.body.created_at, updated_at: expect.any(String) });
    expectProblem(await api.get(`/v1/templates/${id}`), 404, 'resource_missing');
    expectProblem(await api.patch(`/v1/templates/${id}`, { body: { category: 'utility' } }), 404, 'resource_missing');
    expectProblem(await api.delete(`/v1/templates/${id}`), 404, 'resource_missing');

    const events = await eventsOf(id);
    expect(events.map((e) => `${e.type}#${e.sequence}`)).toEqual(['template.deleted#3', 'template.updated#2', 'template.created#1']);
    expect(events[2].data.object).toEqual(created.body);
    expect(events[2].request_id).toBe(created.headers.get('request-id'));
    expect(events[1].data.object).toEqual(updated.body);
    expect(events[1].data.previous_attributes).toEqual({ language: 'en_US', category: 'utility', body: input.body, parameters_count: 2 });
    expect(events[0].data.object).toEqual(deleted.body);
  });

  it('takes the sandbox review paths by name: rejected with a reason, or kept pending; neither can be sent', async () => {
    const channel = await api.post('/v1/channels', { body: { name: 'sandbox', provider: 'sandbox' } });
    const contact = await api.post('/v1/contacts', { body: { phone: `+9197${String(Date.now()).slice(-8)}` } });
    const conversation = await api.post('/v1/conversations', { body: { contact_id: contact.body.id, channel_id: channel.body.id } });
    expect(conversation.status).toBe(201);
    const rejected = await create({ name: uniqueName('sandbox_reject_offer') });
    expect(rejected).toMatchObject({ status: 'rejected', status_reason: 'INVALID_FORMAT' });
    const pending = await create({ name: uniqueName('sandbox_pending_offer') });
    expect(pending).toMatchObject({ status: 'pending', status_reason: null });
    for (const t of [rejected, pending]) {
      const refused = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { type: 'template', template_id: t.id, parameters: ['a', 'b'] } });
      expectProblem(refused, 422, 'template_not_approved');
      expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/template_id', code: 'template_not_approved' })]);
      const broadcast = await api.post('/v1/broadcasts', { body: { name: 'b', channel_id: channel.body.id, template_id: t.id, parameters: ['a', 'b'], audience: { contact_ids: [contact.body.id] } } });
      expectProblem(broadcast, 422, 'template_not_approved');
    }
    // the sandbox approves an edited template again at once (this run's review delay is 0): one event, status unchanged
    const approved = await create();
    const edited = await api.patch(`/v1/templates/${approved.id}`, { body: { footer: 'Sent by SabNode' } });
    expect(edited.body).toMatchObject({ status: 'approved', footer: 'Sent by SabNode' });
    const events = await eventsOf(approved.id);
    expect(events[0].data.previous_attributes).toEqual({ footer: null });
  });

  it('stores components and refuses those that break a WhatsApp rule with the field pointer', async () => {
    const full = await create({
      parameter_format: 'named',
      body: 'Hi {{first_name}}, your order {{order_id}} ships today',
      header: { format: 'image' },
      footer: 'Thanks for shopping',
      buttons: [
        { type: 'url', text: 'Track', url: 'https://shop.example/t/{{1}}' },
        { type: 'phone_number', text: 'Call', phone_number: '+919876543210' },
        { type: 'quick_reply', text: 'Stop' },
      ],
    });
    expect(full).toMatchObject({ parameter_format: 'named', parameters_count: 2, header: { format: 'image' }, footer: 'Thanks for shopping', status: 'approved' });
    expect(full.buttons).toHaveLength(3);
    const url = (u: string) => ({ type: 'url', text: 'Go', url: u });
    for (const [overrides, pointer] of [
      [{ header: { format: 'text', text: 'Order {{1}} for {{2}}' } }, '/header/text'],
      [{ header: { format: 'text' } }, '/header/text'],
      [{ header: { format: 'video', text: 'x' } }, '/header/text'],
      [{ footer: 'Hi {{1}}' }, '/footer'],
      [{ buttons: [url('http://shop.example/x')] }, '/buttons/0/url'],
      [{ buttons: [url('https://shop.example/{{1}}/x')] }, '/buttons/0/url'],
      [{ buttons: [{ type: 'url', text: 'Go' }] }, '/buttons/0/url'],
      [{ buttons: [{ type: 'quick_reply', text: 'Go', url: 'https://x.example' }] }, '/buttons/0/url'],
      [{ buttons: [{ type: 'phone_number', text: 'Call' }] }, '/buttons/0/phone_number'],
      [{ buttons: [url('https://a.example'), url('https://b.example'), url('https://c.example')] }, '/buttons'],
    ] as const) {
      const refused = await api.post('/v1/templates', { body: newTemplate(overrides) });
      expectProblem(refused, 422, 'template_component_invalid');
      expect(refused.body.errors).toEqual([expect.objectContaining({ pointer })]);
    }
    // named placeholders are checked as the format says
    const badName = await api.post('/v1/templates', { body: newTemplate({ parameter_format: 'named', body: 'Hi {{First}}' }) });
    expectProblem(badName, 422, 'template_component_invalid');
    expect(badName.body.errors).toEqual([expect.objectContaining({ pointer: '/body', code: 'invalid_placeholder' })]);
    const numberedInNamed = await api.post('/v1/templates', { body: newTemplate({ parameter_format: 'named', body: 'Hi {{1}}' }) });
    expectProblem(numberedInNamed, 422, 'template_component_invalid');

    // a send fills the header's file and the url button's tail; a broadcast fills them the same for every recipient
    const channel = await api.post('/v1/channels', { body: { name: 'sandbox', provider: 'sandbox' } });
    const contact = await api.post('/v1/contacts', { body: { phone: `+9196${String(Date.now()).slice(-8)}` } });
    const conversation = await api.post('/v1/conversations', { body: { contact_id: contact.body.id, channel_id: channel.body.id } });
    const upload = new FormData();
    upload.append('file', new Blob([Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)])], { type: 'image/png' }), 'header.png');
    const file = await api.post('/v1/files', { rawBody: upload });
    expect(file.status).toBe(201);
    const values = { type: 'template', template_id: full.id, named_parameters: { first_name: 'Asha', order_id: '#42' }, button_parameters: [{ index: 0, text: 'A42' }] };
    const withoutFile = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: values });
    expectProblem(withoutFile, 422, 'template_parameters_mismatch');
    expect(withoutFile.body.errors).toEqual([expect.objectContaining({ pointer: '/header_file_id' })]);
    const sent = await api.post(`/v1/conversations/${conversation.body.id}/messages`, { body: { ...values, header_file_id: file.body.id } });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ text: 'Hi Asha, your order #42 ships today', template_arguments: { header_file_id: file.body.id, named_parameters: { first_name: 'Asha', order_id: '#42' } } });
    const broadcastOf = (extra: object) => api.post('/v1/broadcasts', { body: { name: 'b', channel_id: channel.body.id, template_id: full.id, audience: { contact_ids: [contact.body.id] }, ...extra } });
    const unfilled = await broadcastOf({});
    expectProblem(unfilled, 422, 'template_parameters_mismatch');
    expect(unfilled.body.errors).toEqual([expect.objectContaining({ pointer: '/named_parameters' })]);
    const { type: _type, template_id: _template, ...fills } = values;
    const noFile = await broadcastOf({ ...fills, header_file_id: `fil_${'0'.repeat(26)}` });
    expectProblem(noFile, 422, 'file_not_found');
    expect(noFile.body.errors).toEqual([expect.objectContaining({ pointer: '/header_file_id' })]);
    const broadcast = await broadcastOf({ ...fills, header_file_id: file.body.id });
    expect(broadcast.status).toBe(201);
    const argumentsSent = { header_file_id: file.body.id, named_parameters: { first_name: 'Asha', order_id: '#42' }, button_parameters: [{ index: 0, text: 'A42' }] };
    expect(broadcast.body).toMatchObject({ parameters: [], template_arguments: argumentsSent });
    expect((await api.post(`/v1/broadcasts/${broadcast.body.id}/send`)).status).toBe(202);
    const recipients = await waitFor(() => api.get(`/v1/broadcasts/${broadcast.body.id}/recipients`), (r) => !!r.body.data?.[0]?.message_id, 60_000);
    const message = await api.get(`/v1/messages/${recipients.body.data[0].message_id}`);
    expect(message.body).toMatchObject({ text: 'Hi Asha, your order #42 ships today', template_id: full.id, template_arguments: argumentsSent });
  });

  it('lists newest first, filters, pages with a cursor and shows deletes as tombstones to updated_since syncs', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const a = await create({ language: 'pt_BR', category: 'authentication', body: 'Your code is {{1}}' });
    const b = await create({ language: 'pt_BR', category: 'marketing', body: 'Sale!' });
    const c = await create({ language: 'pt_BR', category: 'authentication', body: 'Code {{1}}' });
    expect(b.parameters_count).toBe(0);

    const byLanguage = await api.get('/v1/templates?language=pt_BR');
    expect(byLanguage.body.data.map((t: { id: string }) => t.id)).toEqual([c.id, b.id, a.id]);
    const auth = await api.get('/v1/templates?language=pt_BR&category=authentication&status=approved');
    expect(auth.body.data.map((t: { id: string }) => t.id)).toEqual([c.id, a.id]);

    const first = await api.get('/v1/templates?language=pt_BR&limit=2');
    expect(first.body.has_more).toBe(true);
    const second = await api.get(`/v1/templates?language=pt_BR&limit=2&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expect(second.body).toMatchObject({ has_more: false, next_cursor: null });
    expect([...first.body.data, ...second.body.data].map((t: { id: string }) => t.id)).toEqual([c.id, b.id, a.id]);
    const otherFilters = await api.get(`/v1/templates?language=en&limit=2&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expectProblem(otherFilters, 400, 'invalid_cursor');

    await api.patch(`/v1/templates/${a.id}`, { body: { body: 'Your code: {{1}}' } });
    await api.delete(`/v1/templates/${b.id}`);
    const live = await api.get('/v1/templates?language=pt_BR');
    expect(live.body.data.map((t: { id: string }) => t.id)).toEqual([c.id, a.id]);
    const sync = await api.get(`/v1/templates?sort=updated_at&updated_since=${encodeURIComponent(since)}&language=pt_BR`);
    expect(sync.body.data.map((t: { id: string }) => t.id)).toEqual([b.id, a.id, c.id]);
    expect(sync.body.data[0]).toEqual({ id: b.id, object: 'template', livemode: true, deleted: true, created_at: b.created_at, updated_at: expect.any(String) });
  });

  it('answers a taken name with 422 naming the holder, and frees the name on delete', async () => {
    const holder = await create();
    const dup = await api.post('/v1/templates', { body: newTemplate({ name: holder.name, language: 'fr' }) });
    expectProblem(dup, 422, 'template_name_taken');
    expect(dup.body).toMatchObject({ existing_id: holder.id, errors: [{ pointer: '/name', code: 'template_name_taken' }] });

    const other = await create();
    const clash = await api.patch(`/v1/templates/${other.id}`, { body: { name: holder.name } });
    expectProblem(clash, 422, 'template_name_taken');
    expect(clash.body.existing_id).toBe(holder.id);
    // renaming a template to its own name is no clash
    expect((await api.patch(`/v1/templates/${holder.id}`, { body: { name: holder.name } })).status).toBe(200);

    // a refused command writes nothing
    const rows = await sql<{ n: string }>(`select count(*) as n from templates where workspace_id = ? and name = ?`, [ws.workspaceId, holder.name]);
    expect(Number(rows[0].n)).toBe(1);

    expect((await api.delete(`/v1/templates/${holder.id}`)).status).toBe(200);
    const again = await api.post('/v1/templates', { body: newTemplate({ name: holder.name }) });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(holder.id);
  });

  it('lets exactly one of several concurrent creates with one name win', async () => {
    const name = uniqueName('race');
    const results = await Promise.all(Array.from({ length: 5 }, () => api.post('/v1/templates', { body: newTemplate({ name }) })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422]);
    const winner = results.find((r) => r.status === 201)!;
    for (const r of results.filter((x) => x.status === 422)) expect(r.body).toMatchObject({ code: 'template_name_taken', existing_id: winner.body.id });
    const rows = await sql(`select id from templates where workspace_id = ? and name = ?`, [ws.workspaceId, name]);
    expect(rows).toHaveLength(1);
  });

  it('refuses invalid input with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...newTemplate(), name: 'Order Shipped' }, '/name'],
      [{ ...newTemplate(), name: '' }, '/name'],
      [{ ...newTemplate(), language: 'english' }, '/language'],
      [{ ...newTemplate(), language: 'en-us' }, '/language'],
      [{ ...newTemplate(), category: 'transactional' }, '/category'],
      [{ ...newTemplate(), body: 'x'.repeat(1025) }, '/body'],
      [{ ...newTemplate(), body: '' }, '/body'],
      [{ ...newTemplate(), parameters_count: 2 }, '/parameters_count'],
      [{ ...newTemplate(), status: 'approved' }, '/status'],
      [{ name: uniqueName('x'), language: 'en', body: 'Hi' }, '/category'],
    ];
    for (const [body, pointer] of cases) {
      const res = await api.post('/v1/templates', { body });
      expectProblem(res, 400, 'invalid_request');
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    // rules the spec cannot express are checked by the command: the request is what the spec allows, so a 422
    const gap = await api.post('/v1/templates', { body: newTemplate({ body: 'Hi {{1}}, see {{3}}' }) });
    expectProblem(gap, 422, 'template_component_invalid');
    expect(gap.body.errors).toEqual([{ pointer: '/body', code: 'placeholders_not_sequential', message: expect.stringContaining('{{2}}') }]);
    const named = await api.post('/v1/templates', { body: newTemplate({ body: 'Hi {{first_name}}' }) });
    expectProblem(named, 422, 'template_component_invalid');
    expect(named.body.errors[0]).toMatchObject({ pointer: '/body', code: 'invalid_placeholder' });

    const t = await create();
    expectProblem(await api.patch(`/v1/templates/${t.id}`, { body: {} }), 400, 'invalid_request');
    const badPatch = await api.patch(`/v1/templates/${t.id}`, { body: { body: '{{2}}' } });
    expectProblem(badPatch, 422, 'template_component_invalid');
    expect(badPatch.body.errors[0].pointer).toBe('/body');
    expect((await api.get(`/v1/templates/${t.id}`)).body).toEqual(t);
    expectProblem(await api.patch(`/v1/templates/${t.id}`, { body: { parameters_count: 3 } }), 400, 'invalid_request');
    expectProblem(await api.get('/v1/templates/tpl_nope'), 400, 'invalid_request');
    expectProblem(await api.patch('/v1/templates/ctc_00000000000000000000000000', { body: { category: 'utility' } }), 400, 'invalid_request');
    expectProblem(await api.delete('/v1/templates/123'), 400, 'invalid_request');
    expectProblem(await api.get('/v1/templates?category=transactional'), 400, 'invalid_request');
    expectProblem(await api.get('/v1/templates?colour=red'), 400, 'invalid_request');
    expectProblem(await api.get('/v1/templates?limit=101'), 400, 'invalid_request');
  });

  it("answers 404 for another workspace's template, and for none at all", async () => {
    const other = await newWorkspace();
    const theirs = await client(other.key).post('/v1/templates', { body: newTemplate() });
    expect(theirs.status).toBe(201);
    const id = theirs.body.id;
    expectProblem(await api.get(`/v1/templates/${id}`), 404, 'resource_missing');
    expectProblem(await api.patch(`/v1/templates/${id}`, { body: { body: 'Mallory was here' } }), 404, 'resource_missing');
    expectProblem(await api.delete(`/v1/templates/${id}`), 404, 'resource_missing');
    expect((await api.get(`/v1/templates?name=${theirs.body.name}`)).body.data).toEqual([]);
    expect((await client(other.key).get(`/v1/templates/${id}`)).body).toEqual(theirs.body);
    expectProblem(await api.get('/v1/templates/tpl_00000000000000000000000000'), 404, 'resource_missing');
  });

  it('replays create, update and delete under the same Idempotency-Key, and refuses the key for another request', async () => {
    const idem = randomUUID();
    const body = newTemplate();
    const first = await api.post('/v1/templates', { body, headers: { 'Idempotency-Key': idem } });
    const again = await api.post('/v1/templates', { body, headers: { 'Idempotency-Key': idem } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const id = first.body.id;
    await expectKeyReuseRefused(ws.key, idem, { method: 'POST', path: '/v1/templates', body: { ...body, language: 'de' }, scope: 'templates:write', family: 'templates_write' }, '/language');

    const patchKey = randomUUID();
    const p1 = await api.patch(`/v1/templates/${id}`, { body: { body: 'Hello {{1}}' }, headers: { 'Idempotency-Key': patchKey } });
    const p2 = await api.patch(`/v1/templates/${id}`, { body: { body: 'Hello {{1}}' }, headers: { 'Idempotency-Key': patchKey } });
    expect(p1.status).toBe(200);
    expect(p2.text).toBe(p1.text);
    expect(p2.headers.get('idempotent-replayed')).toBe('true');
    await expectKeyReuseRefused(ws.key, patchKey, { method: 'PATCH', path: `/v1/templates/${id}`, body: { body: 'Hello {{1}}!' }, scope: 'templates:write', family: 'templates_write' }, '/body');

    const delKey = randomUUID();
    const d1 = await api.delete(`/v1/templates/${id}`, { headers: { 'Idempotency-Key': delKey } });
    const d2 = await api.delete(`/v1/templates/${id}`, { headers: { 'Idempotency-Key': delKey } });
    expect([d1.status, d2.status]).toEqual([200, 200]);
    expect(d2.text).toBe(d1.text);
    expect(d2.headers.get('idempotent-replayed')).toBe('true');
    const other = await create();
    await expectKeyReuseRefused(ws.key, delKey, { method: 'DELETE', path: `/v1/templates/${other.id}`, scope: 'templates:write', family: 'templates_write' }, '/path/template_id');

    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual(['template.deleted', 'template.updated', 'template.created']);
  });

  it('lets a templates:read key read but not write', async () => {
    const t = await create();
    const { key } = await ws.keyWith(['templates:read']);
    const reader = client(key);
    expect((await reader.get(`/v1/templates/${t.id}`)).status).toBe(200);
    expect((await reader.get('/v1/templates?limit=1')).status).toBe(200);
    const refused = await reader.post('/v1/templates', { body: newTemplate() });
    expectProblem(refused, 403, 'insufficient_scope');
    expect(refused.body.missing_scopes).toEqual(['templates:write']);
    expectProblem(await reader.delete(`/v1/templates/${t.id}`), 403, 'insufficient_scope');
    expect((await api.get(`/v1/templates/${t.id}`)).status).toBe(200);
  });

  describe('refusals every operation shares', () => {
    let id: string;
    let probes: Probe[];
    beforeAll(async () => {
      id = (await create()).id;
      probes = [
        { method: 'POST', path: '/v1/templates', body: newTemplate(), scope: 'templates:write', family: 'templates_write' },
        { method: 'GET', path: '/v1/templates', scope: 'templates:read', family: 'templates_read', publishable: true },
        { method: 'GET', path: `/v1/templates/${id}`, scope: 'templates:read', family: 'templates_read' },
        { method: 'PATCH', path: `/v1/templates/${id}`, body: { category: 'marketing' }, scope: 'templates:write', family: 'templates_write' },
        { method: 'DELETE', path: `/v1/templates/${id}`, scope: 'templates:write', family: 'templates_write' },
      ];
    });

    it('401 without a valid key, 403 without the scope or with a publishable key', async () => {
      for (const p of probes) await expectAuthRefusals(ws, p);
      expect((await api.get(`/v1/templates/${id}`)).status).toBe(200);
    });

    it('413 for a body over 1 MB, 415 for a body that is not JSON', async () => {
      for (const p of probes.filter((x) => x.body !== undefined)) await expectBodyRefusals(ws.key, p);
    });

    it('429 once the family budget is spent', async () => {
      for (const p of probes) await expectRateLimited(p);
    });
  });
});

// The shared stack's sandbox approves at creation (SANDBOX_TEMPLATE_REVIEW_MS=0); here an API and a worker of their own
// queue review with a delay, so the review workflow and its durable timer decide.
describe('the sandbox review with a delay', () => {
  let reviewApi: Proc | null = null;
  let reviewWorker: Proc | null = null;
  let delayed: ReturnType<typeof client>;

  beforeAll(async () => {
    const env = { ...stack().env, TEMPORAL_TASK_QUEUE: `sabnode-review-${randomUUID().slice(0, 8)}`, SANDBOX_TEMPLATE_REVIEW_MS: '1500' };
    reviewWorker = await spawnWorker('template-review-worker', env);
    const port = await freePort();
    reviewApi = await spawnApi('template-review-api', port, env);
    delayed = client(ws.key, { baseUrl: `http://127.0.0.1:${port}` });
  }, 90_000);
  afterAll(async () => {
    await reviewApi?.stop();
    await reviewWorker?.stop();
  });

  it('keeps a new template pending until the review approves it; an edit meanwhile is reviewed as the version it made', async () => {
    const made = await delayed.post('/v1/templates', { body: newTemplate() });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'pending', status_reason: null });
    const approved = await waitFor(() => delayed.get(`/v1/templates/${made.body.id}`), (r) => r.body.status !== 'pending', 30_000);
    expect(approved.body).toMatchObject({ status: 'approved', status_reason: null });
    let events = await eventsOf(made.body.id);
    expect(events.map((e) => `${e.type}#${e.sequence}`)).toEqual(['template.approved#2', 'template.created#1']);
    expect(events[0].data.previous_attributes).toEqual({ status: 'pending', status_reason: null });
    expect(events[0].request_id).toBeNull();

    // an edit sends it back to review; the edit right after it makes the first review stale, and the last one decides
    const first = await delayed.patch(`/v1/templates/${made.body.id}`, { body: { body: 'Hello {{1}}' } });
    expect(first.body).toMatchObject({ status: 'pending' });
    const second = await delayed.patch(`/v1/templates/${made.body.id}`, { body: { footer: 'Thanks' } });
    expect(second.body).toMatchObject({ status: 'pending' });
    await waitFor(() => delayed.get(`/v1/templates/${made.body.id}`), (r) => r.body.status === 'approved', 30_000);
    events = await eventsOf(made.body.id);
    expect(events.map((e) => `${e.type}#${e.sequence}`)).toEqual(['template.approved#5', 'template.updated#4', 'template.updated#3', 'template.approved#2', 'template.created#1']);
    expect(events[2].data.previous_attributes).toMatchObject({ body: expect.any(String), status: 'approved', status_reason: null });
  });

  it('rejects a sandbox_reject_ template after the delay, with its reason', async () => {
    const made = await delayed.post('/v1/templates', { body: newTemplate({ name: uniqueName('sandbox_reject_offer') }) });
    expect(made.body.status).toBe('pending');
    const shown = await waitFor(() => delayed.get(`/v1/templates/${made.body.id}`), (r) => r.body.status !== 'pending', 30_000);
    expect(shown.body).toMatchObject({ status: 'rejected', status_reason: 'INVALID_FORMAT' });
  });
});
