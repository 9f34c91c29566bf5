#!/usr/bin/env bash
# Regenerates the Python SDK's generated layer from openapi.yaml (deterministic: a rerun changes no byte):
#   sdks/python/sabnode/generated/models.py     TypedDicts of every schema, by datamodel-code-generator (pinned)
#   sdks/python/sabnode/generated/resources.py  the resource/method layer, by scripts/sdk/python_resources.py
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
VENV="$(bash scripts/sdk/python-venv.sh)"
OUT=sdks/python/sabnode/generated
mkdir -p "$OUT"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# its deprecation warnings go to a log shown only if it fails
if ! "$VENV/bin/datamodel-codegen" \
  --input openapi.yaml --input-file-type openapi \
  --output "$OUT/models.py" \
  --output-model-type typing.TypedDict \
  --target-python-version 3.11 \
  --disable-timestamp --keep-model-order \
  --enum-field-as-literal all \
  --use-standard-collections --use-union-operator --use-double-quotes \
  --use-schema-description \
  --formatters black isort 2>"$log"; then
  cat "$log" >&2
  exit 1
fi
"$VENV/bin/python" scripts/sdk/python_resources.py
"$VENV/bin/black" --quiet --line-length 120 "$OUT/resources.py"
