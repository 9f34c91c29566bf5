"""The HTTP runtime shared by every generated method: auth, versions, retries, idempotency keys, errors."""

from __future__ import annotations

import asyncio
import json
import random
import time
import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import quote

import httpx

from .pagination import AsyncPage, AsyncPaginator, SyncPage
from .errors import APIConnectionError, APITimeoutError, error_for, parse_retry_after

__all__ = ["BinaryResponse", "FileInput", "SyncTransport", "AsyncTransport", "ResponseKind"]

VERSION = "0.1.0"
DEFAULT_BASE_URL = "https://api.sabnode.com"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 3
# backoff: full jitter over base * 2^attempt, capped; Retry-After is honoured up to MAX_RETRY_AFTER seconds
BACKOFF_BASE = 0.5
BACKOFF_CAP = 8.0
MAX_RETRY_AFTER = 60.0
_MUTATING = frozenset({"POST", "PATCH", "PUT", "DELETE"})

FileInput = bytes | tuple[str, bytes] | tuple[str, bytes, str]
"""A file to upload: its bytes, or (filename, bytes), or (filename, bytes, content type)."""

ResponseKind = Literal["json", "binary", "none"]


@dataclass(frozen=True)
class BinaryResponse:
    """A non-JSON answer (a file's content): its status (200, 206 or 304), bytes and headers."""

    status: int
    content: bytes
    content_type: str | None
    headers: Mapping[str, str]


class _Base:
    def __init__(
        self,
        *,
        api_key: str,
        base_url: str,
        api_version: str,
        timeout: float,
        max_retries: int,
        max_retry_after: float,
        default_headers: Mapping[str, str] | None,
    ) -> None:
        if not api_key:
            raise ValueError("an API key is required (pass api_key or set SABNODE_API_KEY)")
        if max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        self.base_url = base_url.rstrip("/")
        self.api_version = api_version
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_retry_after = max_retry_after
        self._headers = {
            "Authorization": f"Bearer {api_key}",
            "Api-Version": api_version,
            "Accept": "application/json",
            "User-Agent": f"sabnode-python/{VERSION}",
            **(default_headers or {}),
        }

    # ---- building a request -------------------------------------------------------------------------------------

    def build(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, str] | None,
        query: Mapping[str, object] | None,
        csv: Collection[str],
        body: object,
        multipart: Mapping[str, object] | None,
        headers: Mapping[str, str | None] | None,
        idempotency_key: str | None,
        raw_body: bytes | None = None,
        content_type: str | None = None,
    ) -> tuple[str, dict[str, Any]]:
        """The URL and the httpx keyword arguments of one call (the same for each of its retries)."""
        url = self.base_url + path.format(**{k: quote(str(v), safe="") for k, v in (path_params or {}).items()})
        hdrs: dict[str, str] = {k: v for k, v in (headers or {}).items() if v is not None}
        kwargs: dict[str, Any] = {"params": encode_query(query or {}, csv)}
        if method in _MUTATING:
            # one key per call, reused by every retry of it, so a retry never applies the call twice
            hdrs["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
        if multipart is not None:
            files: dict[str, Any] = {}
            data: dict[str, str] = {}
            for name, value in multipart.items():
                if value is None:
                    continue
                if isinstance(value, (bytes, tuple)):
                    files[name] = value if isinstance(value, tuple) else (name, value)
                else:
                    data[name] = value if isinstance(value, str) else json.dumps(value)
            kwargs["files"] = files
            kwargs["data"] = data
        elif raw_body is not None:
            hdrs["Content-Type"] = content_type or "application/octet-stream"
            kwargs["content"] = raw_body
        elif body is not None:
            hdrs["Content-Type"] = "application/json"
            kwargs["content"] = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
        kwargs["headers"] = hdrs
        return url, kwargs

    # ---- deciding on retries ------------------------------------------------------------------------------------

    @staticmethod
    def retryable(response: httpx.Response) -> bool:
        """429, every 5xx, and 409 idempotency_in_progress (the first attempt is still running); no other 4xx."""
        status = response.status_code
        if status == 429 or status >= 500:
            return True
        if status == 409:
            return problem_code(response) == "idempotency_in_progress"
        return False

    def delay(self, attempt: int, response: httpx.Response | None) -> float:
        """Seconds to wait before retry number `attempt` (0-based): Retry-After when given, else full jitter."""
        if response is not None:
            after = parse_retry_after(response.headers.get("retry-after"))
            if after is not None:
                return min(after, self.max_retry_after)
        return random.uniform(0, min(BACKOFF_CAP, BACKOFF_BASE * (2**attempt)))

    # ---- reading an answer --------------------------------------------------------------------------------------

    @staticmethod
    def parse(response: httpx.Response, kind: ResponseKind) -> Any:
        if response.status_code >= 400:
            raise error_for(response.status_code, _json_or_text(response), response.headers)
        if kind == "binary":
            return BinaryResponse(
                status=response.status_code,
                content=response.content,
                content_type=response.headers.get("content-type"),
                headers=response.headers,
            )
        if kind == "none" or not response.content:
            return None
        return response.json()


class SyncTransport(_Base):
    """Sends requests with `httpx.Client`, retrying as `_Base` decides."""

    def __init__(self, *, http_client: httpx.Client | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.http = http_client or httpx.Client(headers=self._headers, timeout=self.timeout)
        if http_client is not None:
            self.http.headers.update(self._headers)

    def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, str] | None = None,
        query: Mapping[str, object] | None = None,
        csv: Collection[str] = (),
        body: object = None,
        multipart: Mapping[str, object] | None = None,
        raw_body: bytes | None = None,
        content_type: str | None = None,
        headers: Mapping[str, str | None] | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        kind: ResponseKind = "json",
    ) -> Any:
        url, kwargs = self.build(
            method, path, path_params=path_params, query=query, csv=csv, body=body, multipart=multipart,
            headers=headers, idempotency_key=idempotency_key, raw_body=raw_body, content_type=content_type,
        )
        if timeout is not None:
            kwargs["timeout"] = timeout
        attempt = 0
        while True:
            try:
                response = self.http.request(method, url, **kwargs)
            except httpx.TransportError as err:
                if attempt >= self.max_retries:
                    raise _connection_error(err) from err
                time.sleep(self.delay(attempt, None))
                attempt += 1
                continue
            if attempt < self.max_retries and self.retryable(response):
                time.sleep(self.delay(attempt, response))
                attempt += 1
                continue
            return self.parse(response, kind)

    def paginate(
        self,
        path: str,
        *,
        path_params: Mapping[str, str] | None = None,
        query: Mapping[str, object] | None = None,
        csv: Collection[str] = (),
        timeout: float | None = None,
        method: str = "GET",
        body: object = None,
    ) -> SyncPage[Any]:
        """The first page of a list (or of a search: a POST whose filters, in `body`, go with every page); the page
        fetches the following ones with their cursors."""
        base = dict(query or {})

        def fetch(cursor: object) -> SyncPage[Any]:
            page = self.request(method, path, path_params=path_params, query={**base, "cursor": cursor}, csv=csv, body=body, timeout=timeout)
            return SyncPage(page, fetch)

        return fetch(base.get("cursor"))

    def close(self) -> None:
        self.http.close()


class AsyncTransport(_Base):
    """Sends requests with `httpx.AsyncClient`, retrying as `_Base` decides."""

    def __init__(self, *, http_client: httpx.AsyncClient | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.http = http_client or httpx.AsyncClient(headers=self._headers, timeout=self.timeout)
        if http_client is not None:
            self.http.headers.update(self._headers)

    async def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, str] | None = None,
        query: Mapping[str, object] | None = None,
        csv: Collection[str] = (),
        body: object = None,
        multipart: Mapping[str, object] | None = None,
        raw_body: bytes | None = None,
        content_type: str | None = None,
        headers: Mapping[str, str | None] | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        kind: ResponseKind = "json",
    ) -> Any:
        url, kwargs = self.build(
            method, path, path_params=path_params, query=query, csv=csv, body=body, multipart=multipart,
            headers=headers, idempotency_key=idempotency_key, raw_body=raw_body, content_type=content_type,
        )
        if timeout is not None:
            kwargs["timeout"] = timeout
        attempt = 0
        while True:
            try:
                response = await self.http.request(method, url, **kwargs)
            except httpx.TransportError as err:
                if attempt >= self.max_retries:
                    raise _connection_error(err) from err
                await asyncio.sleep(self.delay(attempt, None))
                attempt += 1
                continue
            if attempt < self.max_retries and self.retryable(response):
                await asyncio.sleep(self.delay(attempt, response))
                attempt += 1
                continue
            return self.parse(response, kind)

    def paginate(
        self,
        path: str,
        *,
        path_params: Mapping[str, str] | None = None,
        query: Mapping[str, object] | None = None,
        csv: Collection[str] = (),
        timeout: float | None = None,
        method: str = "GET",
        body: object = None,
    ) -> AsyncPaginator[Any]:
        """A paginator: awaited, the first page; iterated, every item across pages."""
        base = dict(query or {})

        async def fetch(cursor: object) -> AsyncPage[Any]:
            page = await self.request(method, path, path_params=path_params, query={**base, "cursor": cursor}, csv=csv, body=body, timeout=timeout)
            return AsyncPage(page, fetch)

        return AsyncPaginator(lambda: fetch(base.get("cursor")))

    async def close(self) -> None:
        await self.http.aclose()


def encode_query(query: Mapping[str, object], csv: Collection[str]) -> list[tuple[str, str]]:
    """Query parameters as pairs: None left out, booleans as true/false, lists repeated or comma-joined (`csv`)."""
    pairs: list[tuple[str, str]] = []
    for name, value in query.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            items = [_scalar(v) for v in value]
            if name in csv:
                pairs.append((name, ",".join(items)))
            else:
                pairs.extend((name, v) for v in items)
        else:
            pairs.append((name, _scalar(value)))
    return pairs


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def problem_code(response: httpx.Response) -> str | None:
    body = _json_or_text(response)
    code = body.get("code") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None


def _json_or_text(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return response.text


def _connection_error(err: httpx.TransportError) -> APIConnectionError:
    if isinstance(err, httpx.TimeoutException):
        return APITimeoutError(f"request timed out: {err}", cause=err)
    return APIConnectionError(f"connection error: {err}", cause=err)
