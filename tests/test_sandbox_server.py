"""The sandbox tracker over real HTTP: seed, grids, postbacks, errors, routes."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import pytest_asyncio

from keitaro.catalog import ACTIONS, Target
from keitaro.sandbox import Sandbox
from keitaro.sandbox.app import ADMIN_PREFIX
from keitaro.sandbox.faults import Faults
from keitaro.sandbox.handlers import HANDLERS
from keitaro.sandbox.money import USD_RATES, parse_money, to_tracker_currency
from keitaro.sandbox.seed import ARCHIVED_CAMPAIGN_IDS, DISABLED_CAMPAIGN_IDS, LOCAL_LANDING_IDS

KEY = "demo-api-key-0000"
RESTRICTED = "restricted-key-0000"
pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox() as sb:
        yield sb


@pytest_asyncio.fixture(loop_scope="module")
async def api(sandbox: Sandbox) -> AsyncIterator[httpx.AsyncClient]:
    sandbox.faults.reset()
    async with httpx.AsyncClient(
        base_url=sandbox.admin_url, headers={"Api-Key": KEY}, timeout=10
    ) as client:
        yield client


async def test_every_action_has_a_handler_and_a_route(sandbox: Sandbox) -> None:
    assert set(ACTIONS) <= set(HANDLERS)
    app = sandbox.make_app()
    registered = {
        (route.method, re.sub(r"{[^}]+}", "{}", route.resource.canonical))
        for route in app.router.routes()
        if route.resource is not None
    }
    for action in ACTIONS.values():
        base = "" if action.target is Target.POSTBACK else ADMIN_PREFIX
        variants = [(action.method, action.path), *((f.method, f.path) for f in action.fallbacks)]
        for method, path in variants:
            assert (method, base + re.sub(r"{\w+}", "{}", path)) in registered, action.name


async def test_seed_sizes(sandbox: Sandbox) -> None:
    state = sandbox.state
    assert len(state.campaigns) >= 20
    assert len(state.clicks) >= 20_000
    states = [c["state"] for c in state.campaigns.all()]
    assert states.count("disabled") >= 3
    assert states.count("deleted") >= 2
    for cid in DISABLED_CAMPAIGN_IDS:
        assert state.campaigns.get(cid)["state"] == "disabled"
    for cid in ARCHIVED_CAMPAIGN_IDS:
        assert state.campaigns.get(cid)["state"] == "deleted"
    assert len({c.sub_id for c in state.clicks}) == len(state.clicks)
    for stream in state.streams.all():
        for key in ("offers", "landings"):
            if stream[key]:
                assert sum(item["share"] for item in stream[key]) == 100


async def test_profitable_and_losing_campaigns(api: httpx.AsyncClient) -> None:
    answer = await api.post(
        "/report/build",
        json={
            "range": {"interval": "30_days_ago", "timezone": "UTC"},
            "dimensions": ["campaign_id"],
            "measures": ["clicks", "revenue", "cost", "profit", "roi"],
        },
    )
    assert answer.status_code == 200
    rois = [row["roi"] for row in answer.json()["rows"]]
    assert sum(r > 20 for r in rois) >= 5
    assert sum(r < -20 for r in rois) >= 5


async def test_report_matches_brute_force(sandbox: Sandbox, api: httpx.AsyncClient) -> None:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Asia/Kolkata")
    body = {
        "range": {"interval": "7_days_ago", "timezone": "Asia/Kolkata"},
        "grouping": ["day", "campaign_id"],
        "metrics": ["clicks", "campaign_unique_clicks", "leads", "sales", "revenue", "cost"],
        "filters": [{"name": "country_code", "operator": "in_list", "expression": ["DE", "PL"]}],
        "summary": True,
    }
    answer = (await api.post("/report/build", json=body)).json()
    now = sandbox.state.now().astimezone(tz)
    first = now.date().toordinal() - 6
    expected: dict[tuple[str, int], list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0.0, 0.0])
    for click in sandbox.state.clicks:
        local = datetime.fromtimestamp(click.ts, tz)
        if local.date().toordinal() < first or click.country_code not in ("DE", "PL"):
            continue
        row = expected[(local.strftime("%Y-%m-%d"), click.campaign_id)]
        row[0] += 1
        row[1] += click.is_unique_campaign
        row[5] += click.cost
        for conversion in click.conversions:
            row[2] += conversion.status == "lead"
            row[3] += conversion.status == "sale"
            if conversion.status in ("lead", "sale"):
                row[4] += conversion.revenue
    got = {(r["day"], r["campaign_id"]): r for r in answer["rows"]}
    assert set(got) == set(expected)
    assert answer["total"] == len(expected)
    for key, row in expected.items():
        shown = got[key]
        assert shown["clicks"] == row[0]
        assert shown["campaign_unique_clicks"] == row[1]
        assert (shown["leads"], shown["sales"]) == (row[2], row[3])
        assert shown["revenue"] == pytest.approx(row[4], abs=0.01)
        assert shown["cost"] == pytest.approx(row[5], abs=0.01)
    assert answer["summary"]["clicks"] == sum(r[0] for r in expected.values())
    assert answer["summary"]["day"] is None


async def test_grid_errors(api: httpx.AsyncClient) -> None:
    bad = await api.post(
        "/report/build", json={"range": {"interval": "today"}, "dimensions": ["nope"]}
    )
    assert bad.status_code == 400
    assert bad.json()["error"].startswith("Unknown column 'nope'. Available columns:")
    dropped = await api.post(
        "/report/build",
        json={"range": {"interval": "today"}, "dimensions": ["day"], "measures": ["clicks", "x"]},
    )
    assert dropped.status_code == 200
    assert all("x" not in row for row in dropped.json()["rows"])
    no_range = await api.post("/clicks/log", json={"columns": ["sub_id"]})
    assert no_range.json() == {"error": 'You must provide "range" or "limit"'}
    unknown = await api.post("/clicks/log", json={"limit": 5, "columns": ["sub_id", "nope"]})
    assert unknown.status_code == 400


async def test_postback_creates_a_conversion(sandbox: Sandbox, api: httpx.AsyncClient) -> None:
    # a click without conversions whose offer takes the payout from the postback (§3)
    click = next(
        c
        for c in reversed(sandbox.state.clicks)
        if not c.conversions and sandbox.state.offers.get(c.offer_id)["payout_auto"]
    )
    async with httpx.AsyncClient(timeout=10) as raw:
        answer = await raw.get(
            sandbox.postback_url,
            params={"subid": click.sub_id, "status": "Hold", "payout": "12,5", "comment": "hi"},
        )
        assert answer.text == "Success"
        again = await raw.get(sandbox.postback_url, params={"subid": click.sub_id})
        assert again.text == "Success"
        wrong = await raw.get(f"{sandbox.url}/badkey/postback", params={"subid": "x"})
        assert wrong.text.startswith("Incorrect postback code (badkey in ")
        unknown = await raw.get(sandbox.postback_url, params={"subid": "zzzzzzzzzzzz"})
        assert unknown.text == "Success"
        assert (await raw.get(sandbox.postback_url)).text == "Incorrect subid"
    assert len(click.conversions) == 1
    conversion = click.conversions[0]
    assert (conversion.status, conversion.previous_status) == ("sale", "lead")
    assert conversion.params == {"comment": "hi"}
    log = await api.post(
        "/conversions/log",
        json={
            "range": {"interval": "today", "timezone": "UTC"},
            "columns": ["sub_id", "status", "previous_status", "original_status", "revenue"],
            "filters": [{"name": "sub_id", "operator": "EQUALS", "expression": click.sub_id}],
        },
    )
    rows = log.json()["rows"]
    assert rows == [
        {
            "sub_id": click.sub_id,
            "status": "sale",
            "previous_status": "lead",
            "original_status": "",
            "revenue": 12.5,
        }
    ]
    report = await api.post(
        "/report/build",
        json={
            "range": {"interval": "all_time"},
            "dimensions": ["sub_id"],
            "measures": ["clicks", "sales", "revenue"],
            "filters": [{"name": "sub_id", "operator": "EQUALS", "expression": click.sub_id}],
        },
    )
    assert report.json()["rows"] == [
        {"sub_id": click.sub_id, "clicks": 1, "sales": 1, "revenue": 12.5}
    ]
    messages = [line["message"] for line in (await api.get("/logs/postbacks")).json()]
    assert 'SubID not found "zzzzzzzzzzzz"' in messages


async def test_error_shapes(sandbox: Sandbox, api: httpx.AsyncClient) -> None:
    async with httpx.AsyncClient(base_url=sandbox.admin_url, timeout=10) as anon:
        assert (await anon.get("/campaigns")).json() == {"error": "Invalid API key"}
        assert (await anon.get("/campaigns", headers={"Api-Key": "x"})).status_code == 401
        bearer = await anon.get(
            "/groups?type=campaigns", headers={"Authorization": f"Bearer {KEY}"}
        )
        assert bearer.status_code == 200
        limited = {"Api-Key": RESTRICTED}
        denied = await anon.get("/users", headers=limited)
        assert denied.status_code == 403
        assert denied.json() == {"error": "You have no permission to access this resource"}
        assert (await anon.get("/domains", headers=limited)).json() == []
        visible = (await anon.get("/campaigns", headers=limited)).json()
        assert visible
        assert {c["group_id"] for c in visible} == {sandbox.state.restricted_group_id}
    missing = await api.get("/campaigns/9999")
    assert missing.status_code == 404
    assert missing.json() == {"error": "Campaign not found"}
    assert (await api.get(f"/campaigns/{ARCHIVED_CAMPAIGN_IDS[0]}")).status_code == 404
    empty = await api.post("/campaigns", json={})
    assert empty.status_code == 406
    assert "name" in empty.json()
    taken = await api.post("/campaigns", json={"name": "x", "alias": "fbde001"})
    assert taken.status_code == 406
    assert "alias" in taken.json()
    no_route = await api.get("/nothing/here")
    assert no_route.status_code == 400
    assert "does not match any route" in no_route.json()["error"]


async def test_entity_shapes(sandbox: Sandbox, api: httpx.AsyncClient) -> None:
    created = (await api.post("/campaigns", json={"name": "Test | DE | A"})).json()
    cid = created["id"]
    assert created["alias"] and created["state"] == "active"
    disabled = (await api.post(f"/campaigns/{cid}/disable")).json()
    assert isinstance(disabled, list)
    assert disabled[0]["state"] == "disabled"
    assert sandbox.state.campaigns.get(cid)["state"] == "disabled"
    updated = await api.put(f"/campaigns/{cid}", json={"postbacks": [{"url": "https://x/pb"}]})
    assert updated.json()["postbacks"][0]["id"]
    assert "streams" in updated.json()
    clone = (await api.post(f"/campaigns/{cid}/clone")).json()
    assert clone[0]["name"] == "Copy of Test | DE | A"
    archived = (await api.delete(f"/campaigns/{cid}")).json()
    assert archived[0]["state"] == "deleted"
    stream = (await api.post(f"/streams/{sandbox.state.streams.list()[0]['id']}/disable")).json()
    assert stream["state"] == "disabled"
    assert (await api.get("/stream_actions")).status_code == 200
    assert (await api.get("/streams_actions")).status_code == 200
    lid = LOCAL_LANDING_IDS[0]
    tree = (await api.get(f"/landing_pages/{lid}/get_structure")).json()
    assert tree["type"] == "root"
    file = await api.get(f"/landing_pages/{lid}/get_file", params={"path": "css/style.css"})
    assert "font-family" in file.json()["data"]
    external = await api.get("/landing_pages/5/get_structure")
    assert external.json() == {"error": "Only local landing available"}
    download = await api.get(f"/landing_pages/{lid}/download")
    assert download.headers["content-type"] == "application/octet-stream"


async def test_update_costs_replaces(sandbox: Sandbox, api: httpx.AsyncClient) -> None:
    body = {
        "start_date": "2000-01-01 00:00",
        "end_date": "2100-01-01 00:00",
        "timezone": "UTC",
        "cost": "123.45",
        "currency": "USD",
    }
    for _ in range(2):
        assert (await api.post("/campaigns/3/update_costs", json=body)).json() == {"success": True}
    report = await api.post(
        "/report/build",
        json={
            "range": {"interval": "all_time"},
            "dimensions": ["campaign_id"],
            "measures": ["cost"],
            "filters": [{"name": "campaign_id", "operator": "EQUALS", "expression": 3}],
        },
    )
    assert report.json()["rows"][0]["cost"] == pytest.approx(123.45)


async def test_faults(sandbox: Sandbox, api: httpx.AsyncClient) -> None:
    sandbox.faults.fail_5xx = 1
    before = sandbox.count("GET", "/groups")
    assert (await api.get("/groups")).status_code == 500
    assert (await api.get("/groups")).status_code == 200
    assert sandbox.count("GET", "/groups") == before + 2
    sandbox.faults.html = True
    page = await api.get("/campaigns")
    assert page.headers["content-type"].startswith("text/html")
    sandbox.faults.html = False
    async with httpx.AsyncClient(timeout=10) as raw:
        await raw.post(f"{sandbox.url}/_sandbox/faults", json={"cloudflare": True})
        blocked = await api.get("/campaigns")
        assert blocked.status_code == 403
        assert "cf-ray" in blocked.headers
        await raw.post(f"{sandbox.url}/_sandbox/faults", json={"reset": True})
    assert (await api.get("/campaigns")).status_code == 200


# --- odd input, errors ---------------------------------------------------------------------


async def test_odd_input_is_a_json_error(sandbox: Sandbox, api: httpx.AsyncClient) -> None:
    day = {"range": {"interval": "today"}}
    odd_grids = [
        {**day, "filters": [{"name": ["ip"], "operator": "EQUALS", "expression": "1"}]},
        {**day, "dimensions": [["day"]]},
        {**day, "measures": [{"x": 1}]},
        {**day, "dimensions": ["day"], "sort": [{"name": ["day"], "order": "desc"}]},
        {"range": {"interval": "today", "timezone": 123}},
        {"range": {"interval": "nope"}},
    ]
    for body in odd_grids:
        answer = await api.post("/report/build", json=body)
        assert answer.status_code in (200, 400), body
        assert isinstance(answer.json(), dict), body
    for body in odd_grids[:2]:
        assert (await api.post("/report/build", json=body)).status_code == 400
    zone = await api.post("/report/build", json=odd_grids[4])
    assert zone.json() == {"error": "Unknown timezone '123'"}
    not_utf8 = await api.post(
        "/report/build", content=b'{"range": "\xff\xfe"}', headers={"Content-Type": "text/json"}
    )
    assert not_utf8.status_code == 400
    assert "error" in not_utf8.json()
    costs = {
        "campaign_ids": ["abc"],
        "costs": [{"start_date": "2024-01-01", "end_date": "2024-01-02", "cost": "1"}],
    }
    ids = await api.post("/clicks/update_costs", json=costs)
    assert ids.status_code == 406
    assert "campaign_ids" in ids.json()
    stream = {"campaign_id": "abc", "name": "S", "type": "regular", "schema": "redirect",
              "action_type": "http"}  # fmt: skip
    bad_stream = await api.post("/streams", json=stream)
    assert bad_stream.status_code == 406
    assert "campaign_id" in bad_stream.json()
    campaign_id = sandbox.state.campaigns.list()[0]["id"]
    nested = await api.put(f"/campaigns/{campaign_id}", json={"streams": [{"id": "abc"}]})
    assert nested.status_code == 406
    assert "streams" in nested.json()


async def test_unexpected_error_is_a_json_500(
    api: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from keitaro.sandbox import grid

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(grid, "build_report", boom)
    with caplog.at_level(logging.ERROR, logger="keitaro.sandbox"):
        answer = await api.post(
            "/report/build", params={"api_key": KEY}, json={"range": {"interval": "today"}}
        )
    assert answer.status_code == 500
    assert answer.json() == {"error": "Internal error"}
    assert "RuntimeError: boom" in caplog.text
    assert "/admin_api/v1/report/build" in caplog.text
    assert KEY not in caplog.text


# --- reports --------------------------------------------------------------------------------


async def test_report_drops_rows_with_an_empty_grouping(
    sandbox: Sandbox, api: httpx.AsyncClient
) -> None:
    body = {"range": {"interval": "all_time"}, "dimensions": ["keyword"], "measures": ["clicks"]}
    answer = (await api.post("/report/build", json={**body, "summary": True})).json()
    assert answer["rows"]
    assert all(row["keyword"] not in ("", None) for row in answer["rows"])
    with_keyword = sum(1 for c in sandbox.state.clicks if c.keyword)
    assert sum(row["clicks"] for row in answer["rows"]) == with_keyword
    assert answer["summary"]["clicks"] == with_keyword
    assert answer["total"] == len({c.keyword for c in sandbox.state.clicks if c.keyword})


async def test_every_known_interval_resolves(api: httpx.AsyncClient) -> None:
    from keitaro.guesses import REPORT_INTERVALS

    for interval in REPORT_INTERVALS:
        body = {
            "range": {"interval": interval, "timezone": "Europe/Berlin"},
            "measures": ["clicks"],
        }
        assert (await api.post("/report/build", json=body)).status_code == 200, interval
    unknown = await api.post("/report/build", json={"range": {"interval": "2_days_ago"}})
    assert unknown.status_code == 400
    assert unknown.json()["error"].startswith("Unknown interval '2_days_ago'")


@pytest.mark.parametrize(
    ("name", "changes"),
    [
        # NST -3:30 → NDT -2:30 at 05:30 UTC, and back at 04:30 UTC
        ("America/St_Johns", ["2024-03-10 05:30", "2024-11-03 04:30"]),
        # +11 → +10:30 at 15:00 UTC, and back at 15:30 UTC
        ("Australia/Lord_Howe", ["2024-04-06 15:00", "2024-10-05 15:30"]),
    ],
)
async def test_local_time_matches_zoneinfo(name: str, changes: list[str]) -> None:
    from zoneinfo import ZoneInfo

    from keitaro.sandbox.columns import click_columns
    from keitaro.sandbox.grid import aggregate
    from keitaro.sandbox.ranges import LocalTime
    from keitaro.sandbox.store import Click, Store

    tz = ZoneInfo(name)
    columns = click_columns(Store())
    for change in changes:
        moment = datetime.strptime(change, "%Y-%m-%d %H:%M").replace(tzinfo=UTC).timestamp()
        stamps = [moment + step for step in range(-3 * 3600, 3 * 3600, 7 * 60 + 13)]
        expected = {
            ts: datetime.fromtimestamp(ts, tz).strftime("%Y-%m-%d %H:%M:%S") for ts in stamps
        }
        local = LocalTime(tz)
        assert {ts: local.format(ts) for ts in stamps} == expected
        clicks = [
            Click(
                ts=ts,
                campaign_id=1,
                is_unique_campaign=1,
                is_unique_stream=1,
                is_unique_global=1,
                is_bot=0,
            )
            for ts in stamps
        ]
        rows = aggregate(clicks, [columns["datetime"]], [], LocalTime(tz), None, needs_time=True)
        assert sorted(key[0] for key in rows) == sorted(expected.values())
        hours = aggregate(clicks, [columns["hour"]], [], LocalTime(tz), None, needs_time=True)
        wanted: dict[int, int] = defaultdict(int)
        for ts in stamps:
            wanted[datetime.fromtimestamp(ts, tz).hour] += 1
        assert {key[0]: int(row[0]) for key, row in hours.items()} == wanted


async def test_label_filters(sandbox: Sandbox, api: httpx.AsyncClient) -> None:
    clicks = sandbox.state.clicks
    campaign_id = clicks[-1].campaign_id
    mine = [c for c in clicks if c.campaign_id == campaign_id]
    black, white = mine[0].subs[0], mine[1].ip
    other = next(c for c in clicks if c.campaign_id != campaign_id and c.subs[0] != black)
    labels = [
        {"campaign_id": campaign_id, "ref_name": "sub_id_1", "items": {black: "blacklist"}},
        {"campaign_id": campaign_id, "ref_name": "ip", "items": {white: "whitelist"}},
        # another campaign's own label: labels are per campaign
        {"campaign_id": other.campaign_id, "ref_name": "sub_id_1",
         "items": {other.subs[0]: "blacklist"}},
    ]  # fmt: skip
    for body in labels:
        assert (await api.post("/report/labels", json=body)).json() == {"success": True}

    async def sub_ids(operator: str, expression: str = "blacklist") -> dict[int, set[str]]:
        body = {
            "range": {"interval": "all_time"},
            "dimensions": ["campaign_id", "sub_id_1"],
            "measures": ["clicks"],
            "filters": [{"name": "sub_id_1", "operator": operator, "expression": expression}],
        }
        answer = await api.post("/report/build", json=body)
        assert answer.status_code == 200, answer.text
        found: dict[int, set[str]] = defaultdict(set)
        for row in answer.json()["rows"]:
            found[row["campaign_id"]].add(row["sub_id_1"])
        return found

    assert await sub_ids("HAS_LABEL") == {campaign_id: {black}, other.campaign_id: {other.subs[0]}}
    assert await sub_ids("has_label", "whitelist") == {}
    for operator in ("NOT_HAS_LABEL", "HAS_NOT_LABEL"):
        rest = await sub_ids(operator)
        assert black not in rest[campaign_id]
        assert other.subs[0] not in rest[other.campaign_id]
        assert rest[campaign_id] == {c.subs[0] for c in mine} - {black}
    log = await api.post(
        "/clicks/log",
        json={
            "limit": 1000,
            "columns": ["ip", "campaign_id"],
            "filters": [{"name": "ip", "operator": "HAS_LABEL", "expression": "whitelist"}],
        },
    )
    assert {(r["ip"], r["campaign_id"]) for r in log.json()["rows"]} == {(white, campaign_id)}
    assert log.json()["total"] == sum(1 for c in mine if c.ip == white)
    bad = await api.post(
        "/report/build",
        json={
            "range": {"interval": "today"},
            "filters": [{"name": "ip", "operator": "HAS_LABEL", "expression": "greylist"}],
        },
    )
    assert bad.status_code == 400
    for body in labels:
        cleared = {**body, "items": dict.fromkeys(body["items"], "delete")}
        await api.post("/report/labels", json=cleared)


# --- postbacks ------------------------------------------------------------------------------


async def test_postback_currency_time_and_cost(sandbox: Sandbox, api: httpx.AsyncClient) -> None:
    state = sandbox.state
    paid_from_postback = {o["id"] for o in state.offers.all() if o.get("payout_auto", True)}
    fresh = [c for c in state.clicks if not c.conversions and c.offer_id in paid_from_postback]
    euro, unknown, late = fresh[-1], fresh[-2], fresh[-3]
    when = (state.now() - timedelta(days=3)).replace(microsecond=0)
    async with httpx.AsyncClient(timeout=10) as raw:
        for params in (
            {"subid": euro.sub_id, "payout": "10", "currency": "eur", "cost": "0,5",
             "conversion_time": when.strftime("%Y-%m-%d %H:%M:%S")},
            {"subid": unknown.sub_id, "payout": "7,5", "currency": "XYZ"},
            {"subid": late.sub_id, "payout": "1", "datetime": "2001-01-01 00:00:00"},
        ):  # fmt: skip
            assert (await raw.get(sandbox.postback_url, params=params)).text == "Success"
    conversion = euro.conversions[0]
    assert conversion.revenue == pytest.approx(10 * USD_RATES["EUR"])
    assert conversion.currency == "USD"
    assert conversion.postback_ts == when.timestamp()
    assert conversion.sale_ts == when.timestamp()
    assert euro.cost == pytest.approx(0.5 * USD_RATES["EUR"])
    assert (unknown.conversions[0].revenue, unknown.conversions[0].currency) == (7.5, "XYZ")
    assert abs(late.conversions[0].postback_ts - state.now().timestamp()) < 60
    messages = [line["message"] for line in (await api.get("/logs/postbacks")).json()]
    assert any('Unknown currency "XYZ"' in m for m in messages)


async def test_money_parsing() -> None:
    assert parse_money("12,5") == 12.5
    assert parse_money("1 000.25") == 1000.25
    assert parse_money(3) == 3.0
    assert parse_money("abc") is None
    assert parse_money(True) is None
    assert parse_money("nan") is None
    assert to_tracker_currency(10, "rub") == pytest.approx(10 * USD_RATES["RUB"])
    assert to_tracker_currency(10, None) == 10
    assert to_tracker_currency(10, "XYZ") is None


# --- faults and request counts --------------------------------------------------------------


async def test_fault_switches_parse_text(sandbox: Sandbox) -> None:
    url = f"{sandbox.url}/_sandbox/faults"
    async with httpx.AsyncClient(timeout=10) as raw:
        for word in ("false", "FALSE", "0", "off", "No"):
            sandbox.faults.html = True
            answer = await raw.post(url, json={"html": word})
            assert answer.status_code == 200
            assert sandbox.faults.html is False, word
        assert (await raw.post(url, json={"html": "On", "fail_5xx": "2"})).status_code == 200
        assert (sandbox.faults.html, sandbox.faults.fail_5xx) == (True, 2)
        assert (await raw.post(url, json={"reset": "false", "latency": "0"})).status_code == 200
        assert sandbox.faults.html is True  # "false" is not a reset
        for bad in ({"fail_5xx": "abc"}, {"latency": "soon"}, {"html": "maybe"},
                    {"fail_5xx": 1.5}, {"latency": None}):  # fmt: skip
            answer = await raw.post(url, json={"reset": True, **bad})
            assert answer.status_code == 400, bad
            assert "error" in answer.json()
        assert sandbox.faults.html is True  # a refused request changes nothing
        assert (await raw.post(url, content=b"{oops")).status_code == 400
        assert (await raw.post(url, json={"reset": "yes"})).status_code == 200
    assert sandbox.faults.as_dict() == Faults().as_dict()


async def test_count_takes_paths_with_or_without_the_prefix(
    sandbox: Sandbox, api: httpx.AsyncClient
) -> None:
    lid = LOCAL_LANDING_IDS[0]
    short = f"/landing_pages/{lid}/get_structure"
    before = sandbox.count("GET", short)
    assert sandbox.count("get", ADMIN_PREFIX + short) == before
    for _ in range(2):
        assert (await api.get(short)).status_code == 200
    assert sandbox.count("GET", short) == before + 2
    assert sandbox.count("GET", ADMIN_PREFIX + short) == before + 2
    assert sandbox.count("GET", short.lstrip("/") + "?x=1") == before + 2
    assert sandbox.count("POST", short) == 0
    postback = f"/{sandbox.postback_key}/postback"
    before = sandbox.count("GET", postback)
    async with httpx.AsyncClient(timeout=10) as raw:
        await raw.get(sandbox.postback_url)
    assert sandbox.count("GET", postback) == before + 1
