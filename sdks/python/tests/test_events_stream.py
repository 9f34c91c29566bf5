"""The SSE helper: typed events, and a dropped stream resumed with Last-Event-ID, losing and repeating nothing."""

from __future__ import annotations

import queue
import threading
from typing import Any

import sabnode

from .support import Proxy, phone, wait_for


def test_stream_resumes_after_a_dropped_connection(api_url: str, api_key: str, client: sabnode.Client) -> None:
    got: queue.Queue[Any] = queue.Queue()
    with Proxy(api_url) as proxy:
        proxy.cut_stream_after = 1
        sc = sabnode.Client(api_key, base_url=proxy.url)
        stream = sc.events.stream(types=["contact.*"])

        def consume() -> None:
            try:
                for ev in stream:
                    got.put(ev)
            except sabnode.SabnodeError:
                pass

        thread = threading.Thread(target=consume, daemon=True)
        thread.start()
        wait_for("the stream to open", proxy.streams_opened.is_set)
        a = client.contacts.create({"phone": phone(), "first_name": "A"})
        first = _next_for(got, {a["id"]})
        assert first["type"] == "contact.created" and first["object"] == "event"
        # the proxy cut the connection after that event; this happens while the helper is away
        b = client.contacts.create({"phone": phone(), "first_name": "B"})
        second = _next_for(got, {a["id"], b["id"]})
        assert second["data"]["object"]["id"] == b["id"] and second["type"] == "contact.created"
        streams = proxy.matching("GET", "/v1/events/stream")
        assert len(streams) >= 2
        assert streams[1].headers.get("last-event-id") == first["id"]
        assert stream.last_event_id == second["id"]
        assert stream.connections >= 2
        stream.close()
    sc.close()

    # an explicit resume: the events after a known id, starting with the next one
    with sabnode.Client(api_key, base_url=api_url) as again:
        resumed = again.events.stream(types=["contact.*"], last_event_id=first["id"])
        it = iter(resumed)
        nxt = next(it)
        while nxt["data"]["object"].get("id") not in (a["id"], b["id"]):
            nxt = next(it)
        assert nxt["id"] == second["id"]
        resumed.close()


def _next_for(got: queue.Queue[Any], ids: set[str]) -> Any:
    while True:
        ev = got.get(timeout=20)
        if ev["data"]["object"].get("id") in ids:
            return ev


def test_unknown_last_event_id_is_a_typed_400(client: sabnode.Client) -> None:
    try:
        next(iter(client.events.stream(last_event_id="evt_00000000000000000000000000")))
    except sabnode.BadRequestError as e:
        assert e.code in ("last_event_id_unknown", "validation_failed")
        return
    raise AssertionError("no error")


async def test_async_stream_resumes_from_an_event_id(aclient: sabnode.AsyncClient, client: sabnode.Client) -> None:
    x = client.contacts.create({"phone": phone(), "first_name": "X"})
    y = client.contacts.create({"phone": phone(), "first_name": "Y"})
    listed = client.events.list(type="contact.created", limit=50).data
    by_contact = {e["data"]["object"].get("id"): e for e in listed}
    ex, ey = by_contact[x["id"]], by_contact[y["id"]]
    stream = aclient.events.stream(types=["contact.created"], last_event_id=ex["id"])
    first: Any = None
    async for ev in stream:
        if ev["data"]["object"].get("id") in (x["id"], y["id"]):
            first = ev
            break
    assert first is not None and first["id"] == ey["id"] and first["type"] == "contact.created"
    assert stream.last_event_id == ey["id"]


def test_sse_wire_format() -> None:
    from sabnode.streaming import parse_sse

    lines = ["retry: 2000", "", ": keep-alive", "id: evt_1", "event: a.b", "data: {\"x\":", "data: 1}", "",
             "data:2", "", "id: evt_3", ""]
    msgs = list(parse_sse(lines))
    assert [(m.id, m.event, m.data) for m in msgs] == [("evt_1", "a.b", "{\"x\":\n1}"), (None, None, "2")]
