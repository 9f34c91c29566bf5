"""Retries through a real network hop: a lost response, a 429, and what is never retried."""

from __future__ import annotations

import httpx

import sabnode
from sabnode._transport import SyncTransport

from .support import Proxy, phone


def test_lost_response_is_retried_with_the_same_key_and_creates_one_contact(api_url: str, api_key: str, client: sabnode.Client) -> None:
    p = phone()
    with Proxy(api_url) as proxy:
        proxy.drop_first[("POST", "/v1/contacts")] = 1
        with sabnode.Client(api_key, base_url=proxy.url, max_retries=3) as c:
            contact = c.contacts.create({"phone": p, "first_name": "Once"})
        posts = proxy.matching("POST", "/v1/contacts")
    assert len(posts) == 2
    assert posts[0].dropped and posts[0].status == 201
    keys = {r.headers["idempotency-key"] for r in posts}
    assert len(keys) == 1
    assert posts[1].response_headers.get("idempotent-replayed") == "true"
    matches = client.contacts.list(phone=p)
    assert [m["id"] for m in matches.data] == [contact["id"]]


def test_429_is_retried_after_retry_after(api_url: str, limited_key: str) -> None:
    with Proxy(api_url) as proxy:
        with sabnode.Client(limited_key, base_url=proxy.url, max_retries=6) as c:
            for _ in range(6):
                c.status.retrieve()
        records = proxy.matching("GET", "/v1/status")
    limited = [i for i, r in enumerate(records) if r.status == 429]
    assert limited, "the 2 req/s budget was never exceeded"
    assert records[-1].status == 200
    for i in limited:
        wait = float(records[i].response_headers["retry-after"])
        assert records[i + 1].at - records[i].at >= wait - 0.05


def test_429_surfaces_retry_after_when_retries_are_exhausted(api_url: str, limited_key: str) -> None:
    with sabnode.Client(limited_key, base_url=api_url, max_retries=0) as c:
        try:
            for _ in range(10):
                c.status.retrieve()
        except sabnode.RateLimitError as e:
            assert e.status == 429 and e.retry_after is not None and e.retry_after >= 0
            return
    raise AssertionError("no 429 in 10 calls on a 2 req/s key")


def test_other_4xx_are_never_retried(api_url: str, api_key: str) -> None:
    with Proxy(api_url) as proxy:
        with sabnode.Client(api_key, base_url=proxy.url, max_retries=3) as c:
            try:
                c.contacts.list(limit=1000)
            except sabnode.BadRequestError:
                pass
        assert len(proxy.matching("GET", "/v1/contacts")) == 1


def _transport() -> SyncTransport:
    return SyncTransport(api_key="sk_x", base_url="http://x", api_version="2026-11-01", timeout=1.0, max_retries=3,
                         max_retry_after=60.0, default_headers=None)


def test_retry_decisions() -> None:
    t = _transport()
    def resp(status: int, body: bytes = b"{}", headers: dict[str, str] | None = None) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"content-type": "application/problem+json", **(headers or {})})
    assert t.retryable(resp(409, b'{"code":"idempotency_in_progress"}'))
    assert not t.retryable(resp(409, b'{"code":"idempotency_key_reused"}'))
    for status in (429, 500, 502, 503, 504):
        assert t.retryable(resp(status))
    for status in (400, 401, 403, 404, 413, 415, 422):
        assert not t.retryable(resp(status))
    assert t.delay(0, resp(429, headers={"retry-after": "3"})) == 3.0
    assert t.delay(0, resp(503, headers={"retry-after": "100000"})) == 60.0
    for attempt in range(8):
        assert 0 <= t.delay(attempt, None) <= min(8.0, 0.5 * 2**attempt)
    t.close()


def test_503_and_409_in_progress_are_retried_with_the_same_key(api_url: str, api_key: str, client: sabnode.Client) -> None:
    problem = {"Content-Type": "application/problem+json"}
    in_progress = b'{"type":"about:blank","title":"In progress","status":409,"code":"idempotency_in_progress","request_id":"req_x"}'
    unavailable = b'{"type":"about:blank","title":"Unavailable","status":503,"code":"service_unavailable","request_id":"req_y"}'
    p = phone()
    with Proxy(api_url) as proxy:
        proxy.answer_first[("POST", "/v1/contacts")] = [
            (503, {**problem, "Retry-After": "1"}, unavailable),
            (409, {**problem, "Retry-After": "1"}, in_progress),
        ]
        with sabnode.Client(api_key, base_url=proxy.url, max_retries=3) as c:
            contact = c.contacts.create({"phone": p})
        posts = proxy.matching("POST", "/v1/contacts")
    assert [r.status for r in posts] == [503, 409, 201]
    assert len({r.headers["idempotency-key"] for r in posts}) == 1
    assert posts[1].at - posts[0].at >= 0.95 and posts[2].at - posts[1].at >= 0.95
    assert [m["id"] for m in client.contacts.list(phone=p).data] == [contact["id"]]


def test_max_retries_bounds_the_attempts(api_url: str, api_key: str) -> None:
    body = b'{"type":"about:blank","title":"Unavailable","status":503,"code":"service_unavailable","request_id":"req_z"}'
    with Proxy(api_url) as proxy:
        proxy.answer_first[("GET", "/v1/status")] = [(503, {"Content-Type": "application/problem+json", "Retry-After": "0"}, body)] * 3
        with sabnode.Client(api_key, base_url=proxy.url, max_retries=2) as c:
            try:
                c.status.retrieve()
                raise AssertionError("no error")
            except sabnode.InternalServerError as e:
                assert e.status == 503 and e.code == "service_unavailable" and e.request_id == "req_z"
        assert len(proxy.matching("GET", "/v1/status")) == 3
