"""Pages of list operations. Iterating a page walks every item of every following page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any, Generic, TypeVar

T = TypeVar("T")

__all__ = ["SyncPage", "AsyncPage", "AsyncPaginator"]


class _PageFields(Generic[T]):
    data: list[T]
    has_more: bool
    next_cursor: str | None

    def __init__(self, body: Any) -> None:
        self.data = list(body["data"])
        self.has_more = bool(body["has_more"])
        self.next_cursor = body.get("next_cursor")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} items={len(self.data)} has_more={self.has_more}>"


class SyncPage(_PageFields[T]):
    """One page (`data`, `has_more`, `next_cursor`); `for item in page` goes on through later pages."""

    def __init__(self, body: Any, fetch: Callable[[str], SyncPage[T]]) -> None:
        super().__init__(body)
        self._fetch = fetch

    def next_page(self) -> SyncPage[T] | None:
        """The following page, or None after the last one."""
        if not self.has_more or not self.next_cursor:
            return None
        return self._fetch(self.next_cursor)

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        page: SyncPage[T] | None = self
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.data


class AsyncPage(_PageFields[T]):
    """One page; `async for item in page` goes on through later pages."""

    def __init__(self, body: Any, fetch: Callable[[str], Awaitable[AsyncPage[T]]]) -> None:
        super().__init__(body)
        self._fetch = fetch

    async def next_page(self) -> AsyncPage[T] | None:
        if not self.has_more or not self.next_cursor:
            return None
        return await self._fetch(self.next_cursor)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        page: AsyncPage[T] | None = self
        while page is not None:
            yield page
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item


class AsyncPaginator(Generic[T]):
    """What an async list method returns: `await` it for the first page, or `async for` over every item."""

    def __init__(self, first: Callable[[], Awaitable[AsyncPage[T]]]) -> None:
        self._first = first

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self._first().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self._first()
        async for item in page:
            yield item
