import { withLivemode } from '../livemode';
import { workspaceLivemode } from '../db/workspaces.queries';
import type { MikroORM } from '@mikro-orm/postgresql';
import { carriesAttributes, maskPersonalData, personalDataIn } from '../privacy/personal-data';
import { shownAttributeKeys } from '../db/contact-attributes.queries';
import type { EventRecord, WebhookDelivery, WebhookEndpoint } from '../db/entities';
import { toEventWire, type EventWire } from '../db/events';
import { idFromSeed } from '../ids';
import { downgradeResponse, findVersion, VERSIONS, type ApiVersion } from '../versions';

/**
 * The version an endpoint's payloads are shaped for, read at each attempt: retries and replays of a delivery made
 * before a change of `api_version` go out in the new shape (as Stripe does). A version no longer in the registry
 * gets the oldest one that is.
 */
export function endpointVersion(endpoint: Pick<WebhookEndpoint, 'apiVersion'>): ApiVersion {
  return findVersion(endpoint.apiVersion) ?? VERSIONS[VERSIONS.length - 1];
}

/**
 * The body of one delivery attempt, with personal data as the endpoint may see it: in clear only for an endpoint
 * made (or last changed) by a key with pii:read while that key is usable, masked otherwise, exactly as a REST read by
 * such a key. When the workspace audits PII reads, an attempt that shows personal data in clear writes its `pii.read`
 * record (one per delivery and attempt, so a retried activity writes none twice) before the body exists to be sent.
 * Then shaped for the endpoint's API version by the transforms that shape REST responses (masked first, as there).
 */
export async function webhookPayload(orm: MikroORM, endpoint: WebhookEndpoint, delivery: WebhookDelivery, event: EventRecord, attempt: number, inClear: boolean): Promise<{ body: string; version: ApiVersion }> {
  let wire = toEventWire(event);
  // attribute values of keys defined non-personal are shown, as on a REST read without pii:read
  if (!inClear) wire = maskPersonalData(wire, carriesAttributes(wire) ? await shownAttributeKeys(orm.em.fork(), delivery.workspace) : undefined) as EventWire;
  else await auditDelivery(orm, endpoint, delivery, wire, attempt);
  const version = endpointVersion(endpoint);
  wire = downgradeResponse(version, wire) as EventWire;
  const livemode = await workspaceLivemode(orm, delivery.workspace);
  const data = withLivemode({ object: wire.data.object, previous_attributes: wire.data.previous_attributes ?? null, ...(wire.data.merged_from ? { merged_from: wire.data.merged_from } : {}) }, livemode);
  const body = JSON.stringify({ id: wire.id, type: wire.type, livemode, created_at: wire.created_at, sequence: wire.sequence, data });
  return { body, version };
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
