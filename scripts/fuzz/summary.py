"""Sums up schemathesis NDJSON reports: requests sent, every check's passes and failures, and the gate.

usage: summary.py MIN_REQUESTS REPORT.ndjson...
Exit 1 when any check failed, any scenario errored, or fewer than MIN_REQUESTS requests were sent.
"""

import collections
import json
import sys


def main() -> int:
    minimum = int(sys.argv[1])
    requests = 0
    cases = 0
    errors = 0
    checks: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    failures: list[str] = []
    per_method = collections.Counter()
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as report:
            for line in report:
                event = json.loads(line)
                if "NonFatalError" in event or "FatalError" in event:
                    errors += 1
                    failures.append(f"error: {json.dumps(event)[:300]}")
                finished = event.get("ScenarioFinished")
                if not finished:
                    continue
                recorder = finished["recorder"]
                cases += len(recorder.get("cases", {}))
                for interaction in recorder.get("interactions", {}).values():
                    if interaction.get("request"):
                        requests += 1
                        per_method[interaction["request"]["method"]] += 1
                for case_id, results in recorder.get("checks", {}).items():
                    for result in results:
                        checks[result["name"]][result["status"]] += 1
                        if result["status"] == "failure":
                            case = recorder["cases"].get(case_id, {}).get("value", {})
                            failures.append(f"{result['name']}: {case.get('method')} {case.get('path')} ({recorder.get('label')})")
    print(f"fuzz: {requests} requests ({', '.join(f'{m} {n}' for m, n in sorted(per_method.items()))}), {cases} cases")
    for name in sorted(checks):
        counts = checks[name]
        print(f"  {name:32} {counts['success']:6} passed {counts['failure']:4} failed {counts['skip']:5} skipped")
    for failure in sorted(set(failures))[:50]:
        print(f"  FAILED {failure}")
    failed = sum(c["failure"] for c in checks.values()) + errors
    ok = failed == 0 and requests >= minimum
    if requests < minimum:
        print(f"fuzz: {requests} requests is under the budget's minimum of {minimum}")
    print(f"fuzz: {'passed' if ok else 'FAILED'}: {requests} requests, {failed} failures")
    passed = sum(c["success"] for c in checks.values())
    print(f"fuzz: {passed} passed, {failed} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
