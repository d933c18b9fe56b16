"""What the form asks for each field of an action's parameter model, and how it checks one.

A field becomes one of: buttons (``choice`` for Literal values and bools), an entity picker
(``id`` / ``ids`` for fields that name the tracker's entities), a comma list (``list`` of
plain values), JSON (``json`` for nested structures, with an example) or typed text.
Answers are validated by pydantic against that one field, with the model's own constraints.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, ValidationError, create_model
from pydantic.fields import FieldInfo

from bot.forms.examples import example_for
from keitaro.catalog import Action
from keitaro.guesses import LABEL_COLUMNS

#: fields that name another resource's entities → the view that lists them
ID_VIEWS: dict[str, str] = {
    "campaign_id": "cm",
    "default_campaign_id": "cm",
    "campaign_ids": "cm",
    "offer_id": "of",
    "alternative_offer_id": "of",
    "landing_id": "lp",
    "group_id": "gr",
    "traffic_source_id": "ts",
    "domain_id": "dm",
    "affiliate_network_id": "an",
}
#: ``id`` names the action's own resource; its view by resource
RESOURCE_VIEWS: dict[str, str] = {
    "campaigns": "cm",
    "streams": "st",
    "offers": "of",
    "landing_pages": "lp",
    "traffic_sources": "ts",
    "affiliate_networks": "an",
    "domains": "dm",
    "groups": "gr",
    "users": "us",
    "integrations": "fb",
}


class FieldError(ValueError):
    """An answer that does not fit the field; ``str()`` is pydantic's message and ``problem``
    the pydantic error itself, for a translated explanation."""

    def __init__(self, message: str, problem: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.problem = problem


#: the problem of a typed answer that should have been JSON (said in the user's words)
NOT_JSON: dict[str, Any] = {"type": "json_invalid", "loc": ()}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    index: int
    info: FieldInfo
    required: bool
    kind: str  # choice | id | ids | list | json | any | text
    choices: tuple[Any, ...] = ()
    view: str | None = None
    example: str | None = None

    @property
    def description(self) -> str:
        return self.info.description or ""


def _strip(annotation: Any) -> Any:
    """The type inside ``Optional[...]`` and ``Annotated[...]``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            inner = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(inner) != 1:
                return annotation
            annotation = inner[0]
        else:
            return annotation


def _models(annotation: Any) -> tuple[type, ...]:
    """Every pydantic model a (nested) annotation mentions."""
    found: list[type] = []
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            found.append(current)
        stack.extend(typing.get_args(current))
    return tuple(found)


def _kind(action: Action, name: str, annotation: Any) -> tuple[str, tuple[Any, ...], str | None]:
    bare = _strip(annotation)
    origin = typing.get_origin(bare)
    view = ID_VIEWS.get(name) or (RESOURCE_VIEWS.get(action.resource) if name == "id" else None)
    if origin is Literal:
        return "choice", typing.get_args(bare), None
    if name == "ref_name" and bare is str:  # a report column: buttons, or typed as it is
        return "choice", LABEL_COLUMNS, None
    if bare is bool:
        return "choice", (True, False), None
    if origin is list:
        item = _strip(typing.get_args(bare)[0]) if typing.get_args(bare) else Any
        if view and item is int:
            return "ids", (), view
        if typing.get_origin(item) is Literal or item in (str, int):
            return "list", (), None
        return "json", (), None
    if view and bare is int:
        return "id", (), view
    if bare is Any:
        return "any", (), None
    if origin is dict or bare is dict or _models(bare):
        return "json", (), None
    return "text", (), None


@cache
def fields_of(action: Action) -> tuple[FieldSpec, ...]:
    """The action's fields in the model's order (``index`` is stable: callback data uses it)."""
    specs = []
    for index, (name, info) in enumerate(action.params.model_fields.items()):
        kind, choices, view = _kind(action, name, info.annotation)
        example = example_for(name, _models(info.annotation)) if kind == "json" else None
        specs.append(FieldSpec(name, index, info, info.is_required(), kind, choices, view, example))
    return tuple(specs)


def field_named(action: Action, name: str) -> FieldSpec | None:
    return next((spec for spec in fields_of(action) if spec.name == name), None)


def field_at(action: Action, index: int) -> FieldSpec | None:
    specs = fields_of(action)
    return specs[index] if 0 <= index < len(specs) else None


def ask_order(action: Action) -> list[FieldSpec]:
    """Required fields first (path fields, i.e. which entity, before the rest), then the
    optional ones."""
    specs = fields_of(action)
    path = [s for s in specs if s.name in action.path_fields]
    required = [s for s in specs if s.required and s.name not in action.path_fields]
    optional = [s for s in specs if not s.required and s.name not in action.path_fields]
    return [*path, *required, *optional]


@cache
def _one_field_model(action: Action, name: str) -> type[BaseModel]:
    info = action.params.model_fields[name]
    config = ConfigDict(str_strip_whitespace=True, populate_by_name=True)
    return create_model(
        f"{action.params.__name__}_{name}", __config__=config, **{name: (info.annotation, info)}
    )  # type: ignore[call-overload]


def parse_text(spec: FieldSpec, text: str) -> Any:
    """A typed answer as the raw value pydantic will check (JSON, a comma list, or text)."""
    text = text.strip()
    if spec.kind == "json":
        try:
            return json.loads(text)
        except ValueError as exc:
            raise FieldError(f"not valid JSON: {exc.msg}", NOT_JSON) from None
    if spec.kind == "any":
        try:
            return json.loads(text)
        except ValueError:
            return text
    if spec.kind in ("list", "ids"):
        if text.startswith("["):
            try:
                return json.loads(text)
            except ValueError as exc:
                raise FieldError(f"not valid JSON: {exc.msg}", NOT_JSON) from None
        return [part.strip().lstrip("#") for part in text.replace("\n", ",").split(",") if part]
    if spec.kind == "id":
        return text.lstrip("#")
    return text


def check(action: Action, spec: FieldSpec, raw: Any) -> Any:
    """The value validated against this one field, as JSON data (what the form stores)."""
    model = _one_field_model(action, spec.name)
    try:
        validated = model.model_validate({spec.name: raw})
    except ValidationError as exc:
        problem = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in problem["loc"][1:])
        message = f"{where}: {problem['msg']}" if where else problem["msg"]
        raise FieldError(message, dict(problem, loc=problem["loc"][1:])) from None
    return validated.model_dump(mode="json")[spec.name]
