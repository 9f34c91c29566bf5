"""Server-Sent Events: a typed event stream that reconnects with `Last-Event-ID`, losing and repeating nothing."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from ._transport import AsyncTransport, SyncTransport, _Base, _connection_error

T = TypeVar("T")

__all__ = ["EventStream", "AsyncEventStream", "ServerSentEvent", "parse_sse"]

DEFAULT_RECONNECT_MS = 2000
# the server sends a keep-alive comment every 15 s; a silent minute means the connection is gone
DEFAULT_READ_TIMEOUT = 60.0


@dataclass(frozen=True)
class ServerSentEvent:
    """One SSE message as sent: `id`, `event` name and raw `data`."""

    id: str | None
    event: str | None
    data: str


class _SSEDecoder:
    """The SSE line protocol (WHATWG): fields until a blank line; comments (`:`) ignored; `retry` sets the delay."""

    def __init__(self) -> None:
        self.retry_ms: int | None = None
        self._reset()

    def _reset(self) -> None:
        self._id: str | None = None
        self._event: str | None = None
        self._data: list[str] = []

    def feed(self, line: str) -> ServerSentEvent | None:
        if line == "":
            if not self._data:
                self._reset()
                return None
            msg = ServerSentEvent(id=self._id, event=self._event, data="\n".join(self._data))
            self._reset()
            return msg
        if line.startswith(":"):
            return None
        field, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._event = value
        elif field == "id" and "\0" not in value:
            self._id = value
        elif field == "retry" and value.isdigit():
            self.retry_ms = int(value)
        return None


def parse_sse(lines: Iterable[str]) -> Iterator[ServerSentEvent]:
    """Messages from the lines of an SSE body."""
    decoder = _SSEDecoder()
    for line in lines:
        msg = decoder.feed(line)
        if msg is not None:
            yield msg


class _StreamBase:
    def __init__(
        self,
        transport: _Base,
        path: str,
        query: Mapping[str, object],
        csv: Collection[str],
        last_event_id: str | None,
        max_retries: int | None,
        read_timeout: float,
    ) -> None:
        self._transport = transport
        self._path = path
        self._query = dict(query)
        self._csv = csv
        self.last_event_id = last_event_id
        """The id of the last event received: where a reconnect resumes."""
        self.reconnect_ms = DEFAULT_RECONNECT_MS
        self.connections = 0
        """How many times the stream connected (1 + reconnects)."""
        self._max_retries = transport.max_retries if max_retries is None else max_retries
        self._read_timeout = read_timeout
        self._closed = False

    def _request_args(self) -> tuple[str, dict[str, Any]]:
        headers: dict[str, str | None] = {"Accept": "text/event-stream", "Last-Event-ID": self.last_event_id}
        url, kwargs = self._transport.build(
            "GET", self._path, path_params=None, query=self._query, csv=self._csv, body=None, multipart=None,
            headers=headers, idempotency_key=None,
        )
        kwargs["timeout"] = httpx.Timeout(self._transport.timeout, read=self._read_timeout)
        return url, kwargs

    def _decode(self, msg: ServerSentEvent) -> Any:
        if msg.id:
            self.last_event_id = msg.id
        return json.loads(msg.data)

    def close(self) -> None:
        """Stops the stream: the iteration ends at its next message or reconnect."""
        self._closed = True


class EventStream(_StreamBase, Generic[T]):
    """Iterate for events, as they happen; a dropped connection is resumed after the last event received."""

    def __init__(self, transport: SyncTransport, path: str, query: Mapping[str, object], csv: Collection[str] = (), *,
                 last_event_id: str | None = None, max_retries: int | None = None,
                 read_timeout: float = DEFAULT_READ_TIMEOUT) -> None:
        super().__init__(transport, path, query, csv, last_event_id, max_retries, read_timeout)
        self._http = transport.http

    def __iter__(self) -> Iterator[T]:
        failures = 0
        while not self._closed:
            url, kwargs = self._request_args()
            try:
                with self._http.stream("GET", url, **kwargs) as response:
                    self.connections += 1
                    if response.status_code >= 400:
                        response.read()
                        if failures < self._max_retries and self._transport.retryable(response):
                            time.sleep(self._transport.delay(failures, response))
                            failures += 1
                            continue
                        self._transport.parse(response, "json")
                    decoder = _SSEDecoder()
                    for line in response.iter_lines():
                        msg = decoder.feed(line)
                        if decoder.retry_ms is not None:
                            self.reconnect_ms = decoder.retry_ms
                        if msg is None:
                            continue
                        failures = 0
                        yield self._decode(msg)
                        if self._closed:
                            return
            except httpx.TransportError as err:
                if failures >= self._max_retries:
                    raise _connection_error(err) from err
                failures += 1
            if not self._closed:
                time.sleep(self.reconnect_ms / 1000)


class AsyncEventStream(_StreamBase, Generic[T]):
    """`async for` events, as they happen; a dropped connection is resumed after the last event received."""

    def __init__(self, transport: AsyncTransport, path: str, query: Mapping[str, object], csv: Collection[str] = (), *,
                 last_event_id: str | None = None, max_retries: int | None = None,
                 read_timeout: float = DEFAULT_READ_TIMEOUT) -> None:
        super().__init__(transport, path, query, csv, last_event_id, max_retries, read_timeout)
        self._http = transport.http

    async def __aiter__(self) -> AsyncIterator[T]:
        failures = 0
        while not self._closed:
            url, kwargs = self._request_args()
            try:
                async with self._http.stream("GET", url, **kwargs) as response:
                    self.connections += 1
                    if response.status_code >= 400:
                        await response.aread()
                        if failures < self._max_retries and self._transport.retryable(response):
                            await asyncio.sleep(self._transport.delay(failures, response))
                            failures += 1
                            continue
                        self._transport.parse(response, "json")
                    decoder = _SSEDecoder()
                    async for line in response.aiter_lines():
                        msg = decoder.feed(line)
                        if decoder.retry_ms is not None:
                            self.reconnect_ms = decoder.retry_ms
                        if msg is None:
                            continue
                        failures = 0
                        yield self._decode(msg)
                        if self._closed:
                            return
            except httpx.TransportError as err:
                if failures >= self._max_retries:
                    raise _connection_error(err) from err
                failures += 1
            if not self._closed:
                await asyncio.sleep(self.reconnect_ms / 1000)
