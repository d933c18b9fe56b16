"""The catalog holds exactly the canonical actions, each routed and typed as Keitaro's spec says."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from keitaro.catalog import ACTIONS, Access, Target
from keitaro.catalog.action import Params
from tests.openapi_check import load_spec_or_skip

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "keitaro-api.md"
_ROW = re.compile(
    r"^\| `([a-z_]+\.[a-z_]+)` \| (GET|POST|PUT|DELETE) \| `([^`]+)` \| [^|]+ \| (core|full) \|"
)


def reference_rows() -> list[tuple[str, str, str, str]]:
    if not REFERENCE.exists():
        pytest.skip("shared/keitaro-api.md is not beside the repository")
    return [m.groups() for line in REFERENCE.read_text().splitlines() if (m := _ROW.match(line))]


def test_the_catalog_has_exactly_the_canonical_actions() -> None:
    rows = reference_rows()
    assert len(rows) == 111
    assert sorted(ACTIONS) == sorted(name for name, *_ in rows)


@pytest.mark.parametrize("row", reference_rows() if REFERENCE.exists() else [], ids=lambda r: r[0])
def test_each_action_has_the_reference_method_path_and_tier(row: tuple[str, ...]) -> None:
    name, method, path, tier = row
    action = ACTIONS[name]
    assert (action.method, action.path, action.tier) == (method, path, tier)


def test_tiers_and_access_are_declared() -> None:
    tiers = typing.Counter(action.tier for action in ACTIONS.values())
    assert tiers == {"core": 75, "full": 36}
    destroying = {name for name, a in ACTIONS.items() if a.access is Access.DESTROY}
    # everything that archives, deletes, wipes or replaces asks before it is done
    for name in ACTIONS:
        operation = name.split(".")[1]
        if operation in {"archive", "delete", "clean", "clear", "replace", "remove_file"}:
            assert name in destroying, name
    assert all(a.access is Access.READ for n, a in ACTIONS.items() if n.endswith((".list", ".get")))


def test_every_action_declares_a_parameter_model_a_form_can_show() -> None:
    for action in ACTIONS.values():
        assert issubclass(action.params, Params)
        assert action.summary
        for field_name in action.path_fields:
            assert field_name in action.params.model_fields, (action.name, field_name)
        schema = action.params.model_json_schema()
        assert schema["type"] == "object", action.name


def test_postback_actions_go_to_the_postback_url() -> None:
    postback = {name for name, a in ACTIONS.items() if a.target is Target.POSTBACK}
    assert postback == {"conversions.create", "postbacks.send"}


def _literal_values(annotation: object) -> set[str]:
    """Every string a Literal inside ``annotation`` allows (through Optional, list, Annotated)."""
    found: set[str] = set()
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return {v for v in typing.get_args(annotation) if isinstance(v, str)}
    for arg in typing.get_args(annotation):
        found |= _literal_values(arg)
    return found


#: allowed values the models accept beyond the 2022 spec, each a GUESS in keitaro/guesses.py
DOCUMENTED_EXTENSIONS = {
    "cost_type": {"CPA", "CPS", "CPUV", "CPV", "RevShare"},  # guesses.COST_TYPES
    "type": {"domains"},  # guesses.GROUP_TYPES
    "state": {"disabled"},  # landings/campaigns have it; the offer request enum lacks it
    "label_name": {"blacklist", "whitelist"},  # the spec leaves it a free string
}


def test_model_choices_stay_within_the_spec_enums() -> None:
    spec = load_spec_or_skip()
    checked = 0
    for action in ACTIONS.values():
        if action.target is Target.POSTBACK:
            continue
        operation = spec.operation_for_template(action.method, action.path)
        if operation is None:
            continue
        for field_name, field in action.params.model_fields.items():
            allowed = _literal_values(field.annotation)
            if not allowed:
                continue
            wire = field.alias or field_name
            enum = spec.request_enum(operation, wire)
            if enum is None:
                continue
            checked += 1
            extra = allowed - set(enum) - DOCUMENTED_EXTENSIONS.get(wire, set())
            assert not extra, f"{action.name}.{wire} allows {extra} beyond the spec {enum}"
    assert checked >= 10


def test_nested_models_accept_fields_newer_trackers_add() -> None:
    action = ACTIONS["streams.create"]
    params = action.validate(
        campaign_id=1,
        name="DE",
        offers=[{"offer_id": 3, "share": 100, "future_field": 1}],
    )
    body = action.build_request(params).body
    assert body["offers"][0]["future_field"] == 1
    assert isinstance(params, BaseModel)
