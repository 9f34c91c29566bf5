"""`Client` and `AsyncClient`: the generated resources over the hand-written runtime."""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import TracebackType
from typing import Any

import httpx

from ._transport import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, MAX_RETRY_AFTER, AsyncTransport, SyncTransport
from .bulk import AsyncBulkHelpers, BulkHelpers
from .generated.resources import API_VERSION, AsyncResources, SyncResources

__all__ = ["Client", "AsyncClient"]


def _settings(
    api_key: str | None,
    base_url: str | None,
    api_version: str | None,
    timeout: float,
    max_retries: int,
    max_retry_after: float,
    default_headers: Mapping[str, str] | None,
) -> dict[str, Any]:
    return {
        "api_key": api_key or os.environ.get("SABNODE_API_KEY", ""),
        "base_url": base_url or os.environ.get("SABNODE_API_URL") or DEFAULT_BASE_URL,
        "api_version": api_version or API_VERSION,
        "timeout": timeout,
        "max_retries": max_retries,
        "max_retry_after": max_retry_after,
        "default_headers": default_headers,
    }


class Client(SyncResources):
    """The SabNode API, synchronously. `Client(api_key="sk_…")`; use as a context manager or call `close()`.

    Every resource is an attribute (`client.contacts.create({...})`). Requests carry `Api-Version` (the
    version this SDK was generated from unless `api_version` is given), are retried on connection errors, 429,
    5xx and 409 idempotency_in_progress (up to `max_retries` times, exponential backoff with full jitter,
    `Retry-After` honoured up to `max_retry_after` seconds), and every POST/PATCH/DELETE carries one
    Idempotency-Key for all its retries.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        api_version: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_after: float = MAX_RETRY_AFTER,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._transport = SyncTransport(
            http_client=http_client,
            **_settings(api_key, base_url, api_version, timeout, max_retries, max_retry_after, default_headers),
        )
        super().__init__(self._transport)
        self.bulk = BulkHelpers(self.bulk_jobs)

    @property
    def api_version(self) -> str:
        return self._transport.api_version

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class AsyncClient(AsyncResources):
    """The SabNode API with asyncio: the same resources as `Client`, whose methods are awaited (lists give a
    paginator: `await` it for a page, or `async for` over every item)."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        api_version: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_after: float = MAX_RETRY_AFTER,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._transport = AsyncTransport(
            http_client=http_client,
            **_settings(api_key, base_url, api_version, timeout, max_retries, max_retry_after, default_headers),
        )
        super().__init__(self._transport)
        self.bulk = AsyncBulkHelpers(self.bulk_jobs)

    @property
    def api_version(self) -> str:
        return self._transport.api_version

    async def close(self) -> None:
        await self._transport.close()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        await self.close()
