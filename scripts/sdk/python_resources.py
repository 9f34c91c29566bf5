"""Writes sdks/python/sabnode/generated/resources.py: one class per `x-sdk` resource, one method per operation.

Run by scripts/sdk/python-generate.sh after datamodel-code-generator has written generated/models.py, whose
names the methods' types refer to. Everything here is read from openapi.yaml: operations with `x-sdk: false`
are skipped; path parameters become positional arguments, a JSON body the next one, query and header
parameters keyword arguments. A 200 answer with `data`/`has_more`/`next_cursor` and a `cursor` parameter makes
a list method (a page that iterates across pages); `text/event-stream` a stream of the resource's list items;
a binary answer a BinaryResponse; multipart bodies keyword arguments with FileInput for binary fields.
Output is a pure function of the two inputs, so a rerun is byte-identical.
"""

from __future__ import annotations

import keyword
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi.yaml"
MODELS = ROOT / "sdks/python/sabnode/generated/models.py"
OUT = ROOT / "sdks/python/sabnode/generated/resources.py"
RUNTIME_HEADERS = {"idempotency-key", "api-version"}
METHODS = ("get", "post", "put", "patch", "delete")
MUTATING = {"post", "put", "patch", "delete"}
# attributes the hand-written clients add beside the generated resources
RESERVED = {"bulk", "close", "api_version"}


def snake(name: str) -> str:
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).replace("-", "_").lower()
    return s + "_" if keyword.iskeyword(s) else s


def pascal(name: str) -> str:
    return name[:1].upper() + name[1:]


class Gen:
    def __init__(self, spec: dict[str, Any], model_names: set[str]) -> None:
        self.spec = spec
        self.models = model_names

    def resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise SystemExit(f"external $ref not supported: {ref}")
            target: Any = self.spec
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def merged(self, schema: Any) -> dict[str, Any]:
        """An object schema with its allOf parts' properties merged in."""
        schema = self.resolve(schema)
        props: dict[str, Any] = dict(schema.get("properties", {}))
        for part in schema.get("allOf", []):
            props.update(self.merged(part).get("properties", {}))
        return {**schema, "properties": props}

    def py_type(self, schema: Any, binary: str = "bytes") -> str:
        if schema is None or schema is True or schema == {}:
            return "Any"
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            if schema["$ref"].startswith("#/components/schemas/") and name in self.models:
                return f"models.{name}"
            return self.py_type(self.resolve(schema), binary)
        for key in ("oneOf", "anyOf"):
            if key in schema:
                return union(self.py_type(s, binary) for s in schema[key])
        if "allOf" in schema and len(schema["allOf"]) == 1 and "properties" not in schema:
            return self.py_type(schema["allOf"][0], binary)
        if "const" in schema:
            return f"Literal[{schema['const']!r}]"
        if "enum" in schema:
            return union("None" if v is None else f"Literal[{v!r}]" for v in schema["enum"])
        types = schema.get("type")
        if isinstance(types, list):
            return union(self.py_type({**schema, "type": t}, binary) for t in types)
        if types == "string":
            return binary if schema.get("format") == "binary" else "str"
        if types == "integer":
            return "int"
        if types == "number":
            return "float"
        if types == "boolean":
            return "bool"
        if types == "null":
            return "None"
        if types == "array":
            return f"builtins.list[{self.py_type(schema.get('items'), binary)}]"
        if types == "object" or "properties" in schema:
            return "builtins.dict[str, Any]"
        return "Any"

    def list_item(self, op: dict[str, Any], params: list[dict[str, Any]]) -> str | None:
        """The item type when the operation is a cursor-paginated list, else None."""
        ok = self.resolve(op.get("responses", {}).get("200"))
        schema = (ok or {}).get("content", {}).get("application/json", {}).get("schema")
        if schema is None or not any(p["in"] == "query" and p["name"] == "cursor" for p in params):
            return None
        props = self.merged(schema)["properties"]
        data = self.resolve(props.get("data", {}))
        if data.get("type") != "array" or "has_more" not in props or "next_cursor" not in props:
            return None
        return self.py_type(data.get("items"))


def union(parts: Any) -> str:
    out: list[str] = []
    for p in parts:
        for q in p.split(" | "):
            if q not in out:
                out.append(q)
    if "Any" in out:
        return "Any"
    return " | ".join(out)


def main() -> int:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    src = MODELS.read_text(encoding="utf-8")
    names = set(re.findall(r"^class (\w+)\b", src, re.M)) | set(re.findall(r"^(\w+)(?:: TypeAlias)? = ", src, re.M))
    g = Gen(spec, names)

    ops: list[dict[str, Any]] = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            sdk = op.get("x-sdk")
            if sdk is False:
                continue
            if not isinstance(sdk, dict):
                raise SystemExit(f"{method.upper()} {path}: x-sdk missing")
            params = [g.resolve(p) for p in item.get("parameters", []) + op.get("parameters", [])]
            ops.append({"path": path, "method": method, "op": op, "sdk": sdk, "params": params})

    resources: dict[str, list[dict[str, Any]]] = {}
    for o in ops:
        resources.setdefault(o["sdk"]["resource"], []).append(o)
    for resource in resources:
        if snake(resource) in RESERVED:
            raise SystemExit(f"x-sdk resource {resource!r} would hide the client's own `{snake(resource)}`")

    # a stream yields the items its resource's list yields
    list_items: dict[str, str] = {}
    for o in ops:
        item = g.list_item(o["op"], o["params"])
        if item is not None:
            o["list_item"] = item
            list_items.setdefault(o["sdk"]["resource"], item)

    version = str(spec["info"]["version"])
    body: list[str] = [
        f"API_VERSION = {version!r}",
        '"""The API version this SDK was generated from; sent as `Api-Version` unless overridden."""',
    ]
    for asynchronous in (False, True):
        for resource, rops in resources.items():
            body += ["", ""]
            body += render_resource(g, resource, rops, asynchronous, list_items)
    for asynchronous in (False, True):
        root = "AsyncResources" if asynchronous else "SyncResources"
        transport = "AsyncTransport" if asynchronous else "SyncTransport"
        prefix = "Async" if asynchronous else ""
        body += ["", "", f"class {root}:", f'    """Every resource of the API, as attributes."""', ""]
        for resource in resources:
            body.append(f"    {snake(resource)}: {prefix}{pascal(resource)}")
        body += ["", f"    def __init__(self, transport: {transport}) -> None:"]
        for resource in resources:
            body.append(f"        self.{snake(resource)} = {prefix}{pascal(resource)}(transport)")
    text = "\n".join(header(body) + body) + "\n"
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.name}: {len(resources)} resources, {len(ops)} operations", file=sys.stderr)
    return 0


def header(body: list[str]) -> list[str]:
    """The module's head, importing only the names the body uses."""
    code = "\n".join(body)

    def used(names: list[str]) -> list[str]:
        return [n for n in names if re.search(rf"\b{n}\b", code)]

    typing_names = used(["Any", "Literal", "cast"])
    runtime = used(["AsyncTransport", "BinaryResponse", "FileInput", "SyncTransport"])
    pages = used(["AsyncPaginator", "SyncPage"])
    streams = used(["AsyncEventStream", "EventStream"])
    out = [
        "# Generated by scripts/sdk/python_resources.py from openapi.yaml; do not edit.",
        "# Regenerate with `npm run sdk:generate:python`.",
        "",
        "from __future__ import annotations",
        "",
    ]
    if re.search(r"\bbuiltins\.", code):
        out.append("import builtins")
    if typing_names:
        out.append(f"from typing import {', '.join(typing_names)}")
    out.append("")
    if runtime:
        out.append(f"from .._transport import {', '.join(runtime)}")
    if pages:
        out.append(f"from ..pagination import {', '.join(pages)}")
    if streams:
        out.append(f"from ..streaming import {', '.join(streams)}")
    out += ["from . import models", "", '__all__ = ["API_VERSION", "SyncResources", "AsyncResources"]', ""]
    return out


def render_resource(g: Gen, resource: str, rops: list[dict[str, Any]], asynchronous: bool,
                    list_items: dict[str, str]) -> list[str]:
    prefix = "Async" if asynchronous else ""
    transport = "AsyncTransport" if asynchronous else "SyncTransport"
    out = [
        f"class {prefix}{pascal(resource)}:",
        f'    """`client.{snake(resource)}`: the {resource} operations."""',
        "",
        f"    def __init__(self, transport: {transport}) -> None:",
        "        self._t = transport",
    ]
    for o in rops:
        out.append("")
        out += render_method(g, o, asynchronous, list_items)
    return out


def render_method(g: Gen, o: dict[str, Any], asynchronous: bool, list_items: dict[str, str]) -> list[str]:
    op, method, path = o["op"], o["method"], o["path"]
    name = snake(o["sdk"]["method"])
    params = o["params"]
    positional: list[str] = []
    keyword_args: list[str] = []
    call: list[str] = []
    path_params = [p for p in params if p["in"] == "path"]
    # path parameters in the order they appear in the path
    order = re.findall(r"{(\w+)}", path)
    path_params.sort(key=lambda p: order.index(p["name"]))
    for p in path_params:
        positional.append(f"{snake(p['name'])}: str")
    if path_params:
        call.append("path_params={" + ", ".join(f"{p['name']!r}: {snake(p['name'])}" for p in path_params) + "}")

    responses = {str(k): g.resolve(v) for k, v in op.get("responses", {}).items()}
    ok = [(code, r) for code, r in responses.items() if code.startswith("2") or code == "304"]
    content_types = [ct for _, r in ok for ct in (r.get("content") or {})]
    is_stream = "text/event-stream" in content_types
    list_item = o.get("list_item")

    body = g.resolve(op.get("requestBody")) if op.get("requestBody") else None
    multipart_fields: list[str] = []
    if body is not None:
        content = body.get("content", {})
        if "application/json" in content:
            t = g.py_type(content["application/json"].get("schema"))
            positional.append(f"body: {t}" if body.get("required") else f"body: {t} | None = None")
            call.append("body=body")
        elif "multipart/form-data" in content:
            schema = g.merged(content["multipart/form-data"]["schema"])
            required = set(schema.get("required", []))
            for field, fs in schema["properties"].items():
                t = g.py_type(fs, binary="FileInput")
                keyword_args.append(f"{snake(field)}: {t}" if field in required else f"{snake(field)}: {t} | None = None")
                multipart_fields.append(field)
            call.append("multipart={" + ", ".join(f"{f!r}: {snake(f)}" for f in multipart_fields) + "}")
        else:
            # any other media type: the caller's bytes, sent as that type
            media = sorted(content)[0]
            positional.append("body: bytes" if body.get("required") else "body: bytes | None = None")
            call.append(f"raw_body=body, content_type={media!r}")

    query = [p for p in params if p["in"] == "query"]
    headers = [p for p in params if p["in"] == "header" and p["name"].lower() not in RUNTIME_HEADERS]
    seen = {snake(f) for f in multipart_fields}
    query_items: list[str] = []
    csv: list[str] = []
    for p in query:
        py = snake(p["name"])
        if py in seen:
            continue
        seen.add(py)
        keyword_args.append(f"{py}: {g.py_type(p.get('schema'))} | None = None")
        query_items.append(f"{p['name']!r}: {py}")
        if p.get("explode") is False:
            csv.append(p["name"])
    header_items: list[str] = []
    for p in headers:
        py = snake(p["name"])
        if py in seen:
            # the same value also goes as a query parameter (e.g. last_event_id): one argument
            continue
        seen.add(py)
        keyword_args.append(f"{py}: str | None = None")
        header_items.append(f"{p['name']!r}: {py}")
    csv_arg = "(" + "".join(f"{c!r}, " for c in csv) + ")" if csv else "()"
    if query_items and not is_stream:
        call.append("query={" + ", ".join(query_items) + "}")
        if csv:
            call.append(f"csv={csv_arg}")
    if header_items and not is_stream:
        call.append("headers={" + ", ".join(header_items) + "}")
    # a POST marked x-read (a search) is a read: no Idempotency-Key
    if method in MUTATING and not op.get("x-read"):
        keyword_args.append("idempotency_key: str | None = None")
        call.append("idempotency_key=idempotency_key")
    if not is_stream:
        keyword_args.append("timeout: float | None = None")
        call.append("timeout=timeout")

    summary = op.get("summary", name).rstrip(".")
    doc = f'        """{summary}: `{method.upper()} {path}`."""'
    sig_args = ["self", *positional]
    if keyword_args:
        sig_args += ["*", *keyword_args]
    call_args = ", ".join([repr(path), *call])
    aw = "await " if asynchronous else ""
    defn = "async def" if asynchronous else "def"

    if list_item is not None:
        ret = f"AsyncPaginator[{list_item}]" if asynchronous else f"SyncPage[{list_item}]"
        # a search sends its filters as a body, with every page
        verb = "" if method == "get" else f", method={method.upper()!r}"
        body_lines = [f"        return self._t.paginate({call_args}{verb})"]
        defn = "def"
    elif is_stream:
        item = list_items.get(o["sdk"]["resource"], "Any")
        cls = "AsyncEventStream" if asynchronous else "EventStream"
        resume = [p for p in params if snake(p["name"]) == "last_event_id"]
        stream_query = [q for q in query_items if not q.startswith("'last_event_id'")]
        args = [f"self._t", repr(path), "{" + ", ".join(stream_query) + "}", csv_arg]
        if resume:
            args.append("last_event_id=last_event_id")
        ret = f"{cls}[{item}]"
        body_lines = [f"        return {cls}({', '.join(args)})"]
        defn = "def"
    else:
        kinds = []
        types = []
        for code, r in ok:
            content = r.get("content") or {}
            if "application/json" in content:
                kinds.append("json")
                types.append(g.py_type(content["application/json"].get("schema")))
            elif content:
                kinds.append("binary")
                types.append("BinaryResponse")
            else:
                kinds.append("none" if code != "304" else "binary")
                types.append("None" if code != "304" else "BinaryResponse")
        if "binary" in kinds:
            ret = "BinaryResponse"
            body_lines = [f"        return cast(BinaryResponse, {aw}self._t.request({method.upper()!r}, {call_args}, kind='binary'))"]
        elif "json" in kinds:
            ret = union(t for t, k in zip(types, kinds) if k == "json")
            if "none" in kinds:
                ret = union([ret, "None"])
            body_lines = [f"        return cast({ret!r}, {aw}self._t.request({method.upper()!r}, {call_args}))"]
        else:
            ret = "None"
            body_lines = [f"        {aw}self._t.request({method.upper()!r}, {call_args}, kind='none')"]
    return [f"    {defn} {name}({', '.join(sig_args)}) -> {ret}:", doc, *body_lines]


if __name__ == "__main__":
    sys.exit(main())
