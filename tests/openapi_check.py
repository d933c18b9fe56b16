"""Check requests and responses against Keitaro's published OpenAPI description (2022).

The facts of the spec live in ``shared/keitaro-admin-api.json`` beside the repository (or wherever
the ``KEITARO_OPENAPI`` environment variable points). Tests use this module to check that what the
client sends, and what the sandbox answers, conforms to that description::

    spec = load_spec_or_skip()
    assert spec.check_request("POST", "/campaigns", {}, {"name": "x", "alias": "x"}) == []
    assert spec.check_response("GET", "/campaigns/5", 200, campaign) == []

Every check returns a list of human-readable problems; an empty list means "conforms".

The rules are deliberately loose where Keitaro is loose (see ``_type_ok``):

* integer and number accept ints and floats (never bools); a numeric *string* where the schema says
  integer/number is reported;
* string accepts ``str`` (and ``bytes`` in responses, for downloads), boolean accepts ``bool``,
  array accepts ``list``/``tuple``, object accepts ``dict`` and also an empty ``list`` (PHP
  encodes an empty associative array as ``[]``) unless the object has required properties;
* extra properties are never a problem (Keitaro accepts and emits fields its 2022 spec lacks);
* ``None`` is accepted for any property that is not required, and is a problem for a required one;
* ``{"type": "null"}`` (used only by the deviation table below) accepts ``None`` or an empty body.

Where the 2022 spec and the real tracker disagree, the disagreement is written down here, not
patched around in tests: ``DEVIATIONS`` (per operation, a replacement schema for 2xx answers, used
by ``check_response`` only) and ``UNCHECKED_PROPERTIES`` (per schema property, value not checked).
Sources are the sections of ``shared/keitaro-api.md`` quoted in each reason.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple
from urllib.parse import parse_qsl, urlsplit

import pytest

__all__ = [
    "DEVIATIONS",
    "ENV_VAR",
    "KNOWN_DEVIATIONS",
    "UNCHECKED_PROPERTIES",
    "Deviation",
    "OpenApiSpec",
    "Operation",
    "Schema",
    "check_request",
    "check_response",
    "default_spec_path",
    "load_spec_or_skip",
]

Schema = dict[str, Any]
Operation = dict[str, Any]
Mode = Literal["request", "response"]

ENV_VAR = "KEITARO_OPENAPI"
"""Environment variable that overrides where the spec JSON is read from."""

_MAX_DEPTH = 64
_INTEGER_RE = re.compile(r"[+-]?\d+")
_PLACEHOLDER_RE = re.compile(r"\{([^{}]+)\}")


# --------------------------------------------------------------------------------------------
# Known deviations between the 2022 spec and real Keitaro
# --------------------------------------------------------------------------------------------


class Deviation(NamedTuple):
    """A replacement schema accepted for an operation's 2xx answer, and why."""

    schema: Schema
    reason: str


def _array_of(name: str) -> Schema:
    return {"type": "array", "items": {"ref": name}}


_EMPTY_BODY: Schema = {"type": "null"}
_OPTIONS: Schema = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "value": {"type": "string"},
            "name": {"type": "string"},
            "description": {"type": "string"},
        },
        "required": ["value", "name"],
    },
}
_STREAM_EVENTS: Schema = {
    "type": "object",
    "properties": {
        "total": {"type": "integer"},
        "items": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["total", "items"],
}
_SUCCESS: Schema = {
    "type": "object",
    "properties": {"success": {"type": "boolean"}},
    "required": ["success"],
}

_ARRAYS = "archive/restore/clone/enable/disable run through id -> ids=[id] and return a JSON array"

DEVIATIONS: dict[tuple[str, str], Deviation] = {
    # Campaigns (keitaro-api.md §1.4, §1.6, §2.1).
    ("DELETE", "/campaigns/{id}"): Deviation(
        _array_of("Campaign"),
        f"{_ARRAYS} of Campaign (state 'deleted'); the spec's 201 + Domain is a copy-paste bug "
        "(§1.4, §2.1)",
    ),
    ("POST", "/campaigns/{id}/restore"): Deviation(
        _array_of("Campaign"),
        f"{_ARRAYS} of Campaign; the spec's 201 + Domain is a copy-paste bug (§1.4, §2.1)",
    ),
    ("POST", "/campaigns/{id}/clone"): Deviation(
        _array_of("Campaign"), f"{_ARRAYS} of Campaign, the copies (§1.6, §2.1)"
    ),
    ("POST", "/campaigns/{id}/enable"): Deviation(
        _array_of("Campaign"), f"{_ARRAYS} of Campaign (§1.6, §2.1)"
    ),
    ("POST", "/campaigns/{id}/disable"): Deviation(
        _array_of("Campaign"), f"{_ARRAYS} of Campaign (§1.6, §2.1)"
    ),
    # Streams (§2.2, §8.2).
    ("DELETE", "/streams/{id}"): Deviation(
        _EMPTY_BODY, "the v9 archive action returns null, so the body is empty (§2.2, §8.2)"
    ),
    ("GET", "/streams/{id}/events"): Deviation(
        _STREAM_EVENTS, 'real answer is {"total": N, "items": [StreamEvent...]}, not Stream (§2.2)'
    ),
    ("GET", "/stream_types"): Deviation(
        _OPTIONS, 'real items are {"value", "name"} options, not StreamAction (§2.2)'
    ),
    ("GET", "/stream_schemas"): Deviation(
        _OPTIONS, 'real items are {"value", "name", "description"}, not StreamAction (§2.2)'
    ),
    # Landing pages (§2.3): GUESS, following the DEC pattern; not confirmed on a real tracker.
    ("DELETE", "/landing_pages/{id}"): Deviation(
        _array_of("Landing"), f"GUESS: {_ARRAYS} of Landing, like the other resources (§2.3, §8.2)"
    ),
    ("PUT", "/landing_pages/{id}/clone"): Deviation(
        _array_of("Landing"), f"GUESS: {_ARRAYS} of Landing, like the other clones (§2.3, §8.2)"
    ),
    # Offers (§2.4).
    ("DELETE", "/offers/{id}/archive"): Deviation(
        _array_of("Offer"), f"{_ARRAYS} of Offer (DEC archiveAction, §2.4)"
    ),
    ("POST", "/offers/{id}/clone"): Deviation(
        _array_of("Offer"), f"{_ARRAYS} of Offer; YS test got a list of 'Copy of ...' (§2.4)"
    ),
    # Affiliate networks (§2.5).
    ("DELETE", "/affiliate_networks/{id}"): Deviation(
        _array_of("AffiliateNetwork"),
        f"GUESS: {_ARRAYS} of AffiliateNetwork, per the DEC pattern (§2.5, §8.2)",
    ),
    ("POST", "/affiliate_networks/{id}/clone"): Deviation(
        _array_of("AffiliateNetwork"),
        f"{_ARRAYS} of AffiliateNetwork; YS and WG take [0] (§2.5)",
    ),
    # Traffic sources (§2.6).
    ("DELETE", "/traffic_sources/{id}"): Deviation(
        _array_of("Source"),
        f"GUESS: {_ARRAYS} of Source; the spec documents no body at all (§2.6, §8.2)",
    ),
    ("POST", "/traffic_sources/{id}/clone"): Deviation(
        _array_of("Source"), f"{_ARRAYS} of Source; YS test got a list of 'Copy of ...' (§2.6)"
    ),
    # Domains (§1.4, §2.7).
    ("DELETE", "/domains/{id}"): Deviation(
        _array_of("Domain"), f"{_ARRAYS} of Domain; the spec says 201 + Domain (§1.4, §2.7)"
    ),
    ("POST", "/domains/{id}/restore"): Deviation(
        _array_of("Domain"), f"{_ARRAYS} of Domain (DEC; YS, §2.7)"
    ),
    ("POST", "/domains/{id}/check"): Deviation(
        _array_of("Domain"), "DEC updateStatus returns Domain[]; YS test reads data[0] (§2.7)"
    ),
    # Groups (§2.8, §8.2).
    ("DELETE", "/groups/{id}/delete"): Deviation(
        _EMPTY_BODY, "a real delete; DEC returns an empty body, the spec says Group (§2.8, §8.2)"
    ),
    # Users (§1.4, §2.9).
    ("DELETE", "/users/{id}"): Deviation(
        _SUCCESS, 'DEC returns 200 {"success": true}; the spec says 201 with no body (§1.4, §2.9)'
    ),
}
"""(METHOD, path template) -> replacement schema + reason, for 2xx answers only.

``check_response`` accepts an answer that conforms to EITHER the spec's schema OR the replacement.
"""

KNOWN_DEVIATIONS: dict[tuple[str, str], str] = {key: d.reason for key, d in DEVIATIONS.items()}
"""(METHOD, path template) -> reason: the same table as ``DEVIATIONS``, reasons only."""

UNCHECKED_PROPERTIES: dict[tuple[str, str], str] = {
    ("Filter", "payload"): "spec says string; real payload is an array or object per filter (§2.2)",
    ("FilterStreamRequest", "payload"): (
        "spec says string[]; some filters (schedule, interval, ...) take an object (§2.2)"
    ),
    ("Trigger", "taget"): (
        "the spec misspells `target`; real triggers carry `target` (an extra, accepted property)"
    ),
    ("Report", "rows"): "spec says string[]; real rows are objects keyed by column (§4.5)",
    ("Report", "meta"): "spec says string[]; real meta is an object that varies by version (§4.5)",
    ("FilterRequest", "expression"): (
        "spec says string|number; IN_LIST/NOT_IN_LIST/BETWEEN take an array (§4.1, §4.2)"
    ),
    ("CampaignRequest", "group_id"): "spec says string; the id is an integer (§2.1 example body)",
    ("LandingRequest", "group_id"): "spec says string; the id is an integer (§2.3)",
    ("Campaign", "cost_value"): 'decimal columns come back as strings, e.g. "0.0000" (§1.3, §2.1)',
    ("Campaign", "bind_visitors"): 'real values include "" (no binding) beside s/sl/slo (§2.1, §5)',
    ("Domain", "default_campaign"): "spec says integer; real API gives the campaign's name (§2.7)",
}
"""(schema name, property) -> reason: the property's value is not checked (type nor enum).

Inline objects nested in a named schema are named ``"Schema.property"``, e.g. ``"Facebook.proxy"``.
"""


# --------------------------------------------------------------------------------------------
# The spec
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Template:
    method: str
    path: str
    segments: tuple[str, ...]
    operation: Operation


@dataclass
class OpenApiSpec:
    """The facts of Keitaro's OpenAPI description, with request/response checks."""

    base: str
    operations: list[Operation]
    schemas: dict[str, Schema]
    _templates: dict[tuple[str, int], list[_Template]] = field(
        default_factory=dict, init=False, repr=False
    )

    def __post_init__(self) -> None:
        for op in self.operations:
            segments = _segments(op["path"])
            template = _Template(op["method"].upper(), op["path"], segments, op)
            self._templates.setdefault((template.method, len(segments)), []).append(template)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> OpenApiSpec:
        """Read the spec JSON at ``path``."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            base=str(data.get("base", "")),
            operations=list(data["operations"]),
            schemas=dict(data.get("schemas", {})),
        )

    # -- lookup ------------------------------------------------------------------------------

    def find_operation(self, method: str, path: str) -> Operation | None:
        """The operation for a concrete path such as ``/campaigns/12/disable``, or None.

        ``path`` may carry the ``/admin_api/v1`` base, a scheme and host, a query string and a
        trailing slash. Literal segments win over placeholders (``/campaigns/deleted`` is its own
        operation); a placeholder whose parameter is an integer only matches digits.
        """
        found = self._match(method, path, strict=True)
        return found[0] if found else None

    def _match(
        self, method: str, path: str, *, strict: bool
    ) -> tuple[Operation, dict[str, str]] | None:
        segments = _segments(self._strip_base(path))
        best: tuple[tuple[int, ...], _Template, dict[str, str]] | None = None
        for template in self._templates.get((method.upper(), len(segments)), []):
            ranks: list[int] = []
            params: dict[str, str] = {}
            for pattern, actual in zip(template.segments, segments, strict=True):
                placeholder = _PLACEHOLDER_RE.fullmatch(pattern)
                if placeholder is None:
                    if pattern != actual:
                        break
                    ranks.append(0)
                    continue
                name = placeholder.group(1)
                params[name] = actual
                schema = _param_schema(template.operation, name, "path")
                if schema.get("type") == "integer" and not actual.isdigit():
                    if strict:
                        break
                    ranks.append(2)
                else:
                    ranks.append(1)
            else:
                key = tuple(ranks)
                if best is None or key < best[0]:
                    best = (key, template, params)
        if best is None:
            return None
        return best[1].operation, best[2]

    def _strip_base(self, path: str) -> str:
        path = urlsplit(path).path or "/"
        if self.base and (path == self.base or path.startswith(self.base.rstrip("/") + "/")):
            path = path[len(self.base.rstrip("/")) :]
        return path

    def schema(self, name: str) -> Schema:
        """A named schema from ``components``; KeyError if the spec has no such schema."""
        return self.schemas[name]

    def operation_for_template(self, method: str, template: str) -> Operation | None:
        """The operation declared with exactly this method and path template."""
        for op in self.operations:
            if op["method"].upper() == method.upper() and op["path"] == template:
                return op
        return None

    def request_enum(self, op: Operation, name: str) -> list[object] | None:
        """The allowed values the operation's query parameter or body property ``name`` has."""
        schema = _param_schema(op, name, "query") or _param_schema(op, name, "path")
        if "enum" in schema:
            return list(schema["enum"])
        body = (op.get("body") or {}).get("schema") or {}
        return self._property_enum(body, name, 0)

    def _property_enum(self, schema: Schema, name: str, depth: int) -> list[object] | None:
        if depth > _MAX_DEPTH:
            return None
        if "ref" in schema:
            return self._property_enum(self.schemas.get(schema["ref"], {}), name, depth + 1)
        for sub in schema.get("allOf", []):
            found = self._property_enum(sub, name, depth + 1)
            if found is not None:
                return found
        prop = schema.get("properties", {}).get(name)
        if prop is None:
            return None
        if "ref" in prop:
            prop = self.schemas.get(prop["ref"], {})
        if "enum" in prop:
            return list(prop["enum"])
        items = prop.get("items") or {}
        return list(items["enum"]) if "enum" in items else None

    # -- requests ----------------------------------------------------------------------------

    def check_request(
        self,
        method: str,
        path: str,
        query: Mapping[str, object] | None = None,
        body: object | None = None,
    ) -> list[str]:
        """Problems with a request; ``[]`` means it conforms to the spec.

        ``query`` holds the query parameters (a query string inside ``path`` is merged in; keys in
        ``query`` win). ``body`` is the decoded JSON body, or None when there is none.
        """
        method = method.upper()
        params = _merged_query(path, query)
        found = self._match(method, path, strict=False)
        if found is None:
            return [f"{method} {path}: no such operation in the spec"]
        op, path_values = found
        label = f"{method} {op['path']}"
        problems: list[str] = []

        for name, actual in path_values.items():
            schema = _param_schema(op, name, "path")
            if schema.get("type") == "integer" and not actual.isdigit():
                problems.append(
                    f"{label}: path parameter {name!r} must be an integer, got {actual!r}"
                )
            enum = schema.get("enum")
            if enum is not None and actual not in enum:
                problems.append(
                    f"{label}: path parameter {name!r} = {actual!r} is not one of {enum}"
                )

        for param in op.get("parameters", []):
            if param.get("in") != "query":
                continue
            name = param["name"]
            value = params.get(name)
            if value is None and isinstance(body, dict):
                # Keitaro's getParam() reads the query, then the body (keitaro-api.md §1.3): the
                # client sends long or secret values (file contents, keys) in the body.
                value = body.get(name)
            if value is None:
                if param.get("required"):
                    problems.append(f"{label}: missing required query parameter {name!r}")
                continue
            values = value if isinstance(value, list | tuple) else [value]
            for item in values:
                problems.extend(_check_query_value(label, name, param.get("schema") or {}, item))

        spec_body = op.get("body")
        if spec_body is None:
            return problems
        if body is None:
            if spec_body.get("required"):
                problems.append(f"{label}: the request body is required")
            return problems
        schema = spec_body.get("schema")
        if schema:
            problems.extend(f"{label}: {p}" for p in self._validate(schema, body, "request"))
        return problems

    # -- responses ---------------------------------------------------------------------------

    def check_response(self, method: str, path: str, status: int, data: object) -> list[str]:
        """Problems with a decoded response; ``[]`` means it conforms.

        The schema is the one the spec lists for ``status``; a 2xx status the spec does not list
        falls back to the spec's 2xx answer (the spec says 201 where Keitaro answers 200). A
        missing or null schema means "no check". For operations in ``DEVIATIONS`` a 2xx answer may
        conform to the replacement schema instead.
        """
        method = method.upper()
        found = self._match(method, path, strict=True)
        if found is None:
            return [f"{method} {path}: no such operation in the spec"]
        op = found[0]
        label = f"{method} {op['path']} -> {status}"
        schema = _response_schema(op, status)
        deviation = DEVIATIONS.get((method, op["path"])) if 200 <= status < 300 else None
        if schema is None:
            return []
        problems = self._validate(schema, data, "response")
        if not problems:
            return []
        if deviation is None:
            return [f"{label}: {p}" for p in problems]
        alternative = self._validate(deviation.schema, data, "response")
        if not alternative:
            return []
        return [f"{label}: (spec) {p}" for p in problems] + [
            f"{label}: (known deviation) {p}" for p in alternative
        ]

    # -- schema validation -------------------------------------------------------------------

    def validate(self, schema: Schema, value: object, mode: Mode = "response") -> list[str]:
        """Problems of ``value`` against ``schema`` (which may be ``{"ref": "Name"}``)."""
        return self._validate(schema, value, mode)

    def _validate(self, schema: Schema, value: object, mode: Mode) -> list[str]:
        root = "body" if mode == "request" else "response"
        return _unique(self._check(schema, value, root, None, mode, 0))

    def _check(
        self, schema: Schema, value: object, where: str, owner: str | None, mode: Mode, depth: int
    ) -> list[str]:
        if not schema or depth > _MAX_DEPTH:
            return []
        if "ref" in schema:
            name = schema["ref"]
            target = self.schemas.get(name)
            if target is None:
                return [f"{where}: schema {name!r} is not defined in the spec"]
            return self._check(target, value, where, name, mode, depth + 1)

        problems: list[str] = []
        for sub in schema.get("allOf", []):
            problems.extend(self._check(sub, value, where, owner, mode, depth + 1))
        for key in ("oneOf", "anyOf"):
            alternatives: list[Schema] = schema.get(key, [])
            if alternatives and all(
                self._check(sub, value, where, owner, mode, depth + 1) for sub in alternatives
            ):
                shapes = ", ".join(self._describe(sub) for sub in alternatives)
                problems.append(f"{where}: {_show(value)} matches none of {key} [{shapes}]")

        expected = schema.get("type")
        if expected is not None and not _type_ok(schema, value, mode):
            problems.append(f"{where}: expected {expected}, got {_show(value)}")
            return problems

        enum = schema.get("enum")
        if enum is not None and not _in_enum(value, enum):
            problems.append(f"{where}: {value!r} is not one of {enum}")

        if isinstance(value, dict):
            problems.extend(self._check_object(schema, value, where, owner, mode, depth))
        items = schema.get("items")
        if isinstance(value, list | tuple) and items is not None:
            for index, item in enumerate(value):
                problems.extend(
                    self._check(items, item, f"{where}[{index}]", owner, mode, depth + 1)
                )
        return problems

    def _check_object(
        self,
        schema: Schema,
        value: dict[str, object],
        where: str,
        owner: str | None,
        mode: Mode,
        depth: int,
    ) -> list[str]:
        problems: list[str] = []
        required: list[str] = schema.get("required", [])
        for name in required:
            if name not in value:
                problems.append(f"{where}: missing required property {name!r}")
            elif value[name] is None:
                problems.append(f"{where}.{name}: required property {name!r} is null")
        properties: dict[str, Schema] = schema.get("properties", {})
        for name, sub in properties.items():
            if name not in value or value[name] is None:
                continue
            if (owner, name) in UNCHECKED_PROPERTIES:
                continue
            inner = f"{owner}.{name}" if owner else None
            problems.extend(
                self._check(sub, value[name], f"{where}.{name}", inner, mode, depth + 1)
            )
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            for name, item in value.items():
                if name in properties or item is None:
                    continue
                problems.extend(self._check(extra, item, f"{where}.{name}", owner, mode, depth + 1))
        return problems

    def _describe(self, schema: Schema) -> str:
        if "ref" in schema:
            return str(schema["ref"])
        if "type" in schema:
            return str(schema["type"])
        return json.dumps(schema, sort_keys=True)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _segments(path: str) -> tuple[str, ...]:
    return tuple(part for part in path.strip("/").split("/") if part)


def _param_schema(op: Operation, name: str, location: str) -> Schema:
    for param in op.get("parameters", []):
        if param.get("name") == name and param.get("in") == location:
            return param.get("schema") or {}
    return {}


def _response_schema(op: Operation, status: int) -> Schema | None:
    responses: dict[str, Any] = op.get("responses", {})
    entry = responses.get(str(status))
    if entry is None and 200 <= status < 300 and str(status) not in responses:
        for code in sorted(responses):
            if code.startswith("2"):
                entry = responses[code]
                break
    if not entry:
        return None
    return entry.get("schema")


def _merged_query(path: str, query: Mapping[str, object] | None) -> dict[str, object]:
    merged: dict[str, object] = {}
    for key, value in parse_qsl(urlsplit(path).query, keep_blank_values=True):
        previous = merged.get(key)
        if previous is None:
            merged[key] = value
        elif isinstance(previous, list):
            previous.append(value)
        else:
            merged[key] = [previous, value]
    if query:
        merged.update(query)
    return merged


def _check_query_value(label: str, name: str, schema: Schema, value: object) -> list[str]:
    problems: list[str] = []
    expected = schema.get("type")
    text = value if isinstance(value, str) else None
    if expected == "integer":
        ok = (isinstance(value, int) and not isinstance(value, bool)) or (
            text is not None and _INTEGER_RE.fullmatch(text) is not None
        )
    elif expected == "number":
        ok = (isinstance(value, int | float) and not isinstance(value, bool)) or (
            text is not None and _is_number(text)
        )
    elif expected == "boolean":
        ok = isinstance(value, bool | int) or (
            text is not None and text.lower() in {"0", "1", "true", "false"}
        )
    elif expected == "string":
        ok = isinstance(value, str | int | float) and not isinstance(value, bool)
    else:
        ok = True
    if not ok:
        problems.append(f"{label}: query parameter {name!r} must be {expected}, got {value!r}")
    enum = schema.get("enum")
    if enum is not None and str(value) not in [str(item) for item in enum]:
        problems.append(f"{label}: query parameter {name!r} = {value!r} is not one of {enum}")
    return problems


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip().lower() not in {"nan", "inf", "-inf", "+inf", "infinity", "-infinity"}


def _type_ok(schema: Schema, value: object, mode: Mode) -> bool:
    expected = schema.get("type")
    if expected in ("integer", "number"):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected == "string":
        return isinstance(value, str) or (mode == "response" and isinstance(value, bytes))
    if expected == "boolean":
        return isinstance(value, bool)
    if expected == "object":
        if isinstance(value, dict):
            return True
        # PHP's json_encode turns an empty associative array into [].
        return isinstance(value, list) and not value and not schema.get("required")
    if expected == "array":
        return isinstance(value, list | tuple)
    if expected == "null":
        return value is None or value in ("", b"")
    return True


def _in_enum(value: object, enum: Iterable[object]) -> bool:
    return any(_same(value, item) for item in enum)


def _same(value: object, item: object) -> bool:
    """JSON equality: strings exactly, numbers by value, and a bool is never a number."""
    if isinstance(value, bool) or isinstance(item, bool):
        return isinstance(value, bool) and isinstance(item, bool) and value == item
    if isinstance(value, str) or isinstance(item, str):
        return isinstance(value, str) and isinstance(item, str) and value == item
    return value == item


def _show(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {value!r}"
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        kind = "numeric string" if _is_number(value) else "string"
        return f"{kind} {shown!r}"
    if isinstance(value, bytes):
        return f"bytes ({len(value)})"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list | tuple):
        return f"array ({len(value)} items)"
    return type(value).__name__


def _unique(problems: list[str]) -> list[str]:
    return list(dict.fromkeys(problems))


# --------------------------------------------------------------------------------------------
# Loading for tests
# --------------------------------------------------------------------------------------------


def default_spec_path() -> Path:
    """``$KEITARO_OPENAPI`` if set, else ``<repo>/../shared/keitaro-admin-api.json``."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "shared" / "keitaro-admin-api.json"


@lru_cache(maxsize=4)
def _load_cached(path: str) -> OpenApiSpec:
    return OpenApiSpec.load(path)


def load_spec_or_skip(path: str | os.PathLike[str] | None = None) -> OpenApiSpec:
    """The spec (cached per path); ``pytest.skip`` the calling test when the file is absent."""
    resolved = Path(path) if path is not None else default_spec_path()
    if not resolved.is_file():
        pytest.skip(f"Keitaro OpenAPI facts not found at {resolved} (set {ENV_VAR})")
    return _load_cached(str(resolved.resolve()))


def check_request(
    method: str,
    path: str,
    query: Mapping[str, object] | None = None,
    body: object | None = None,
) -> list[str]:
    """``OpenApiSpec.check_request`` on the default spec (skips the test if it is absent)."""
    return load_spec_or_skip().check_request(method, path, query, body)


def check_response(method: str, path: str, status: int, data: object) -> list[str]:
    """``OpenApiSpec.check_response`` on the default spec (skips the test if it is absent)."""
    return load_spec_or_skip().check_response(method, path, status, data)
