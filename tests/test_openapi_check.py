"""Unit tests of the OpenAPI checker itself (tests/openapi_check.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.openapi_check import (
    DEVIATIONS,
    KNOWN_DEVIATIONS,
    UNCHECKED_PROPERTIES,
    OpenApiSpec,
    default_spec_path,
    load_spec_or_skip,
)


@pytest.fixture
def spec() -> OpenApiSpec:
    return load_spec_or_skip()


def _campaign(**overrides: Any) -> dict[str, Any]:
    campaign: dict[str, Any] = {
        "id": 5,
        "alias": "sxk3fq9a",
        "type": "weight",
        "name": "FB | DE | Offer A",
        "cookies_ttl": 24,
        "position": 3,
        "state": "active",
        "cost_type": "CPC",
        "cost_value": 0.5,
        "cost_currency": "USD",
        "cost_auto": True,
        "group_id": 3,
        "bind_visitors": None,
        "traffic_source_id": 7,
        "token": "9c1d2e7f",
        "domain_id": 2,
        "parameters": {"keyword": {"name": "keyword", "placeholder": "", "alias": ""}},
        "postbacks": [
            {"id": 1, "campaign_id": 5, "method": "GET", "statuses": ["sale"], "url": "https://x"}
        ],
        "notes": "",
        "created_at": "2024-05-01 10:00:00",
        "updated_at": "2024-05-03 12:30:00",
        "streams_count": 2,  # not in the 2022 spec: extra properties are fine
    }
    campaign.update(overrides)
    return campaign


def _stream_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "campaign_id": 5,
        "schema": "landings",
        "type": "regular",
        "name": "Main",
        "action_type": "http",
        "filters": [{"name": "country", "mode": "accept", "payload": ["DE", "AT"]}],
        "offers": [{"offer_id": 40, "share": 100, "state": "active"}],
        "offer_selection": "before_click",  # newer field, not in the spec
    }
    body.update(overrides)
    return body


# -- loading -----------------------------------------------------------------------------------


def test_missing_file_skips(tmp_path: Path) -> None:
    with pytest.raises(pytest.skip.Exception):
        load_spec_or_skip(tmp_path / "absent.json")


def test_env_var_overrides_the_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "spec.json"
    monkeypatch.setenv("KEITARO_OPENAPI", str(target))
    assert default_spec_path() == target
    monkeypatch.delenv("KEITARO_OPENAPI")
    assert default_spec_path().parts[-2:] == ("shared", "keitaro-admin-api.json")


def test_loads_a_minimal_spec_without_the_shared_file(tmp_path: Path) -> None:
    facts = {
        "base": "/admin_api/v1",
        "operations": [
            {
                "method": "GET",
                "path": "/things/{id}",
                "tag": "Things",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
                ],
                "body": None,
                "responses": {"200": {"content_type": "application/json", "schema": {"ref": "T"}}},
            }
        ],
        "schemas": {"T": {"type": "object", "properties": {"n": {"type": "integer"}}}},
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(facts), encoding="utf-8")
    mini = load_spec_or_skip(path)
    assert mini.check_response("GET", "/things/1", 200, {"n": 1}) == []
    assert mini.check_response("GET", "/things/1", 200, {"n": "1"}) != []


# -- operation lookup --------------------------------------------------------------------------


def test_literal_segment_beats_placeholder(spec: OpenApiSpec) -> None:
    deleted = spec.find_operation("GET", "/campaigns/deleted")
    assert deleted is not None
    assert deleted["path"] == "/campaigns/deleted"
    one = spec.find_operation("GET", "/campaigns/12")
    assert one is not None
    assert one["path"] == "/campaigns/{id}"


def test_find_operation_concrete_paths(spec: OpenApiSpec) -> None:
    disable = spec.find_operation("post", "/campaigns/12/disable")
    assert disable is not None
    assert disable["path"] == "/campaigns/{id}/disable"
    logs = spec.find_operation("GET", "/logs/system")
    assert logs is not None
    assert logs["path"] == "/logs/{type}"
    with_base = spec.find_operation("GET", "/admin_api/v1/streams/search?query=x")
    assert with_base is not None
    assert with_base["path"] == "/streams/search"


def test_find_operation_misses(spec: OpenApiSpec) -> None:
    assert spec.find_operation("POST", "/campaigns/deleted") is None
    assert spec.find_operation("GET", "/no/such/thing") is None
    assert spec.find_operation("GET", "/campaigns/abc") is None  # integer ids are digits


# -- requests ----------------------------------------------------------------------------------


def test_create_campaign_needs_a_name(spec: OpenApiSpec) -> None:
    problems = spec.check_request("POST", "/campaigns", {}, {"alias": "abc"})
    assert any("'name'" in p for p in problems), problems


def test_create_campaign_with_name_and_alias_conforms(spec: OpenApiSpec) -> None:
    body = {"name": "My campaign", "alias": "my-campaign", "type": "position", "group_id": 3}
    assert spec.check_request("POST", "/campaigns", {}, body) == []


def test_required_body_must_be_present(spec: OpenApiSpec) -> None:
    problems = spec.check_request("POST", "/campaigns", {}, None)
    assert any("body is required" in p for p in problems), problems


def test_cost_type_enum_on_update(spec: OpenApiSpec) -> None:
    problems = spec.check_request("PUT", "/campaigns/5", {}, {"cost_type": "XYZ"})
    assert any("'XYZ'" in p and "not one of" in p for p in problems), problems
    assert spec.check_request("PUT", "/campaigns/5", {}, {"cost_type": "CPC"}) == []


def test_enum_strings_are_compared_exactly(spec: OpenApiSpec) -> None:
    problems = spec.check_request("PUT", "/campaigns/5", {}, {"cost_type": "cpc"})
    assert problems


def test_stream_offer_items_need_share(spec: OpenApiSpec) -> None:
    body = _stream_body(offers=[{"offer_id": 40}])
    problems = spec.check_request("POST", "/streams", {}, body)
    assert any("offers[0]" in p and "'share'" in p for p in problems), problems
    assert spec.check_request("POST", "/streams", {}, _stream_body()) == []


def test_stream_required_fields(spec: OpenApiSpec) -> None:
    body = _stream_body()
    del body["action_type"]
    problems = spec.check_request("POST", "/streams", {}, body)
    assert any("'action_type'" in p for p in problems), problems


def test_groups_need_type(spec: OpenApiSpec) -> None:
    problems = spec.check_request("GET", "/groups", {}, None)
    assert any("'type'" in p for p in problems), problems
    assert spec.check_request("GET", "/groups", {"type": "campaigns"}, None) == []
    assert spec.check_request("GET", "/groups?type=offers", {}, None) == []
    assert spec.check_request("GET", "/groups", {"type": "bogus"}, None) != []


def test_path_params_must_be_integers(spec: OpenApiSpec) -> None:
    problems = spec.check_request("PUT", "/campaigns/abc", {}, {"name": "x"})
    assert any("'id'" in p and "integer" in p for p in problems), problems


def test_unknown_operation(spec: OpenApiSpec) -> None:
    problems = spec.check_request("GET", "/settings", {}, None)
    assert problems
    assert "no such operation" in problems[0]


def test_numeric_strings_are_reported_for_numbers(spec: OpenApiSpec) -> None:
    problems = spec.check_request("PUT", "/campaigns/5", {}, {"cost_value": "0.5"})
    assert any("numeric string" in p for p in problems), problems
    assert spec.check_request("PUT", "/campaigns/5", {}, {"cost_value": 1}) == []
    assert spec.check_request("PUT", "/campaigns/5", {}, {"cookies_ttl": 24.0}) == []


def test_booleans_are_not_numbers(spec: OpenApiSpec) -> None:
    assert spec.check_request("PUT", "/campaigns/5", {}, {"cookies_ttl": True}) != []
    assert spec.check_request("PUT", "/campaigns/5", {}, {"cost_auto": 1}) != []


def test_query_params_on_logs(spec: OpenApiSpec) -> None:
    assert spec.check_request("GET", "/logs/system", {"limit": 50}, None) == []
    assert spec.check_request("GET", "/logs/system", {"limit": "50"}, None) == []
    missing = spec.check_request("GET", "/logs/system", {}, None)
    assert any("'limit'" in p for p in missing), missing
    bad_type = spec.check_request("GET", "/logs/bogus", {"limit": 5}, None)
    assert any("'type'" in p for p in bad_type), bad_type


def test_filter_payload_is_not_type_checked(spec: OpenApiSpec) -> None:
    body = _stream_body(
        filters=[{"name": "schedule", "mode": "accept", "payload": {"from": "09:00"}}]
    )
    assert spec.check_request("PUT", "/streams/9", {}, body) == []


def test_update_costs_body(spec: OpenApiSpec) -> None:
    body = {"campaign_ids": [12], "costs": [{"start_date": "a", "end_date": "b", "cost": "1"}]}
    problems = spec.check_request("POST", "/clicks/update_costs", {}, body)
    # the spec requires timezone and currency per cost entry
    assert any("'timezone'" in p for p in problems), problems


# -- responses ---------------------------------------------------------------------------------


def test_campaign_response_conforms(spec: OpenApiSpec) -> None:
    assert spec.check_response("GET", "/campaigns/5", 200, _campaign()) == []


def test_campaign_response_with_weird_state(spec: OpenApiSpec) -> None:
    problems = spec.check_response("GET", "/campaigns/5", 200, _campaign(state="weird"))
    assert any("'weird'" in p for p in problems), problems


def test_campaign_response_wrong_types(spec: OpenApiSpec) -> None:
    problems = spec.check_response("GET", "/campaigns/5", 200, _campaign(id="5"))
    assert any("response.id" in p for p in problems), problems
    problems = spec.check_response("GET", "/campaigns", 200, [_campaign(), _campaign(name=5)])
    assert any("response[1].name" in p for p in problems), problems


def test_delete_campaign_answers_a_list(spec: OpenApiSpec) -> None:
    deleted = _campaign(state="deleted")
    assert spec.check_response("DELETE", "/campaigns/5", 200, [deleted]) == []
    bad = spec.check_response("DELETE", "/campaigns/5", 200, [_campaign(state="weird")])
    assert any("'weird'" in p for p in bad), bad


def test_array_deviations_for_other_operations(spec: OpenApiSpec) -> None:
    for method, path in [
        ("POST", "/campaigns/5/restore"),
        ("POST", "/campaigns/5/clone"),
        ("POST", "/campaigns/5/enable"),
        ("POST", "/campaigns/5/disable"),
    ]:
        assert spec.check_response(method, path, 200, [_campaign()]) == [], (method, path)
    offer = {"id": 40, "name": "Offer A", "state": "active", "action_options": []}
    assert spec.check_response("POST", "/offers/40/clone", 200, [offer]) == []
    assert spec.check_response("DELETE", "/offers/40/archive", 200, [offer]) == []
    assert spec.check_response("DELETE", "/offers/40/archive", 200, offer) == []


def test_single_object_still_validated_without_deviation(spec: OpenApiSpec) -> None:
    problems = spec.check_response("GET", "/campaigns/5", 200, [_campaign()])
    assert problems


def test_users_delete_and_stream_options(spec: OpenApiSpec) -> None:
    assert spec.check_response("DELETE", "/users/3", 200, {"success": True}) == []
    types = [{"value": "regular", "name": "Regular"}, {"value": "forced", "name": "Forced"}]
    assert spec.check_response("GET", "/stream_types", 200, types) == []
    schemas = [{"value": "landings", "name": "Landings", "description": "…"}]
    assert spec.check_response("GET", "/stream_schemas", 200, schemas) == []
    events = {"total": 1, "items": [{"id": 1}]}
    assert spec.check_response("GET", "/streams/5/events", 200, events) == []
    assert spec.check_response("DELETE", "/streams/5", 200, None) == []


def test_stream_response_with_filters_and_triggers(spec: OpenApiSpec) -> None:
    stream = {
        "id": 45,
        "type": "regular",
        "name": "Offer fallback",
        "campaign_id": 12,
        "action_options": None,
        "comments": None,
        "state": "active",
        "action_payload": "",
        "filters": [{"id": 9, "name": "country", "mode": "accept", "payload": ["DE"], "oid": None}],
        "triggers": [{"id": 1, "target": "stream", "condition": "always"}],
        "offers": [{"id": 77, "offer_id": 40, "share": 100, "state": "active"}],
    }
    assert spec.check_response("GET", "/streams/45", 200, stream) == []
    stream["offers"] = [{"id": 77, "offer_id": 40, "share": "100"}]
    assert spec.check_response("GET", "/streams/45", 200, stream) != []


def test_download_accepts_bytes(spec: OpenApiSpec) -> None:
    assert spec.check_response("GET", "/landing_pages/3/download", 200, b"PK\x03\x04") == []
    assert spec.check_response("GET", "/landing_pages/3/download", 200, "zip") == []
    assert spec.check_response("GET", "/landing_pages/3/download", 200, {"a": 1}) != []


def test_no_schema_means_no_check(spec: OpenApiSpec) -> None:
    assert spec.check_response("DELETE", "/botlist", 200, {"count": 0}) == []
    assert spec.check_response("POST", "/campaigns/5/update_costs", 200, {"success": True}) == []


def test_error_responses(spec: OpenApiSpec) -> None:
    assert spec.check_response("GET", "/streams/5", 404, {"error": "Not found"}) == []
    problems = spec.check_response("GET", "/streams/5", 404, {"message": "x"})
    assert any("'error'" in p for p in problems), problems
    # a status the spec does not list for that operation is not checked
    assert spec.check_response("GET", "/campaigns/5", 404, "Campaign #5 not found") == []


def test_report_rows_are_objects(spec: OpenApiSpec) -> None:
    report = {"rows": [{"clicks": 3}], "total": 1, "meta": {"count": 0}, "summary": {}}
    assert spec.check_response("POST", "/report/build", 200, report) == []
    assert spec.check_response("POST", "/report/build", 200, {"rows": [], "total": "1"}) != []


def test_nulls_in_responses(spec: OpenApiSpec) -> None:
    domain = {"id": 2, "name": "trk.example.com", "state": "active", "notes": None}
    assert spec.check_response("GET", "/domains/2", 200, domain) == []
    assert spec.check_response("GET", "/streams/5", 404, {"error": None}) != []


# -- the allow-list ----------------------------------------------------------------------------


def test_allow_list_is_consistent(spec: OpenApiSpec) -> None:
    assert set(KNOWN_DEVIATIONS) == set(DEVIATIONS)
    for (method, template), deviation in DEVIATIONS.items():
        operation = spec.find_operation(method, template.replace("{id}", "1"))
        assert operation is not None, (method, template)
        assert operation["path"] == template
        assert deviation.reason
    for schema_name, prop in UNCHECKED_PROPERTIES:
        assert prop in spec.schema(schema_name).get("properties", {}), (schema_name, prop)
