#!/usr/bin/env python3
"""Finds every contact carrying one tag and adds another tag to each, with the SabNode Python SDK.

    SABNODE_API_KEY=sk_… python examples/tag_vip_customers.py --has vip --add vip-2026

The contacts are listed with the `tag` filter (100 a page, every page), and tagged with `tags.bulk_apply`,
1,000 contacts a call; a chunk is sent as soon as it is full, a few at a time, while the listing goes on.
Each call carries its own Idempotency-Key, so the SDK's retries never tag twice. Prints one JSON line:
how many contacts were found and tagged, how many items failed, when the listing ended and the seconds it took.
(Without the SDK installed, run it with PYTHONPATH=sdks/python.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor

import sabnode

CHUNK = 1000


def apply_chunk(client: sabnode.Client, ids: list[str], tag: str) -> tuple[int, int]:
    """Adds `tag` to these contacts; gives back (succeeded, failed) from the per-item results."""
    job = client.tags.bulk_apply({"items": [{"contact_id": i, "add": [tag]} for i in ids]})
    ok = failed = 0
    for result in client.bulk.results(job):
        if 200 <= result["status"] < 300:
            ok += 1
        else:
            failed += 1
            print(f"item {result['index']}: {result['status']} {result['error']}", file=sys.stderr)
    return ok, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--has", required=True, help="the tag the contacts carry (e.g. vip)")
    parser.add_argument("--add", required=True, help="the tag to add to each of them")
    parser.add_argument("--concurrency", type=int, default=2, help="bulk calls in flight at once (default 2)")
    args = parser.parse_args()

    started = time.monotonic()
    found = tagged = failed = 0
    with sabnode.Client(timeout=120) as client, ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        pending: list[Future[tuple[int, int]]] = []
        chunk: list[str] = []
        # created_at order: adding a tag updates a contact but does not move it in this order
        for contact in client.contacts.list(tag=args.has, sort="created_at", limit=100):
            found += 1
            chunk.append(contact["id"])
            if len(chunk) == CHUNK:
                pending.append(pool.submit(apply_chunk, client, chunk, args.add))
                chunk = []
        if chunk:
            pending.append(pool.submit(apply_chunk, client, chunk, args.add))
        listed = time.monotonic() - started
        for f in pending:
            ok, bad = f.result()
            tagged += ok
            failed += bad
    seconds = time.monotonic() - started
    print(json.dumps({"has": args.has, "add": args.add, "found": found, "tagged": tagged, "failed": failed,
                      "bulk_calls": len(pending), "listed_after_seconds": round(listed, 2),
                      "seconds": round(seconds, 2)}))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
