"""Schemathesis hooks for `npm run fuzz`: facts about the API that a JSON Schema cannot state.

- A list's `cursor` is a value the server signed for that list and those filters (it answers `400 invalid_cursor`
  to any other string). A schema-valid request with a cursor therefore carries a real one: the hook asks the server
  for the first page of the same list with the same filters and uses its `next_cursor`; a list with no second page
  has no valid cursor, and the request goes without one. Cases generated as invalid keep what was generated.
- Provider callbacks are authenticated by `Sabnode-Signature` (HMAC-SHA256 of "<t>.<raw body>" with the channel's
  signing secret), not by an API key. The script creates a channel and hands its id and secret here; schema-valid
  callbacks go to that channel, and every callback is signed over the exact bytes sent.
- A whatsapp_cloud channel's webhook is Meta's: notifications are signed `X-Hub-Signature-256: sha256=<hex HMAC-SHA256
  of the raw body>` with the channel's app secret, and the handshake presents its verify token. The script makes such
  a channel on the live side (the test side allows sandbox channels only; its base URL is Meta's, which the fuzz
  stack's outbound rules never call); schema-valid requests go to it, signed or with its token.

Environment: FUZZ_BASE_URL, FUZZ_API_KEY, FUZZ_CHANNEL_ID, FUZZ_CHANNEL_SECRET, FUZZ_WA_CHANNEL_ID,
FUZZ_WA_APP_SECRET, FUZZ_WA_VERIFY_TOKEN.
"""

import hashlib
import hmac
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request

import schemathesis
from schemathesis import GenerationMode

BASE_URL = os.environ["FUZZ_BASE_URL"].rstrip("/")
API_KEY = os.environ["FUZZ_API_KEY"]
CHANNEL_ID = os.environ.get("FUZZ_CHANNEL_ID", "")
CHANNEL_SECRET = os.environ.get("FUZZ_CHANNEL_SECRET", "")
SIGNED_OPERATIONS = {"receiveInboundMessage", "receiveMessageStatus"}
WA_CHANNEL_ID = os.environ.get("FUZZ_WA_CHANNEL_ID", "")
WA_APP_SECRET = os.environ.get("FUZZ_WA_APP_SECRET", "")
WA_VERIFY_TOKEN = os.environ.get("FUZZ_WA_VERIFY_TOKEN", "")
WA_OPERATIONS = {"receiveWhatsAppNotification", "verifyWhatsAppWebhook"}


def _positive(case) -> bool:
    meta = getattr(case, "meta", None)
    return meta is not None and meta.generation.mode == GenerationMode.POSITIVE


def _operation_id(case) -> str:
    return case.operation.definition.raw.get("operationId", "")


def _real_cursor(case) -> str | None:
    """The next_cursor of the first page of the same list, same filters; None when there is no second page."""
    query = {k: v for k, v in case.query.items() if k not in ("cursor", "limit")}
    query["limit"] = 1
    url = f"{BASE_URL}{case.formatted_path}?{urllib.parse.urlencode(query, doseq=True)}"
    headers = {"Authorization": f"Bearer {API_KEY}"}
    for name, value in (case.headers or {}).items():
        if name.lower() == "api-version":
            headers["Api-Version"] = str(value)
    for attempt in range(5):
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return json.load(response).get("next_cursor")
        except urllib.error.HTTPError as err:
            if err.code == 429:
                time.sleep(float(err.headers.get("Retry-After") or 1))
                continue
            # the list itself refuses these filters (or the parent is missing): no cursor can be valid for it
            return None
    return None


def _get(path: str) -> dict | None:
    for _ in range(5):
        request = urllib.request.Request(f"{BASE_URL}{path}", headers={"Authorization": f"Bearer {API_KEY}"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return json.load(response)
        except urllib.error.HTTPError as err:
            if err.code != 429:
                return None
            time.sleep(float(err.headers.get("Retry-After") or 1))
    return None


def _real_event_id() -> str | None:
    page = _get("/v1/events?limit=1")
    return page["data"][0]["id"] if page and page.get("data") else None


@schemathesis.hook
def map_case(context, case):
    if not _positive(case):
        return case
    # the event stream resumes after an event of this workspace (else 400 last_event_id_unknown): a real one
    headers = case.headers if hasattr(case.headers, "keys") else None
    resume_header = next((k for k in (headers or {}) if k.lower() == "last-event-id"), None)
    resume_query = isinstance(case.query, dict) and "last_event_id" in case.query
    if resume_header or resume_query:
        event_id = _real_event_id()
        for target, key in ((headers, resume_header), (case.query, "last_event_id" if resume_query else None)):
            if key is None:
                continue
            if event_id is None:
                del target[key]
            else:
                target[key] = event_id
    if isinstance(case.query, dict) and "cursor" in case.query:
        cursor = _real_cursor(case)
        if cursor is None:
            del case.query["cursor"]
        else:
            case.query["cursor"] = cursor
    if _operation_id(case) in SIGNED_OPERATIONS and CHANNEL_ID:
        case.path_parameters["channel_id"] = CHANNEL_ID
    if _operation_id(case) in WA_OPERATIONS and WA_CHANNEL_ID:
        case.path_parameters["channel_id"] = WA_CHANNEL_ID
        if _operation_id(case) == "verifyWhatsAppWebhook" and isinstance(case.query, dict):
            case.query["hub.verify_token"] = WA_VERIFY_TOKEN
    return case


def _sign_whatsapp(case) -> None:
    phase_data = getattr(getattr(getattr(case, "meta", None), "phase", None), "data", None)
    if "X-Hub-Signature-256" in str(getattr(phase_data, "description", "")):
        return
    if _positive(case):
        case.path_parameters["channel_id"] = WA_CHANNEL_ID
    if not isinstance(case.body, (dict, list, str, int, float, bool)):
        return
    try:
        raw = json.dumps(case.body, allow_nan=False).encode("utf-8")
    except ValueError:
        return
    headers = dict(case.headers or {})
    headers["X-Hub-Signature-256"] = "sha256=" + hmac.new(WA_APP_SECRET.encode(), raw, hashlib.sha256).hexdigest()
    case.headers = headers


@schemathesis.hook
def before_call(context, case, kwargs):
    if _operation_id(case) == "receiveWhatsAppNotification" and WA_APP_SECRET:
        _sign_whatsapp(case)
        return
    if _operation_id(case) == "verifyWhatsAppWebhook" and WA_VERIFY_TOKEN and _positive(case) and isinstance(case.query, dict):
        case.path_parameters["channel_id"] = WA_CHANNEL_ID
        case.query["hub.verify_token"] = WA_VERIFY_TOKEN
        return
    if _operation_id(case) not in SIGNED_OPERATIONS or not CHANNEL_SECRET:
        return
    # a case made to lack the signature (the missing_required_header check) goes out without one
    phase_data = getattr(getattr(getattr(case, "meta", None), "phase", None), "data", None)
    if "Sabnode-Signature" in str(getattr(phase_data, "description", "")):
        return
    # the examples phase fills path parameters after map_case; schema-valid callbacks go to the fuzz channel
    if _positive(case):
        case.path_parameters["channel_id"] = CHANNEL_ID
    if not isinstance(case.body, (dict, list, str, int, float, bool)):
        return
    # sign exactly the bytes sent: serialise here and send them as they are
    try:
        raw = json.dumps(case.body, allow_nan=False).encode("utf-8")
    except ValueError:
        return
    at = str(int(time.time()))
    mac = hmac.new(CHANNEL_SECRET.encode(), at.encode() + b"." + raw, hashlib.sha256).hexdigest()
    headers = dict(case.headers or {})
    headers["Sabnode-Signature"] = f"t={at},v1={mac}"
    case.headers = headers
