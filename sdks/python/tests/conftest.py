from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import pytest

import sabnode


def _env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.exit(f"{name} is not set: run this suite through test/sdk-python.test.ts (npx jest test/sdk-python.test.ts)", 2)
    return value


@pytest.fixture(scope="session")
def api_url() -> str:
    return _env("SABNODE_API_URL")


@pytest.fixture(scope="session")
def api_key() -> str:
    return _env("SABNODE_API_KEY")


@pytest.fixture
def client(api_url: str, api_key: str) -> Iterator[sabnode.Client]:
    with sabnode.Client(api_key, base_url=api_url) as c:
        yield c


@pytest.fixture
def read_only_client(api_url: str) -> Iterator[sabnode.Client]:
    with sabnode.Client(_env("SABNODE_READ_ONLY_API_KEY"), base_url=api_url) as c:
        yield c


@pytest.fixture
def limited_key() -> str:
    return _env("SABNODE_RATE_LIMITED_API_KEY")


@pytest.fixture
async def aclient(api_url: str, api_key: str) -> AsyncIterator[sabnode.AsyncClient]:
    async with sabnode.AsyncClient(api_key, base_url=api_url) as c:
        yield c
