import type { MikroORM } from '@mikro-orm/postgresql';
import { carriesAttributes, maskPersonalData, personalDataIn } from '../api/personal-data';
import { shownAttributeKeys } from '../db/contact-attributes.queries';
import type { EventRecord, WebhookDelivery, WebhookEndpoint } from '../db/entities';
import { toEventWire, type EventWire } from '../db/events';
import { idFromSeed } from '../ids';

/**
 * The body of one delivery attempt, with personal data as the endpoint may see it: in clear only for an endpoint
 * made (or last changed) by a key with pii:read while that key is usable, masked otherwise, exactly as a REST read by
 * such a key. When the workspace audits PII reads, an attempt that shows personal data in clear writes its `pii.read`
 * record (one per delivery and attempt, so a retried activity writes none twice) before the body exists to be sent.
 */
export async function webhookPayload(orm: MikroORM, endpoint: WebhookEndpoint, delivery: WebhookDelivery, event: EventRecord, attempt: number, inClear: boolean): Promise<string> {
  let wire = toEventWire(event);
  // attribute values of keys defined non-personal are shown, as on a REST read without pii:read
  if (!inClear) wire = maskPersonalData(wire, carriesAttributes(wire) ? await shownAttributeKeys(orm.em.fork(), delivery.workspace) : undefined) as EventWire;
  else await auditDelivery(orm, endpoint, delivery, wire, attempt);
  return JSON.stringify({ id: wire.id, type: wire.type, created_at: wire.created_at, sequence: wire.sequence, data: { object: wire.data.object, previous_attributes: wire.data.previous_attributes ?? null } });
}

/**
 * Whether the endpoint may see personal data in clear: a permission lent by a key lapses with it (revoked or expired,
 * its endpoints' deliveries are masked). Read once per batch of the endpoint's deliveries.
 */
export async function grantStands(orm: MikroORM, endpoint: WebhookEndpoint): Promise<boolean> {
  if (!endpoint.piiRead || !endpoint.piiKeyId) return false;
  const rows = await orm.em.getConnection().execute(
    `select 1 from api_keys where id = ? and workspace_id = ? and revoked_at is null and (expires_at is null or expires_at > now()) and 'pii:read' = any(scopes)`,
    [endpoint.piiKeyId, endpoint.workspace],
  );
  return rows.length > 0;
}

async function auditDelivery(orm: MikroORM, endpoint: WebhookEndpoint, delivery: WebhookDelivery, wire: EventWire, attempt: number): Promise<void> {
  const { objectIds, fields } = personalDataIn(wire);
  if (!objectIds.length) return;
  await orm.em.getConnection().execute(
    `insert into audit_logs (id, workspace_id, action, key_id, operation_id, object_ids, fields, client_ip, request_id, details, created_at)
     select ?, w.id, 'pii.read', ?, 'deliverWebhook', array(select jsonb_array_elements_text(cast(? as jsonb))),
       array(select jsonb_array_elements_text(cast(? as jsonb))), null, null, cast(? as jsonb), now()
     from workspaces w where w.id = ? and w.pii_read_audit
     on conflict (id) do nothing`,
    [
      idFromSeed('aud', `${delivery.id}:${attempt}`),
      endpoint.piiKeyId,
      JSON.stringify(objectIds),
      JSON.stringify(fields),
      JSON.stringify({ endpoint_id: endpoint.id, delivery_id: delivery.id, event_id: wire.id, attempt }),
      delivery.workspace,
    ],
  );
}
