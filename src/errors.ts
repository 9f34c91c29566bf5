// The one catalogue of error codes: each maps to a status and a title; the type URI derives from the code.
export const ERROR_CATALOGUE = {
  invalid_request: { status: 400, title: 'The request is invalid' },
  malformed_json: { status: 400, title: 'The body is not valid JSON' },
  json_limit_exceeded: { status: 400, title: 'The JSON nests too deep, or has too many keys or items, or too long a string' },
  invalid_api_version: { status: 400, title: 'Unknown API version' },
  api_version_sunset: { status: 400, title: 'This API version is past its sunset date' },
  invalid_cursor: { status: 400, title: 'The cursor is not valid for this list' },
  last_event_id_unknown: { status: 400, title: 'The Last-Event-ID names no event of this workspace' },
  missing_api_key: { status: 401, title: 'No API key was given' },
  invalid_api_key: { status: 401, title: 'The API key is not valid' },
  api_key_revoked: { status: 401, title: 'The API key was revoked' },
  api_key_expired: { status: 401, title: 'The API key has expired' },
  invalid_token: { status: 401, title: 'The OAuth access token is unknown, expired or revoked' },
  invalid_signature: { status: 401, title: 'The provider signature is missing, wrong or stale' },
  webhook_verification_failed: { status: 403, title: 'The webhook verification request does not match the channel' },
  insufficient_scope: { status: 403, title: 'The API key lacks a required scope' },
  publishable_key_not_allowed: { status: 403, title: 'This operation needs a secret key' },
  live_key_required: { status: 403, title: 'Only a live key may mint a live key' },
  resource_missing: { status: 404, title: 'No such object' },
  route_not_found: { status: 404, title: 'No such endpoint' },
  tag_not_on_contact: { status: 404, title: 'The contact does not carry this tag' },
  method_not_allowed: { status: 405, title: 'Method not allowed on this endpoint' },
  idempotency_key_reused: { status: 409, title: 'The Idempotency-Key was used for a different request' },
  idempotency_in_progress: { status: 409, title: 'A request with this Idempotency-Key is still running' },
  subject_being_purged: { status: 409, title: 'The person this write names is being purged' },
  broadcast_invalid_transition: { status: 422, title: 'The broadcast cannot make this move in its current status' },
  payload_too_large: { status: 413, title: 'The body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  range_not_satisfiable: { status: 416, title: 'The requested range is not satisfiable' },
  contact_phone_taken: { status: 422, title: 'Another contact has this phone number' },
  contact_external_id_taken: { status: 422, title: 'Another contact has this external id' },
  channel_not_found: { status: 422, title: 'The channel does not exist' },
  conversation_already_open: { status: 422, title: 'An open conversation already exists for this contact and channel' },
  conversation_closed: { status: 422, title: 'The conversation is closed' },
  contact_opted_out: { status: 422, title: 'The contact opted out of messages' },
  template_not_found: { status: 422, title: 'The template does not exist' },
  file_not_found: { status: 422, title: 'The file does not exist' },
  outside_service_window: { status: 422, title: 'Outside the 24-hour customer service window' },
  contact_not_found: { status: 422, title: 'No live contact has this id in the workspace' },
  contact_merge_into_self: { status: 422, title: 'A contact cannot be merged into itself' },
  template_name_taken: { status: 422, title: 'Another template has this name' },
  template_not_approved: { status: 422, title: 'The template is not approved for sending' },
  template_not_editable: { status: 422, title: 'The template cannot be changed that way' },
  template_component_invalid: { status: 422, title: 'A component of the template breaks a WhatsApp rule' },
  channel_cannot_review: { status: 422, title: 'The channel cannot review templates' },
  template_parameters_mismatch: { status: 422, title: 'The number of parameters does not match the template' },
  order_invalid_transition: { status: 422, title: 'The order cannot move to this status' },
  duplicate_in_request: { status: 422, title: 'An earlier item of the same request has this match key' },
  contact_tag_limit: { status: 422, title: 'A contact carries at most 100 tags' },
  invalid_search_filter: { status: 422, title: 'A search filter does not fit its field' },
  invalid_attributes: { status: 422, title: "An attribute does not fit the workspace's contact attribute definitions" },
  contact_attribute_key_taken: { status: 422, title: 'Another contact attribute defines this key' },
  contact_attribute_values_mismatch: { status: 422, title: 'Values contacts hold would not fit the definition' },
  contact_attribute_options_invalid: { status: 422, title: 'The options do not fit the attribute type' },
  contact_match_ambiguous: { status: 422, title: 'More than one live contact has the value the item is matched on' },
  file_type_not_allowed: { status: 422, title: 'This type of file is not allowed' },
  file_upload_expired: { status: 422, title: 'The uploaded content is no longer held; upload it again' },
  webhook_url_not_allowed: { status: 422, title: 'The webhook URL is not allowed' },
  channel_url_not_allowed: { status: 422, title: 'The channel URL is not allowed' },
  test_mode_provider_not_allowed: { status: 422, title: 'The test side allows only sandbox channels' },
  message_type_not_supported: { status: 422, title: 'The channel cannot send this type of message yet' },
  media_type_not_supported: { status: 422, title: 'The channel cannot send a file of this type' },
  media_too_large: { status: 422, title: 'The file is larger than the channel takes for its type' },
  media_url_invalid: { status: 422, title: 'The media URL is not a public https link' },
  media_link_invalid: { status: 422, title: 'The medium by link takes no such field for its type' },
  interactive_message_invalid: { status: 422, title: 'The interactive message breaks a rule of reply buttons or lists' },
  promotion_too_large: { status: 422, title: 'The promotion carries too many items' },
  scope_not_for_apps: { status: 422, title: 'This scope cannot be given to an OAuth app' },
  invalid_redirect_uri: { status: 422, title: 'A redirect URI is not allowed' },
  oauth_app_limit_reached: { status: 422, title: 'The workspace has as many OAuth apps as it may' },
  flow_not_active: { status: 422, title: 'The flow is not active' },
  flow_run_finished: { status: 422, title: 'The flow run has already finished' },
  flow_trigger_not_allowed: { status: 422, title: 'This event type cannot trigger a flow' },
  flow_run_limit_reached: { status: 422, title: 'The flow or the workspace has reached its run budget' },
  rate_limited: { status: 429, title: 'Too many requests' },
  stream_limit_reached: { status: 429, title: 'Too many event streams are open for this API key or workspace' },
  internal_error: { status: 500, title: 'Internal error' },
  database_unavailable: { status: 503, title: 'The database is unavailable' },
  temporal_unavailable: { status: 503, title: 'The workflow engine is unavailable' },
  command_pending: { status: 503, title: 'The command was accepted but has not finished yet' },
  // API keys, allowlists and audit (issue 8)
  ip_not_allowed: { status: 403, title: 'The API key may not be used from this address' },
  origin_not_allowed: { status: 403, title: 'The publishable key may not be used from this origin' },
  scope_not_grantable: { status: 403, title: 'A key can only grant scopes it holds itself' },
  publishable_key_scope: { status: 422, title: 'A publishable key may carry only publishable scopes' },
  invalid_flow_definition: { status: 422, title: 'The flow steps name ids that are missing or taken twice' },
  api_key_expiry_past: { status: 422, title: 'The key would expire at once' },
  // keys never widen (issue 13): a key manages and mints only within its own scopes, allowlist and expiry
  api_key_wider_than_caller: { status: 403, title: 'The key is usable where or when the calling key is not' },
  api_key_outlives_caller: { status: 422, title: 'A key cannot expire after the key that mints it' },
  api_key_allowlist_outside_caller: { status: 422, title: 'A key cannot be usable from addresses the key that mints it is not' },
  // abuse bounds per workspace (issue 13)
  webhook_endpoint_limit_reached: { status: 422, title: 'The workspace has as many webhook endpoints as it may' },
  webhook_replay_limit_reached: { status: 429, title: 'The workspace has replayed as many webhook deliveries this hour as it may' },
  webhook_pending_limit_reached: { status: 422, title: 'The workspace has as many webhook deliveries waiting as it may' },
  // scheduled messages (issue 16)
  send_at_out_of_range: { status: 422, title: 'send_at must be from one minute to 35 days ahead' },
  scheduled_message_limit_reached: { status: 422, title: 'The workspace has as many scheduled messages waiting as it may' },
  message_not_scheduled: { status: 409, title: 'The message is not waiting to be sent; it can no longer be cancelled' },
  message_already_cancelled: { status: 409, title: 'The message was already cancelled' },
  // a range of days the schema cannot check alone (from after to, or longer than a report spans)
  usage_range_invalid: { status: 422, title: 'The range of days is backwards or longer than a report spans' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldError {
  pointer: string;
  code: string;
  message: string;
}

export interface ProblemExtras {
  errors?: FieldError[];
  diff?: { pointer: string; original?: unknown; received?: unknown }[];
  existing_id?: string;
  missing_scopes?: string[];
  allowed_statuses?: string[];
  /** with resource_missing for a contact merged into another: the survivor's id */
  merged_into?: string;
}

export interface Problem extends ProblemExtras {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  request_id: string;
}

export const ERROR_DOCS_BASE = 'https://docs.sabnode.com/errors/';

/** An error that leaves the API as problem+json. Thrown from middleware, handlers and activities alike. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extras: ProblemExtras = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? ERROR_CATALOGUE[code].title);
    this.name = 'ApiError';
    this.status = ERROR_CATALOGUE[code].status;
  }
}

export function problemOf(code: ErrorCode, requestId: string, detail?: string, extras: ProblemExtras = {}): Problem {
  const entry = ERROR_CATALOGUE[code];
  return {
    type: ERROR_DOCS_BASE + code,
    title: entry.title,
    status: entry.status,
    ...(detail ? { detail } : {}),
    code,
    request_id: requestId,
    ...extras,
  };
}

// Errors that mean "a dependency is down", not "this request is wrong".
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNAVAILABLE_PG_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: string; name?: string; message?: string; cause?: unknown };
  if (e.code && (UNAVAILABLE_NODE_CODES.has(e.code) || UNAVAILABLE_PG_CODES.has(e.code))) return true;
  if (e.name === 'KnexTimeoutError' || e.name === 'ConnectionException') return true;
  // pg's own connect timeout (`timeout expired`), pg-pool's wait for a connection and a client broken by a lost
  // connection (`not queryable`) are unavailability too
  if (typeof e.message === 'string' && /Connection terminated|ECONNREFUSED|connect ECONN|^timeout expired$|timeout exceeded when trying to connect|not queryable/.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseUnavailable(e.cause);
}
