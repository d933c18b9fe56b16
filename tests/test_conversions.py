"""Both conversion forms end in the same postback; a missing click id never leaves the process."""

from __future__ import annotations

import pytest

from keitaro import KeitaroClient, errors
from keitaro.catalog import ACTIONS
from keitaro.sandbox import Sandbox
from tests.conftest import POSTBACK_KEY
from tests.scripted_server import Answer, ScriptedServer


def postback_query(params: object) -> dict[str, object]:
    action = ACTIONS["conversions.create"]
    validated = action.validate(params, postback_key="k")
    return action.build_request(validated).query


def test_the_simplified_form_and_raw_json_make_the_same_postback() -> None:
    simplified = postback_query(
        {
            "click_id": "3b7k2a9f1c8e",
            "status": "sale",
            "revenue": "12,5",
            "currency": "usd",
            "transaction_id": "T-42",
            "comment": "late postback from the network",
        }
    )
    raw = postback_query(
        {
            "subid": "3b7k2a9f1c8e",
            "status": "sale",
            "payout": 12.5,
            "currency": "USD",
            "tid": "T-42",
            "comment": "late postback from the network",
        }
    )
    assert (
        simplified
        == raw
        == {
            "subid": "3b7k2a9f1c8e",
            "status": "sale",
            "payout": 12.5,
            "currency": "USD",
            "tid": "T-42",
            "comment": "late postback from the network",
        }
    )


def test_raw_json_keeps_extra_postback_parameters() -> None:
    query = postback_query({"click_id": "abc", "sub_id_3": "creative-9", "lead_status": "hold"})
    assert query == {"subid": "abc", "sub_id_3": "creative-9", "lead_status": "hold"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"status": "sale", "revenue": 5}', "click_id"),
        ('{"click_id": ""}', "click_id"),
        ('{"click_id": "abc", "revenue": "abc"}', "revenue"),
        ('{"click_id": "abc", "revenue": -3}', "revenue"),
        ('{"click_id": "abc", "currency": "dollars"}', "currency"),
        ("{click_id: abc}", "__root__"),
        ('["abc", "sale"]', "__root__"),
    ],
)
async def test_bad_input_is_refused_before_any_request(text: str, problem: str) -> None:
    server = ScriptedServer()
    await server.start()
    try:
        client = KeitaroClient(server.url, "some-api-key-000000", postback_key=POSTBACK_KEY)
        with pytest.raises(errors.ValidationError) as caught:
            await client.create_conversion(text)
        assert problem in caught.value.fields
        assert caught.value.reason
        assert server.seen == []
    finally:
        await server.stop()


async def test_a_json_conversion_reaches_the_tracker(
    server_answers_success: ScriptedServer,
) -> None:
    client = KeitaroClient(
        server_answers_success.url, "some-api-key-000000", postback_key="e89bcbe"
    )
    result = await client.create_conversion('{"click_id": "3b7k2a9f1c8e", "status": "lead"}')
    assert result.success
    seen = server_answers_success.seen[0]
    assert seen.path == "/e89bcbe/postback"
    assert seen.query == {"subid": "3b7k2a9f1c8e", "status": "lead"}


@pytest.fixture
async def server_answers_success():
    server = ScriptedServer()
    server.default = Answer(200, "Success")
    await server.start()
    yield server
    await server.stop()


async def test_a_postback_url_gives_the_client_its_key(sandbox: Sandbox) -> None:
    client = KeitaroClient(sandbox.url, "unused", postback_url=sandbox.postback_url)
    click = sandbox_click(sandbox)
    result = await client.call("conversions.create", click_id=click, status="lead", revenue=3)
    assert result.data == {"answer": "Success"}


def sandbox_click(sandbox: Sandbox) -> str:
    return sandbox.state.clicks[-1].sub_id


@pytest.mark.parametrize(
    "params",
    [
        {"click_id": "a", "subid": "b"},
        {"click_id": "a", "revenue": 7, "payout": 5},
        {"click_id": "a", "transaction_id": "1", "tid": "2"},
    ],
)
def test_a_value_given_under_two_names_is_refused(params: dict[str, object]) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="name the same thing"):
        ACTIONS["conversions.create"].validate(params, postback_key="k")


def test_numeric_click_ids_are_text() -> None:
    assert postback_query({"click_id": 12345, "tid": 77}) == {"subid": "12345", "tid": "77"}
