#!/usr/bin/env bash
# Creates (or refreshes) .data/venv-sdk-python with the pinned tools of the Python SDK: its runtime dependency
# (httpx), its checks (mypy, pytest) and its model generator (datamodel-code-generator). Prints the venv's path.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.data/venv-sdk-python"
LOCK="$ROOT/sdks/python/requirements-dev.lock"
STAMP="$VENV/.lock-sha256"
want="$(sha256sum "$LOCK" | cut -d' ' -f1)"
if [[ ! -x "$VENV/bin/python" || ! -f "$STAMP" || "$(cat "$STAMP")" != "$want" ]]; then
  PY="${SABNODE_PYTHON:-$(command -v python3.11 || command -v python3)}"
  "$PY" -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"' >&2
  rm -rf "$VENV"
  "$PY" -m venv "$VENV" >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$LOCK" >&2
  echo "$want" > "$STAMP"
fi
echo "$VENV"
