"""The sandbox tracker over real HTTP: seed, grids, postbacks, errors, routes."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import datetime

import httpx
import pytest
import pytest_asyncio

from keitaro.catalog import ACTIONS, Target
from keitaro.sandbox import Sandbox
from keitaro.sandbox.app import ADMIN_PREFIX
from keitaro.sandbox.handlers import HANDLERS
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
    click = next(c for c in reversed(sandbox.state.clicks) if not c.conversions)
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
