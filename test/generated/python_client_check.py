"""Drives a python client that openapi-generator made from /openapi-3.0.json against a running API.

Usage: python python_client_check.py <client dir> <api url> <secret key> <phone prefix>
Prints one JSON object describing what the client saw; the jest suite asserts on it.
"""
import json
import sys
import uuid

sys.path.insert(0, sys.argv[1])
import sabnode_generated as sg  # noqa: E402
from sabnode_generated.exceptions import NotFoundException, UnprocessableEntityException  # noqa: E402

api_url, key, prefix = sys.argv[2], sys.argv[3], sys.argv[4]
out = {}
with sg.ApiClient(sg.Configuration(host=api_url, access_token=key)) as client:
    contacts = sg.ContactsApi(client)
    created = []
    for i in range(3):
        body = sg.ContactCreate(phone=f"{prefix}{i}", first_name=f"Generated{i}", attributes={"plan": "pro", "seats": i})
        c = contacts.create_contact(body, idempotency_key=str(uuid.uuid4()))
        created.append({"id": c.id, "phone": c.phone, "first_name": c.first_name, "attributes": c.attributes})
    out["created"] = created

    pages, seen, cursor = 0, [], None
    while True:
        page = contacts.list_contacts(limit=2, cursor=cursor) if cursor else contacts.list_contacts(limit=2)
        pages += 1
        # a list holds contacts or (in a sync) tombstones: a oneOf, whose generated wrapper holds the one that matched
        seen += [c.actual_instance.id for c in page.data]
        out.setdefault("item_types", sorted({type(c.actual_instance).__name__ for c in page.data}))
        cursor = page.next_cursor
        if cursor is None:
            break
    out["listed"] = {"pages": pages, "ids": seen, "last_cursor": cursor}

    got = contacts.retrieve_contact(created[0]["id"])
    out["got"] = {"id": got.id, "type": type(got).__name__, "phone": got.phone}

    try:
        contacts.retrieve_contact("ctc_00000000000000000000000000")
        out["not_found"] = None
    except NotFoundException as e:
        out["not_found"] = {"status": e.status, "type": type(e.data).__name__, "code": getattr(e.data, "code", None)}

    try:
        contacts.create_contact(sg.ContactCreate(phone=f"{prefix}0"), idempotency_key=str(uuid.uuid4()))
        out["duplicate"] = None
    except UnprocessableEntityException as e:
        problem = json.loads(e.body)
        out["duplicate"] = {"status": e.status, "code": problem.get("code"), "existing_id": problem.get("existing_id")}

print(json.dumps(out))
