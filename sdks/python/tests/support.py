"""Test helpers: unique phone numbers and a local HTTP proxy that records, delays or drops traffic."""

from __future__ import annotations

import http.client
import random
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "proxy-connection", "upgrade"}


def phone() -> str:
    """A phone number no other test uses (E.164, +91 and ten digits)."""
    return f"+91{random.randint(6_000_000_000, 9_999_999_999)}"


@dataclass
class Record:
    method: str
    path: str
    headers: dict[str, str]
    status: int = 0
    response_headers: dict[str, str] = field(default_factory=dict)
    at: float = 0.0
    dropped: bool = False


class Proxy:
    """A forwarding HTTP proxy on 127.0.0.1 in front of the API, for what only a network can do to a client.

    - `drop_first[(method, path)] = n`: forward the next n such requests but answer none of them (the connection
      is closed after the API answered, as when a response is lost on the way back).
    - `cut_stream_after`: on the first `text/event-stream` answer, close the connection after that many events.
    - `answer_first[(method, path)] = [(status, headers, body), …]`: answer the next such requests itself, in
      turn, without forwarding them (what a gateway in front of the API may answer, e.g. a 503).
    """

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.records: list[Record] = []
        self.drop_first: dict[tuple[str, str], int] = {}
        self.cut_stream_after: int | None = None
        self.answer_first: dict[tuple[str, str], list[tuple[int, dict[str, str], bytes]]] = {}
        self.streams_opened = threading.Event()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                proxy._forward(self)

            do_POST = do_PATCH = do_DELETE = do_PUT = do_GET

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> Proxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            for s in self._sockets:
                _shut(s)

    def matching(self, method: str, path_prefix: str) -> list[Record]:
        with self._lock:
            return [r for r in self.records if r.method == method and r.path.startswith(path_prefix)]

    def _forward(self, h: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self._sockets.add(h.connection)
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else None
        headers = {k: v for k, v in h.headers.items() if k.lower() not in _HOP}
        record = Record(method=h.command, path=h.path, headers={k.lower(): v for k, v in headers.items()})
        with self._lock:
            self.records.append(record)
            key = (h.command, h.path.split("?")[0])
            drop = self.drop_first.get(key, 0) > 0
            if drop:
                self.drop_first[key] -= 1
            canned = self.answer_first.get(key)
            answer = canned.pop(0) if canned else None
        if answer is not None:
            status, extra, data = answer
            record.status, record.response_headers, record.at = status, {k.lower(): v for k, v in extra.items()}, time.monotonic()
            h.send_response(status)
            for k, v in extra.items():
                h.send_header(k, v)
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)
            return
        upstream = http.client.HTTPConnection(self.host, self.port, timeout=120)
        try:
            upstream.request(h.command, h.path, body=body, headers=headers)
            resp = upstream.getresponse()
            record.status = resp.status
            record.response_headers = {k.lower(): v for k, v in resp.getheaders()}
            record.at = time.monotonic()
            if drop:
                resp.read()
                record.dropped = True
                h.close_connection = True
                _shut(h.connection)
                return
            if (resp.getheader("Content-Type") or "").startswith("text/event-stream") and resp.status == 200:
                self._relay_stream(h, resp)
                return
            data = resp.read()
            h.send_response(resp.status)
            for k, v in resp.getheaders():
                if k.lower() not in _HOP:
                    h.send_header(k, v)
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)
        finally:
            upstream.close()

    def _relay_stream(self, h: BaseHTTPRequestHandler, resp: http.client.HTTPResponse) -> None:
        with self._lock:
            cut = self.cut_stream_after
            self.cut_stream_after = None
        h.close_connection = True
        h.send_response(resp.status)
        for k, v in resp.getheaders():
            if k.lower() not in _HOP:
                h.send_header(k, v)
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.flush()
        self.streams_opened.set()
        events = 0
        in_event = False
        while True:
            line = resp.fp.readline()
            if not line:
                return
            h.wfile.write(line)
            h.wfile.flush()
            if line.startswith(b"data:"):
                in_event = True
            elif line in (b"\n", b"\r\n") and in_event:
                in_event = False
                events += 1
                if cut is not None and events >= cut:
                    _shut(h.connection)
                    return


def _shut(s: socket.socket) -> None:
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def wait_for(what: str, check: "object", timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(check) and check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")
