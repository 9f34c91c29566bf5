"""Webhook verification on a real delivery, through a secret rotation, and against tampering."""

from __future__ import annotations

import json
import queue
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import sabnode


@dataclass
class Delivery:
    headers: dict[str, str]
    body: bytes


class Receiver:
    def __init__(self) -> None:
        self.got: queue.Queue[Delivery] = queue.Queue()
        received = self.got

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                received.put(Delivery({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def next_test(self) -> Delivery:
        """The next `webhook.test` delivery (rotations also deliver `webhook_endpoint.updated`)."""
        while True:
            d = self.got.get(timeout=30)
            if json.loads(d.body).get("type") == "webhook.test":
                return d

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_real_delivery_verifies_and_tampering_fails(client: sabnode.Client) -> None:
    rx = Receiver()
    try:
        ep = client.webhook_endpoints.create({"url": rx.url, "description": "python sdk test"})
        # a first answer shows the secret; a replay of its Idempotency-Key would answer None
        secret = ep["secret"]
        assert secret is not None and secret.startswith("whsec_")
        client.webhook_endpoints.test(ep["id"])
        d = rx.next_test()
        payload = sabnode.verify_webhook(d.body, d.headers, secret)
        assert payload["type"] == "webhook.test"

        with pytest.raises(sabnode.WebhookVerificationError):
            sabnode.verify_webhook(d.body.replace(b'"type"', b'"typ"', 1), d.headers, secret)
        with pytest.raises(sabnode.WebhookVerificationError):
            sabnode.verify_webhook(d.body, d.headers, "whsec_" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=")
        with pytest.raises(sabnode.WebhookVerificationError):
            sabnode.verify_webhook(d.body, d.headers, secret, now=time.time() + 301)
        with pytest.raises(sabnode.WebhookVerificationError):
            sabnode.verify_webhook(d.body, {**d.headers, "webhook-id": "msg_other"}, secret)

        # rotation with an overlap: deliveries carry both signatures; either secret verifies
        rotated = client.webhook_endpoints.rotate_secret(ep["id"], {"overlap_seconds": 3600})
        rotated_secret = rotated["secret"]
        assert rotated_secret is not None and rotated_secret != secret
        client.webhook_endpoints.test(ep["id"])
        r = rx.next_test()
        assert len(r.headers["webhook-signature"].split(" ")) == 2
        assert sabnode.verify_webhook(r.body, r.headers, rotated_secret)["type"] == "webhook.test"
        assert sabnode.verify_webhook(r.body, r.headers, secret)["type"] == "webhook.test"
        assert sabnode.verify_webhook(r.body, r.headers, ["whsec_QUJD", rotated_secret])

        # an immediate rotation: the old secret no longer verifies
        latest = client.webhook_endpoints.rotate_secret(ep["id"], {"overlap_seconds": 0})
        latest_secret = latest["secret"]
        assert latest_secret is not None
        client.webhook_endpoints.test(ep["id"])
        last = rx.next_test()
        assert len(last.headers["webhook-signature"].split(" ")) == 1
        sabnode.verify_webhook(last.body, last.headers, latest_secret)
        with pytest.raises(sabnode.WebhookVerificationError):
            sabnode.verify_webhook(last.body, last.headers, rotated_secret)
    finally:
        rx.close()


def test_sign_and_verify_round_trip() -> None:
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    sig = sabnode.sign_webhook(secret, "msg_1", 1_700_000_000, b'{"a":1}')
    headers = {"webhook-id": "msg_1", "webhook-timestamp": "1700000000", "webhook-signature": f"v1,bogus {sig}"}
    assert sabnode.verify_webhook(b'{"a":1}', headers, secret, now=1_700_000_100) == {"a": 1}
    with pytest.raises(sabnode.WebhookVerificationError):
        sabnode.verify_webhook(b'{"a":1}', {**headers, "webhook-signature": "v1,bogus"}, secret, now=1_700_000_100)
