"""One error class per status, each with status, code, detail, request id and field errors."""

from __future__ import annotations

import uuid

import pytest

import sabnode

from .support import phone


def test_400_has_field_errors(client: sabnode.Client) -> None:
    with pytest.raises(sabnode.BadRequestError) as err:
        client.contacts.list(limit=1000)
    e = err.value
    assert e.status == 400 and e.code and e.request_id and e.request_id.startswith("req_")
    assert any(fe["pointer"].endswith("limit") for fe in e.errors), e.errors


def test_401(api_url: str) -> None:
    with sabnode.Client("sk_test_not_a_real_key", base_url=api_url) as bad:
        with pytest.raises(sabnode.AuthenticationError) as err:
            bad.contacts.list()
    assert err.value.status == 401


def test_403_read_only_key(read_only_client: sabnode.Client) -> None:
    with pytest.raises(sabnode.PermissionDeniedError) as err:
        read_only_client.contacts.create({"phone": phone()})
    assert err.value.status == 403 and err.value.code and err.value.detail


def test_404(client: sabnode.Client) -> None:
    c = client.contacts.create({"phone": phone()})
    client.contacts.delete(c["id"])
    with pytest.raises(sabnode.NotFoundError) as err:
        client.contacts.update(c["id"], {"first_name": "Ghost"})
    assert err.value.status == 404 and err.value.code


def test_409_idempotency_key_reused(client: sabnode.Client) -> None:
    key = str(uuid.uuid4())
    client.contacts.create({"phone": phone()}, idempotency_key=key)
    with pytest.raises(sabnode.ConflictError) as err:
        client.contacts.create({"phone": phone()}, idempotency_key=key)
    assert err.value.status == 409 and err.value.code == "idempotency_key_reused"


def test_422_phone_taken(client: sabnode.Client) -> None:
    p = phone()
    client.contacts.create({"phone": p})
    with pytest.raises(sabnode.UnprocessableEntityError) as err:
        client.contacts.create({"phone": p})
    assert err.value.status == 422 and err.value.code == "contact_phone_taken"
    assert isinstance(err.value, sabnode.APIStatusError)


def test_connection_error_after_retries() -> None:
    with sabnode.Client("sk_x", base_url="http://127.0.0.1:9", max_retries=1) as dead:
        with pytest.raises(sabnode.APIConnectionError):
            dead.status.retrieve()
