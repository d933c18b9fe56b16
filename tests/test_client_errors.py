"""Every kind of failure arrives as a typed error with a human reason and the masked request."""

from __future__ import annotations

import json
import socket
from collections.abc import AsyncIterator

import pytest

from keitaro import KeitaroClient, errors
from keitaro.transport import HttpPool, Timeouts
from tests.scripted_server import Answer, ScriptedServer

KEY = "k3y-f0r-3rr0r-tests-0123456789abcdef"


@pytest.fixture
async def server() -> AsyncIterator[ScriptedServer]:
    srv = ScriptedServer()
    await srv.start()
    yield srv
    await srv.stop()


@pytest.fixture
async def pool() -> AsyncIterator[HttpPool]:
    async with HttpPool(timeouts=Timeouts(connect=2, read=0.5, write=2, pool=2)) as shared:
        yield shared


class Sleeps(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make_client(url: str, pool: HttpPool, **kw: object) -> KeitaroClient:
    return KeitaroClient(url, KEY, pool=pool, sleep=kw.pop("sleep", Sleeps()), **kw)  # type: ignore[arg-type]


def assert_safe(error: errors.KeitaroError) -> None:
    """The error explains itself and carries the request, never the key."""
    assert error.reason
    assert error.request is not None
    assert KEY not in str(error) and KEY not in repr(error)
    assert KEY not in json.dumps(error.request.to_dict(), default=str)
    if error.result is not None:
        assert KEY not in error.result.to_json()


@pytest.mark.parametrize(
    ("answer", "error_type"),
    [
        (Answer(401, {"error": "Invalid API key"}), errors.AuthenticationError),
        (Answer(403, {"error": "You have no permission"}), errors.PermissionDeniedError),
        (
            Answer(
                403,
                "<html><title>Access denied | trk used Cloudflare</title>Error 1010</html>",
                "text/html",
                {"cf-ray": "8a1b2c3d4e5f-FRA"},
            ),
            errors.CloudflareBlockedError,
        ),
        (
            Answer(402, {"error": "Admin API is available only in Business editions"}),
            errors.PlanError,
        ),
        (Answer(404, {"error": "Campaign not found"}), errors.NotFoundError),
        (Answer(404, "Traffic\\Model\\Campaign #1001 not found"), errors.NotFoundError),
        (Answer(404, "<!doctype html><html>Not Found</html>", "text/html"), errors.NotKeitaroError),
        (
            Answer(200, "<html><body>Keitaro login</body></html>", "text/html"),
            errors.NotKeitaroError,
        ),
        (Answer(200, "this is not json {", "text/plain"), errors.NotKeitaroError),
        (
            Answer(400, {"error": "URL 'GET http://x/admin_api/v1/x' does not match any route"}),
            errors.UnsupportedEndpointError,
        ),
        (Answer(406, {"name": ["Name is required"]}), errors.ValidationError),
        (Answer(422, {"alias": ["Alias already exists"]}), errors.ValidationError),
        (
            Answer(302, "", headers={"Location": "https://elsewhere.example/"}),
            errors.NotKeitaroError,
        ),
    ],
)
async def test_http_answers_become_typed_errors(
    server: ScriptedServer, pool: HttpPool, answer: Answer, error_type: type
) -> None:
    server.reply(answer)
    client = make_client(server.url, pool)
    with pytest.raises(error_type) as caught:
        await client.call("campaigns.get", id=12)
    error = caught.value
    assert type(error) is error_type
    assert_safe(error)
    assert error.status_code == answer.status
    assert error.result is not None and error.result.success is False
    assert error.result.request.headers["Api-Key"] != KEY


async def test_validation_errors_carry_keitaros_field_messages(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(Answer(406, {"name": ["Name is required"], "alias": ["Alias is taken"]}))
    with pytest.raises(errors.ValidationError) as caught:
        await make_client(server.url, pool).call("campaigns.update", id=3, notes="x")
    assert caught.value.fields == {"name": ["Name is required"], "alias": ["Alias is taken"]}
    assert "Alias is taken" in caught.value.reason


async def test_a_read_is_retried_with_backoff_then_succeeds(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(Answer(502, {"error": "bad gateway"}), Answer(503, "busy"), Answer(200, []))
    sleeps = Sleeps()
    result = await make_client(server.url, pool, sleep=sleeps).call("campaigns.list")
    assert result.success and result.data == []
    assert len(server.seen) == 3
    assert sleeps == [0.3, 0.6]


async def test_a_write_is_never_retried_after_the_tracker_failed(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(Answer(500, {"error": "Internal error"}), Answer(200, [{"id": 7}]))
    with pytest.raises(errors.ServerError) as caught:
        await make_client(server.url, pool).call("campaigns.disable", id=7)
    assert len(server.seen) == 1
    assert_safe(caught.value)


async def test_a_write_that_timed_out_is_not_repeated(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(Answer(200, [{"id": 7}], delay=1.5))
    with pytest.raises(errors.TrackerTimeoutError) as caught:
        await make_client(server.url, pool).call("campaigns.disable", id=7)
    assert len(server.seen) == 1
    assert "did not answer in time" in caught.value.reason
    assert_safe(caught.value)


async def test_a_slow_read_times_out_after_its_retries(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(*(Answer(200, [], delay=1.5) for _ in range(3)))
    with pytest.raises(errors.TrackerTimeoutError):
        await make_client(server.url, pool, retries=1).call("offers.list")
    assert len(server.seen) == 2


async def test_rate_limiting_honours_retry_after(server: ScriptedServer, pool: HttpPool) -> None:
    limited = Answer(429, {"error": "slow down"}, headers={"Retry-After": "4"})
    server.reply(limited, limited, limited)
    sleeps = Sleeps()
    with pytest.raises(errors.RateLimitedError) as caught:
        await make_client(server.url, pool, sleep=sleeps).call("offers.list")
    assert sleeps == [4.0, 4.0]
    assert caught.value.retry_after == 4.0


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_an_unreachable_tracker_is_named_and_nothing_changed(pool: HttpPool) -> None:
    client = make_client(f"http://127.0.0.1:{_closed_port()}", pool)
    with pytest.raises(errors.ConnectionFailedError) as caught:
        await client.call("campaigns.enable", id=3)
    assert "could not be reached" in caught.value.reason
    assert "Nothing was changed" in caught.value.reason
    assert_safe(caught.value)


async def test_a_tls_failure_is_told_apart(server: ScriptedServer, pool: HttpPool) -> None:
    # https:// to a plain-HTTP port: a real TLS handshake that fails
    client = make_client(server.url.replace("http://", "https://"), pool)
    with pytest.raises(errors.TLSError) as caught:
        await client.call("campaigns.list")
    assert_safe(caught.value)


async def test_the_key_is_not_carried_through_a_redirect(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(Answer(301, "", headers={"Location": f"{server.url}/elsewhere"}))
    with pytest.raises(errors.NotKeitaroError) as caught:
        await make_client(server.url, pool).call("campaigns.list")
    assert "/elsewhere" in caught.value.reason
    assert [seen.path for seen in server.seen] == ["/admin_api/v1/campaigns"]


async def test_a_route_missing_on_this_version_falls_back(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(
        Answer(
            400, {"error": "URL 'POST http://x/admin_api/v1/logs/types' does not match any route"}
        ),
        Answer(200, ["system", "traffic"]),
    )
    result = await make_client(server.url, pool).call("logs.types")
    assert result.data == ["system", "traffic"]
    assert [(s.method, s.path) for s in server.seen] == [
        ("POST", "/admin_api/v1/logs/types"),
        ("GET", "/admin_api/v1/logs/types"),
    ]


async def test_report_numbers_that_arrive_as_strings_are_numbers(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(
        Answer(
            200,
            {
                "rows": [{"sub_id_4": "120238209447230519", "clicks": "462", "roi": "111.64"}],
                "summary": {"clicks": "6682", "sub_id_4": None},
                "total": "43",
                "meta": {"body": 0},
            },
        )
    )
    result = await make_client(server.url, pool).call(
        "reports.build",
        range={"interval": "today"},
        dimensions=["sub_id_4"],
        measures=["clicks", "roi"],
    )
    row = result.data["rows"][0]
    assert row == {"sub_id_4": "120238209447230519", "clicks": 462, "roi": 111.64}
    assert result.data["summary"]["clicks"] == 6682
    assert result.data["total"] == 43


async def test_both_report_dialects(server: ScriptedServer, pool: HttpPool) -> None:
    server.reply(
        Answer(200, {"rows": [], "total": 0}), Answer(200, [{"day": "2026-11-01", "clicks": 3}])
    )
    params = {"range": {"interval": "7_days_ago"}, "grouping": ["day"], "metrics": ["clicks"]}
    await make_client(server.url, pool).call("reports.build", params)
    legacy = await make_client(server.url, pool, report_dialect="legacy").call(
        "reports.build", params
    )
    modern_body, legacy_body = (json.loads(seen.body) for seen in server.seen)
    assert modern_body["dimensions"] == ["day"] and modern_body["measures"] == ["clicks"]
    assert legacy_body["grouping"] == ["day"] and legacy_body["metrics"] == ["clicks"]
    assert "dimensions" not in legacy_body
    assert legacy.data == {"rows": [{"day": "2026-11-01", "clicks": 3}], "total": 1}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Success", None),
        ("Incorrect subid", errors.ValidationError),
        ("Incorrect postback code (abc in http://x/abc/postback)", errors.PostbackKeyError),
        ("<html>parked domain</html>", errors.NotKeitaroError),
    ],
)
async def test_the_postbacks_plain_text_answers(
    server: ScriptedServer, pool: HttpPool, text: str, outcome: type | None
) -> None:
    server.reply(Answer(200, text, "text/html" if text.startswith("<") else "text/plain"))
    client = make_client(server.url, pool, postback_key="e89bcbe")
    if outcome is None:
        result = await client.call("conversions.create", click_id="3b7k2a9f1c8e", status="sale")
        assert result.success and result.data == {"answer": "Success"}
        assert "e89bcbe" not in result.request.url
    else:
        with pytest.raises(outcome) as caught:
            await client.call("conversions.create", click_id="3b7k2a9f1c8e")
        assert "e89bcbe" not in str(caught.value)
    seen = server.seen[0]
    assert seen.path == "/e89bcbe/postback"
    assert "Api-Key" not in seen.headers  # the admin key never goes to the postback URL


async def test_bad_parameters_are_refused_before_any_request(
    server: ScriptedServer, pool: HttpPool
) -> None:
    client = make_client(server.url, pool, postback_key="e89bcbe")
    with pytest.raises(errors.ValidationError) as caught:
        await client.call("conversions.create", {"status": "sale", "revenue": 5})
    assert "click_id" in caught.value.fields
    with pytest.raises(errors.ValidationError) as caught:
        await client.call("conversions.create", click_id="abc", revenue="abc")
    assert "revenue" in caught.value.fields
    with pytest.raises(errors.UnknownActionError, match=r"campaigns\.disable"):
        await client.call("campaigns.disabel", id=1)
    assert server.seen == []


async def test_a_conversion_needs_a_postback_key(server: ScriptedServer, pool: HttpPool) -> None:
    with pytest.raises(errors.PostbackKeyMissingError):
        await make_client(server.url, pool).call("conversions.create", click_id="abc")
    assert server.seen == []


async def test_entity_quirks_are_mended(server: ScriptedServer, pool: HttpPool) -> None:
    parameters = {"sub_id_1": {"name": "sub1", "placeholder": "{{ad.id}}", "alias": ""}}
    double_encoded = json.dumps(json.dumps(parameters))
    server.reply(
        Answer(200, [{"id": 12, "cost_value": "0.0500", "parameters": double_encoded}]),
    )
    result = await make_client(server.url, pool).call("campaigns.list")
    campaign = result.data[0]
    assert campaign["cost_value"] == 0.05
    assert campaign["parameters"] == parameters


async def test_an_empty_list_is_explained(server: ScriptedServer, pool: HttpPool) -> None:
    server.reply(Answer(200, []))
    result = await make_client(server.url, pool).call("domains.list")
    assert result.success
    assert result.data == []
    assert "restricted" in result.warnings[0]


async def test_a_write_whose_connection_broke_is_not_called_unchanged(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(Answer(drop=True), Answer(200, [{"id": 7}]))
    with pytest.raises(errors.ConnectionLostError) as caught:
        await make_client(server.url, pool).call("campaigns.clone", id=7)
    assert len(server.seen) == 1
    assert caught.value.retryable is False
    assert "may or may not have been made" in caught.value.reason
    assert "Nothing was changed" not in caught.value.reason


async def test_a_read_whose_connection_broke_is_retried(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(Answer(drop=True), Answer(200, [{"id": 7, "name": "A"}]))
    result = await make_client(server.url, pool).call("campaigns.list")
    assert result.data == [{"id": 7, "name": "A"}]


@pytest.mark.parametrize(
    "key", ["abcdef0123456789abcdef0123\u00e90123", "abc def 0123456789abcdef", "", "ключ-апи"]
)
def test_a_key_that_cannot_be_a_key_is_refused_without_quoting_it(key: str) -> None:
    with pytest.raises(errors.AuthenticationError) as caught:
        KeitaroClient("trk.example.com", key)
    assert key not in str(caught.value) or not key
    assert caught.value.__cause__ is None


def test_invisible_characters_copied_with_a_key_are_dropped() -> None:
    client = KeitaroClient("trk.example.com", "\u200babcdef0123456789abcdef0123456789\ufeff ")
    assert client._api_key.reveal() == "abcdef0123456789abcdef0123456789"


async def test_a_json_403_behind_cloudflare_is_keitaros_own(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(Answer(403, {"error": "You have no permission"}, headers={"cf-ray": "8a-FRA"}))
    with pytest.raises(errors.PermissionDeniedError) as caught:
        await make_client(server.url, pool).call("users.list")
    assert type(caught.value) is errors.PermissionDeniedError
    assert "no permission" in caught.value.reason


async def test_a_redirected_postback_does_not_show_its_key(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(
        Answer(301, "", headers={"Location": "https://trk.example.com/e89bcbe/postback?subid=x"})
    )
    client = make_client(server.url, pool, postback_key="e89bcbe")
    with pytest.raises(errors.NotKeitaroError) as caught:
        await client.call("conversions.create", click_id="x")
    assert "e89bcbe" not in str(caught.value)


async def test_an_unknown_postback_answer_is_not_a_success(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(Answer(200, "Some error occurred"), Answer(200, "x"))
    client = make_client(server.url, pool, postback_key="e89bcbe")
    with pytest.raises(errors.KeitaroError, match="Some error occurred"):
        await client.call("postbacks.send", subid="x")
    echoed = await client.call("postbacks.send", subid="x", **{"return": "x"})
    assert echoed.data == {"answer": "x"}


@pytest.mark.parametrize("body", [None, 42, "", {"id": 1}])
async def test_a_list_read_that_answers_no_list_is_explained(
    server: ScriptedServer, pool: HttpPool, body: object
) -> None:
    server.reply(Answer(200, json.dumps(body) if body is not None else "", "application/json"))
    with pytest.raises(errors.NotKeitaroError):
        await make_client(server.url, pool).call("offers.list")


async def test_a_campaign_without_postbacks_lists_none(
    server: ScriptedServer, pool: HttpPool
) -> None:
    server.reply(Answer(200, {"id": 3, "name": "A"}))
    result = await make_client(server.url, pool).call("postbacks.list", campaign_id=3)
    assert result.data == []
    assert result.warnings == []  # no postbacks is normal, not a sign of a restricted key


async def test_a_model_and_keywords_are_validated_together(
    server: ScriptedServer, pool: HttpPool
) -> None:
    from keitaro.catalog.params import ById

    with pytest.raises(errors.ValidationError):
        await make_client(server.url, pool).call("campaigns.get", ById(id=1), id=-5)
    assert server.seen == []
