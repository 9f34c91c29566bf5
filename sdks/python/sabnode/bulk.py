"""Helpers for bulk calls: a `202` job is waited for with `bulk_jobs.retrieve`, and per-item results read."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

from .generated import models
from .generated.resources import AsyncBulkJobs, BulkJobs

__all__ = ["BulkHelpers", "AsyncBulkHelpers"]

Job = models.BulkJobWithResults | models.BulkJob


class BulkHelpers:
    """`client.bulk`: waiting for bulk jobs and reading their per-item results."""

    def __init__(self, jobs: BulkJobs) -> None:
        self._jobs = jobs

    def wait(self, job: Job, *, poll_interval: float = 1.0, timeout: float = 600.0) -> models.BulkJob:
        """Polls the job until it is `completed` (raises TimeoutError after `timeout` seconds)."""
        deadline = time.monotonic() + timeout
        current: Any = job
        while current["status"] != "completed":
            if time.monotonic() > deadline:
                raise TimeoutError(f"bulk job {job['id']} still {current['status']} after {timeout} s")
            time.sleep(poll_interval)
            current = self._jobs.retrieve(job["id"])
        return {k: v for k, v in current.items() if k != "results"}  # type: ignore[return-value]

    def results(self, job: Job) -> Iterator[models.BulkItemResult]:
        """Every item's result in input order: inline for a job that finished in the call, else paged."""
        inline: Any = job.get("results")
        if inline is not None:
            yield from inline
            return
        finished = self.wait(job)
        yield from self._jobs.list_results(finished["id"], limit=100)


class AsyncBulkHelpers:
    """`client.bulk` on the async client."""

    def __init__(self, jobs: AsyncBulkJobs) -> None:
        self._jobs = jobs

    async def wait(self, job: Job, *, poll_interval: float = 1.0, timeout: float = 600.0) -> models.BulkJob:
        deadline = time.monotonic() + timeout
        current: Any = job
        while current["status"] != "completed":
            if time.monotonic() > deadline:
                raise TimeoutError(f"bulk job {job['id']} still {current['status']} after {timeout} s")
            await asyncio.sleep(poll_interval)
            current = await self._jobs.retrieve(job["id"])
        return {k: v for k, v in current.items() if k != "results"}  # type: ignore[return-value]

    async def results(self, job: Job) -> AsyncIterator[models.BulkItemResult]:
        inline: Any = job.get("results")
        if inline is not None:
            for item in inline:
                yield item
            return
        finished = await self.wait(job)
        async for item in self._jobs.list_results(finished["id"], limit=100):
            yield item
