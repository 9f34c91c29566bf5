"""Create, retrieve, update, list across pages, delete: sync and async, typed end to end."""

from __future__ import annotations

import uuid

import pytest

import sabnode
from sabnode import models

from .support import phone


def test_crud_and_pages(client: sabnode.Client) -> None:
    tag = f"py-{uuid.uuid4().hex[:10]}"
    created: list[models.Contact] = []
    for i in range(5):
        c = client.contacts.create({"phone": phone(), "first_name": f"Ada{i}", "attributes": {"n": i}})
        assert c["object"] == "contact"
        assert c["first_name"] == f"Ada{i}"
        assert c["attributes"] == {"n": i}
        created.append(client.contacts.add_tags(c["id"], {"tags": [tag]}))
    assert all(tag in c["tags"] for c in created)

    got = client.contacts.retrieve(created[0]["id"])
    assert got["id"] == created[0]["id"] and got["phone"] == created[0]["phone"]

    updated = client.contacts.update(created[0]["id"], {"last_name": "Lovelace", "attributes": {"n": None, "plan": "pro"}})
    assert updated["last_name"] == "Lovelace"
    assert updated["attributes"] == {"plan": "pro"}

    first = client.contacts.list(tag=tag, limit=2)
    assert len(first.data) == 2 and first.has_more and first.next_cursor
    pages = list(first.iter_pages())
    assert [len(p.data) for p in pages] == [2, 2, 1]
    ids = [c["id"] for c in client.contacts.list(tag=tag, limit=2)]
    assert sorted(ids) == sorted(c["id"] for c in created)
    assert len(set(ids)) == 5

    # a search is a paginated POST: every page is sent with the same filters
    found = client.contacts.search({"filter_groups": [{"filters": [{"field": "tags", "operator": "contains", "value": tag}]}]}, limit=2)
    assert len(found.data) == 2 and found.has_more
    assert sorted(c["id"] for c in found) == sorted(c["id"] for c in created)
    pro = client.contacts.search(
        {"filter_groups": [{"filters": [{"field": "tags", "operator": "contains", "value": tag}, {"field": "attributes.plan", "operator": "eq", "value": "pro"}]}]}
    )
    assert [c["id"] for c in pro] == [created[0]["id"]]

    deleted = client.contacts.delete(created[1]["id"])
    assert deleted["deleted"] is True
    with pytest.raises(sabnode.NotFoundError) as err:
        client.contacts.retrieve(created[1]["id"])
    assert err.value.status == 404
    remaining = {c["id"] for c in client.contacts.list(tag=tag, limit=3)}
    assert created[1]["id"] not in remaining and len(remaining) == 4


async def test_async_client(aclient: sabnode.AsyncClient) -> None:
    tag = f"pya-{uuid.uuid4().hex[:10]}"
    ids = []
    for i in range(3):
        c = await aclient.contacts.create({"phone": phone(), "first_name": f"Async{i}"})
        await aclient.contacts.add_tags(c["id"], {"tags": [tag]})
        ids.append(c["id"])
    page = await aclient.contacts.list(tag=tag, limit=2)
    assert len(page.data) == 2 and page.has_more
    seen = [c["id"] async for c in aclient.contacts.list(tag=tag, limit=2)]
    assert sorted(seen) == sorted(ids)
    search: models.ContactSearch = {"filter_groups": [{"filters": [{"field": "tags", "operator": "contains", "value": tag}]}]}
    found = [c["id"] async for c in aclient.contacts.search(search, limit=2)]
    assert sorted(found) == sorted(ids)
    updated = await aclient.contacts.update(ids[0], {"first_name": "Grace"})
    assert updated["first_name"] == "Grace"
    await aclient.contacts.delete(ids[0])
    with pytest.raises(sabnode.NotFoundError):
        await aclient.contacts.retrieve(ids[0])


def test_bulk_results_are_typed_per_item(client: sabnode.Client) -> None:
    good = phone()
    job = client.contacts.bulk_upsert({"items": [{"phone": good, "first_name": "Bulk"}, {"phone": "not-a-phone"}]})
    results = list(client.bulk.results(job))
    assert [r["index"] for r in results] == [0, 1]
    assert results[0]["status"] in (200, 201) and results[0]["id"]
    assert results[1]["status"] == 400 and results[1]["error"] is not None
    assert results[1]["error"]["code"]
    tagged = client.tags.bulk_apply({"items": [{"phone": good, "add": ["bulk-py"]}]})
    assert [r["status"] for r in client.bulk.results(tagged)] == [200]
    assert "bulk-py" in client.contacts.retrieve(str(results[0]["id"]))["tags"]


def test_files_multipart_and_binary(client: sabnode.Client) -> None:
    content = b"hello from the python sdk\n" * 10
    f = client.files.create(file=("notes.txt", content, "text/plain"))
    assert f["size"] == len(content) and f["filename"] == "notes.txt"
    got = client.files.download(f["id"])
    assert got.status == 200 and got.content == content
    part = client.files.download(f["id"], range="bytes=0-4")
    assert part.status == 206 and part.content == b"hello"


def test_api_version_is_pinned_and_overridable(api_url: str, api_key: str) -> None:
    assert sabnode.API_VERSION == "2026-11-01"
    with sabnode.Client(api_key, base_url=api_url) as current:
        c = current.contacts.create({"phone": phone(), "first_name": "Ada", "last_name": "Lovelace"})
        assert current.api_version == "2026-11-01"
    with sabnode.Client(api_key, base_url=api_url, api_version="2025-06-01") as old:
        seen: dict[str, object] = dict(old.contacts.retrieve(c["id"]))
    # the 2025-06-01 shape: one `name` instead of first and last names
    assert seen.get("name") == "Ada Lovelace" and "first_name" not in seen
