#!/usr/bin/env python3
"""Verifies a captured SabNode webhook delivery with the PyPI `standardwebhooks` package.

Usage: python3 scripts/verify-webhook.py .data/webhook-capture.json
The capture is JSON: {"secret": "whsec_...", "headers": {"webhook-id", "webhook-timestamp", "webhook-signature"},
"body": "<raw body>", "captured_at": "<ISO time>"} (test/webhooks.test.ts writes one).
"""
import json
import sys
from datetime import datetime, timezone

from standardwebhooks import Webhook, WebhookVerificationError


class CaptureWebhook(Webhook):
    """The library refuses timestamps more than 5 minutes from now; a capture is checked against its capture time."""

    def __init__(self, secret: str, captured_at: datetime):
        super().__init__(secret)
        self._captured_at = captured_at

    def _Webhook__verify_timestamp(self, timestamp_header: str) -> datetime:
        timestamp = datetime.fromtimestamp(float(timestamp_header), tz=timezone.utc)
        if abs((self._captured_at - timestamp).total_seconds()) > 5 * 60:
            raise WebhookVerificationError("timestamp more than 5 minutes from the capture time")
        return timestamp


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        capture = json.load(f)
    captured_at = datetime.fromisoformat(capture["captured_at"].replace("Z", "+00:00"))
    fresh = abs((datetime.now(timezone.utc) - captured_at).total_seconds()) < 4 * 60
    # a fresh capture goes through the library exactly as a receiver would use it
    hook = Webhook(capture["secret"]) if fresh else CaptureWebhook(capture["secret"], captured_at)
    try:
        payload = hook.verify(capture["body"], capture["headers"])
    except WebhookVerificationError as err:
        print(f"FAIL: {err}", file=sys.stderr)
        return 1
    tampered = capture["body"].replace('"type"', '"typ"', 1)
    try:
        hook.verify(tampered, capture["headers"])
        print("FAIL: a tampered body verified", file=sys.stderr)
        return 1
    except WebhookVerificationError:
        pass
    print(f"OK: {capture['headers']['webhook-id']} {payload['type']} verified by standardwebhooks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
