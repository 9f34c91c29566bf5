"""Verifying SabNode webhook deliveries (Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import SabnodeError

__all__ = ["WebhookVerificationError", "verify_webhook", "sign_webhook", "DEFAULT_TOLERANCE_SECONDS"]

DEFAULT_TOLERANCE_SECONDS = 5 * 60
_PREFIX = "whsec_"


class WebhookVerificationError(SabnodeError):
    """The delivery is not authentic: missing headers, stale timestamp or no matching signature."""


def _key(secret: str) -> bytes:
    raw = secret[len(_PREFIX):] if secret.startswith(_PREFIX) else secret
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError) as err:
        raise WebhookVerificationError("the webhook secret is not whsec_ followed by base64") from err


def sign_webhook(secret: str, msg_id: str, timestamp: int, payload: bytes | str) -> str:
    """The `v1,<base64>` signature of one delivery (what the server puts in `webhook-signature`)."""
    body = payload.encode() if isinstance(payload, str) else payload
    mac = hmac.new(_key(secret), f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def verify_webhook(
    payload: bytes | str,
    headers: Mapping[str, str],
    secret: str | Sequence[str],
    *,
    tolerance: float = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> Any:
    """Checks a delivery and gives back its parsed JSON body; raises WebhookVerificationError otherwise.

    `payload` is the raw request body, exactly as received. `headers` are the request's headers (any case).
    `secret` is the endpoint's `whsec_…` secret, or several of them while a rotation overlaps: the delivery passes
    when any `v1` signature in `webhook-signature` (space-separated) matches any secret. The timestamp must lie
    within `tolerance` seconds of `now`.
    """
    lower = {k.lower(): v for k, v in headers.items()}
    msg_id = lower.get("webhook-id")
    stamp = lower.get("webhook-timestamp")
    signatures = lower.get("webhook-signature")
    if not msg_id or not stamp or not signatures:
        raise WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature header")
    try:
        timestamp = int(stamp)
    except ValueError as err:
        raise WebhookVerificationError("webhook-timestamp is not a number") from err
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise WebhookVerificationError("webhook-timestamp is outside the tolerance")
    secrets = [secret] if isinstance(secret, str) else list(secret)
    expected = [sign_webhook(s, msg_id, timestamp, payload).encode() for s in secrets]
    matched = False
    for candidate in signatures.split(" "):
        version, _, _sig = candidate.partition(",")
        if version != "v1":
            continue
        for want in expected:
            # constant-time; every pair is compared so timing says nothing about which matched
            matched |= hmac.compare_digest(candidate.encode(), want)
    if not matched:
        raise WebhookVerificationError("no signature matches")
    try:
        return json.loads(payload)
    except ValueError as err:
        raise WebhookVerificationError("the body is not JSON") from err
