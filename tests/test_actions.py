"""Every catalog action, performed through the real client against the sandbox on loopback.

Each scenario asserts the action's *effect*, seen through the API the way a user would see it
(disable → the campaign reads disabled; archive → listed as deleted; a postback → the conversion
is in the log and in the report). Every request the client built is checked against Keitaro's
published OpenAPI facts, and every answer against its response schema.
"""

from __future__ import annotations

import asyncio
import io
import re
import zipfile
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from keitaro import KeitaroClient, errors
from keitaro.catalog import ACTIONS, Target
from keitaro.sandbox import Sandbox
from tests.conftest import Recorder
from tests.openapi_check import load_spec_or_skip

Scenario = Callable[[KeitaroClient, Sandbox], Awaitable[None]]
SCENARIOS: dict[str, Scenario] = {}


def scenario(*names: str) -> Callable[[Scenario], Scenario]:
    def register(func: Scenario) -> Scenario:
        for name in names:
            assert name not in SCENARIOS, name
            SCENARIOS[name] = func
        return func

    return register


# --- helpers -------------------------------------------------------------------------------------


async def data(client: KeitaroClient, action: str, **params: Any) -> Any:
    result = await client.call(action, **params)
    assert result.success and result.status_code == 200
    assert (result.resource, result.operation) == tuple(action.split("."))
    return result.data


async def campaigns(client: KeitaroClient, state: str | None = None) -> list[dict[str, Any]]:
    items = await data(client, "campaigns.list")
    return [c for c in items if state is None or c["state"] == state]


async def a_campaign(client: KeitaroClient, state: str = "active") -> dict[str, Any]:
    found = await campaigns(client, state)
    assert found, f"the seed has no {state} campaign"
    return found[0]


async def a_stream(client: KeitaroClient) -> dict[str, Any]:
    for campaign in await campaigns(client, "active"):
        streams = await data(client, "streams.list", campaign_id=campaign["id"])
        if streams:
            return streams[0]
    raise AssertionError("no stream in the seed")


def ids(items: list[dict[str, Any]]) -> set[int]:
    return {item["id"] for item in items}


def first(value: Any) -> dict[str, Any]:
    """Archive, clone, enable... answer a list of one in real Keitaro, an object in the spec."""
    return value[0] if isinstance(value, list) else value


def day_range(days_ago: int, tz: str = "UTC") -> dict[str, str]:
    day = (datetime.now(UTC) - timedelta(days=days_ago)).strftime("%Y-%m-%d")
    return {"from": day, "to": day, "timezone": tz}


async def local_landing(client: KeitaroClient, resource: str) -> dict[str, Any]:
    for item in await data(client, f"{resource}.list"):
        if (
            item.get("action_type") == "local_file"
            or item.get("landing_type") == "local"
            or item.get("offer_type") == "local"
        ):
            return item
    raise AssertionError(f"no local {resource} in the seed")


# --- campaigns -----------------------------------------------------------------------------------


@scenario("campaigns.list")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    items = await campaigns(c)
    assert len(items) >= 18
    assert {"active", "disabled"} <= {i["state"] for i in items}
    assert all(i["state"] != "deleted" for i in items)
    only_active = await data(c, "campaigns.list", active=True)
    assert only_active and all(i["state"] == "active" for i in only_active)


@scenario("campaigns.get")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    listed = await a_campaign(c)
    got = await data(c, "campaigns.get", id=listed["id"])
    assert (got["id"], got["name"]) == (listed["id"], listed["name"])
    with pytest.raises(errors.NotFoundError):
        await c.call("campaigns.get", id=999_999)


@scenario("campaigns.create")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    made = first(
        await data(
            c,
            "campaigns.create",
            name="FB | FR | New",
            cost_type="CPC",
            cost_value="0,05",
            cost_currency="usd",
        )
    )
    got = await data(c, "campaigns.get", id=made["id"])
    assert got["name"] == "FB | FR | New" and got["alias"]
    assert float(got["cost_value"]) == 0.05 and got["cost_currency"] == "USD"
    with pytest.raises(errors.ValidationError) as caught:
        await c.call("campaigns.create", name="Again", alias=got["alias"])
    assert "alias" in caught.value.fields


@scenario("campaigns.update")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    target = await a_campaign(c)
    await data(c, "campaigns.update", id=target["id"], name="Renamed", notes="paused on Friday")
    got = await data(c, "campaigns.get", id=target["id"])
    assert (got["name"], got["notes"]) == ("Renamed", "paused on Friday")


@scenario("campaigns.archive", "campaigns.list_deleted")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    already = await data(c, "campaigns.list_deleted")
    assert already and all(i["state"] == "deleted" for i in already)
    target = await a_campaign(c)
    archived = first(await data(c, "campaigns.archive", id=target["id"]))
    assert archived["state"] == "deleted"
    assert target["id"] in ids(await data(c, "campaigns.list_deleted"))
    assert target["id"] not in ids(await campaigns(c))
    with pytest.raises(errors.NotFoundError):
        await c.call("campaigns.get", id=target["id"])


@scenario("campaigns.restore")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    archived = (await data(c, "campaigns.list_deleted"))[0]
    await data(c, "campaigns.restore", id=archived["id"])
    assert archived["id"] in ids(await campaigns(c))
    assert archived["id"] not in ids(await data(c, "campaigns.list_deleted"))


@scenario("campaigns.clone")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    source = await a_campaign(c)
    copy = first(await data(c, "campaigns.clone", id=source["id"]))
    assert copy["id"] != source["id"]
    names = {i["id"]: i["name"] for i in await campaigns(c)}
    assert names[copy["id"]] == f"Copy of {source['name']}"


@scenario("campaigns.enable")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    paused = await a_campaign(c, "disabled")
    await data(c, "campaigns.enable", id=paused["id"])
    assert (await data(c, "campaigns.get", id=paused["id"]))["state"] == "active"


@scenario("campaigns.disable")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    running = await a_campaign(c, "active")
    await data(c, "campaigns.disable", id=running["id"])
    assert (await data(c, "campaigns.get", id=running["id"]))["state"] == "disabled"


async def busiest_campaign_day(c: KeitaroClient) -> tuple[int, str]:
    report = await data(
        c,
        "reports.build",
        range={"interval": "7_days_ago", "timezone": "UTC"},
        dimensions=["campaign_id", "day"],
        measures=["clicks"],
        sort=[{"name": "clicks", "order": "DESC"}],
        limit=1,
    )
    row = report["rows"][0]
    return row["campaign_id"], row["day"]


async def cost_of(c: KeitaroClient, campaign_id: int, day: str) -> float:
    report = await data(
        c,
        "reports.build",
        range={"from": day, "to": day, "timezone": "UTC"},
        dimensions=["campaign_id"],
        measures=["cost"],
        filters=[{"name": "campaign_id", "operator": "EQUALS", "expression": campaign_id}],
    )
    return sum(row["cost"] for row in report["rows"])


@scenario("campaigns.update_costs")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    campaign_id, day = await busiest_campaign_day(c)
    for _attempt in range(2):  # sending the same costs twice replaces, never doubles
        await data(
            c,
            "campaigns.update_costs",
            id=campaign_id,
            start_date=f"{day} 00:00",
            end_date=f"{day} 23:59",
            timezone="UTC",
            cost="123.45",
            currency="USD",
        )
        assert await cost_of(c, campaign_id, day) == pytest.approx(123.45, abs=0.01)


# --- streams -------------------------------------------------------------------------------------


@scenario("streams.list")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    stream = await a_stream(c)
    streams = await data(c, "streams.list", campaign_id=stream["campaign_id"])
    assert stream["id"] in ids(streams)
    assert all(s["campaign_id"] == stream["campaign_id"] for s in streams)


@scenario("streams.get")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    stream = await a_stream(c)
    got = await data(c, "streams.get", id=stream["id"])
    assert (got["id"], got["name"]) == (stream["id"], stream["name"])


@scenario("streams.create")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    campaign = await a_campaign(c)
    offer = (await data(c, "offers.list"))[0]
    made = await data(
        c,
        "streams.create",
        campaign_id=campaign["id"],
        name="DE mobile",
        schema="landings",
        action_type="http",
        filters=[{"name": "country", "mode": "accept", "payload": ["DE"]}],
        offers=[{"offer_id": offer["id"], "share": 100}],
    )
    streams = await data(c, "streams.list", campaign_id=campaign["id"])
    assert first(made)["id"] in ids(streams)


@scenario("streams.update")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    stream = await a_stream(c)
    offers = (await data(c, "offers.list"))[:2]
    await data(
        c,
        "streams.update",
        id=stream["id"],
        name="Split test",
        offers=[
            {"offer_id": offers[0]["id"], "share": 70},
            {"offer_id": offers[1]["id"], "share": 30},
        ],
    )
    got = await data(c, "streams.get", id=stream["id"])
    assert got["name"] == "Split test"
    assert sorted(o["share"] for o in got["offers"]) == [30, 70]


@scenario("streams.archive", "streams.list_deleted")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    stream = await a_stream(c)
    await data(c, "streams.archive", id=stream["id"])
    assert stream["id"] in ids(await data(c, "streams.list_deleted"))
    assert stream["id"] not in ids(await data(c, "streams.list", campaign_id=stream["campaign_id"]))


@scenario("streams.restore")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    stream = await a_stream(c)
    await data(c, "streams.archive", id=stream["id"])
    restored = first(await data(c, "streams.restore", id=stream["id"]))
    assert restored["state"] != "deleted"
    assert stream["id"] in ids(await data(c, "streams.list", campaign_id=stream["campaign_id"]))


@scenario("streams.enable", "streams.disable")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    stream = await a_stream(c)
    assert first(await data(c, "streams.disable", id=stream["id"]))["state"] == "disabled"
    assert (await data(c, "streams.get", id=stream["id"]))["state"] == "disabled"
    assert first(await data(c, "streams.enable", id=stream["id"]))["state"] == "active"
    assert (await data(c, "streams.get", id=stream["id"]))["state"] == "active"


@scenario("streams.search")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    stream = await a_stream(c)
    found = await data(c, "streams.search", query=stream["name"][:4])
    assert stream["id"] in ids(found)
    assert await data(c, "streams.search", query="no stream has this name") == []


@scenario("streams.events")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    stream = await a_stream(c)
    events = await data(c, "streams.events", id=stream["id"])
    assert (
        isinstance(events, dict) and "items" in events and events["total"] == len(events["items"])
    )


@scenario(
    "filters.list", "filters.stream_types", "filters.stream_schemas", "filters.stream_actions"
)
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    assert "country" in {f["value"] for f in await data(c, "filters.list")}
    assert {"regular", "forced", "default"} <= {
        t["value"] for t in await data(c, "filters.stream_types")
    }
    assert {"landings", "redirect", "action"} <= {
        s["value"] for s in await data(c, "filters.stream_schemas")
    }
    assert "http" in {a["key"] for a in await data(c, "filters.stream_actions")}


# --- landing pages and offers share their shape --------------------------------------------------


def entity_scenarios(resource: str, create: dict[str, Any], update: dict[str, Any]) -> None:
    @scenario(f"{resource}.list", f"{resource}.get")
    async def _(c: KeitaroClient, sb: Sandbox) -> None:
        items = await data(c, f"{resource}.list")
        assert len(items) >= 3
        got = await data(c, f"{resource}.get", id=items[-1]["id"])
        assert got["name"] == items[-1]["name"]
        with pytest.raises(errors.NotFoundError):
            await c.call(f"{resource}.get", id=987_654)

    @scenario(f"{resource}.create")
    async def _(c: KeitaroClient, sb: Sandbox) -> None:
        made = first(await data(c, f"{resource}.create", **create))
        assert (await data(c, f"{resource}.get", id=made["id"]))["name"] == create["name"]
        with pytest.raises(errors.ValidationError):
            await c.call(f"{resource}.create", name="")  # refused before it is sent

    @scenario(f"{resource}.update")
    async def _(c: KeitaroClient, sb: Sandbox) -> None:
        target = (await data(c, f"{resource}.list"))[0]
        await data(c, f"{resource}.update", id=target["id"], **update)
        got = await data(c, f"{resource}.get", id=target["id"])
        for key, value in update.items():
            assert got[key] == value, key

    @scenario(f"{resource}.archive")
    async def _(c: KeitaroClient, sb: Sandbox) -> None:
        target = (await data(c, f"{resource}.list"))[0]
        await data(c, f"{resource}.archive", id=target["id"])
        assert target["id"] not in ids(await data(c, f"{resource}.list"))

    @scenario(f"{resource}.clone")
    async def _(c: KeitaroClient, sb: Sandbox) -> None:
        source = (await data(c, f"{resource}.list"))[0]
        copy = first(await data(c, f"{resource}.clone", id=source["id"]))
        names = {i["id"]: i["name"] for i in await data(c, f"{resource}.list")}
        assert copy["id"] != source["id"] and names[copy["id"]] == f"Copy of {source['name']}"


entity_scenarios(
    "landing_pages",
    {
        "name": "Quiz pre-lander",
        "landing_type": "external",
        "action_type": "http",
        "url": "https://lp.example/quiz",
    },
    {"name": "Quiz v2", "notes": "winner"},
)
entity_scenarios(
    "offers",
    {"name": "Keto | DE", "payout_value": "24,5", "payout_currency": "EUR", "country": ["DE"]},
    {"name": "Keto | DE | v2", "payout_value": 30.0},
)
entity_scenarios(
    "traffic_sources",
    {"name": "Snapchat", "postback_statuses": ["sale"]},
    {"name": "Snap Ads", "notes": "new"},
)
entity_scenarios(
    "affiliate_networks",
    {"name": "LeadBit", "offer_param": "sub1={subid}"},
    {"name": "LeadBit CPA", "notes": "weekly payouts"},
)


def file_scenarios(resource: str) -> None:
    @scenario(f"{resource}.download", f"{resource}.get_structure", f"{resource}.get_file")
    async def _(c: KeitaroClient, sb: Sandbox) -> None:
        item = await local_landing(c, resource)
        tree = await data(c, f"{resource}.get_structure", id=item["id"])
        paths = _paths(tree)
        assert "index.html" in paths
        content = (await data(c, f"{resource}.get_file", id=item["id"], path="index.html"))["data"]
        assert "<html" in content.lower()
        archive = await data(c, f"{resource}.download", id=item["id"])
        with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
            assert "index.html" in zipped.namelist()
            assert zipped.read("index.html").decode() == content

    @scenario(f"{resource}.add_file", f"{resource}.update_file", f"{resource}.remove_file")
    async def _(c: KeitaroClient, sb: Sandbox) -> None:
        item = await local_landing(c, resource)
        await data(c, f"{resource}.add_file", id=item["id"], path="thanks.html")
        assert "thanks.html" in _paths(await data(c, f"{resource}.get_structure", id=item["id"]))
        await data(
            c,
            f"{resource}.update_file",
            id=item["id"],
            path="thanks.html",
            data="<h1>Спасибо!</h1>",
        )
        got = await data(c, f"{resource}.get_file", id=item["id"], path="thanks.html")
        assert got["data"] == "<h1>Спасибо!</h1>"
        await data(c, f"{resource}.remove_file", id=item["id"], path="thanks.html")
        assert "thanks.html" not in _paths(
            await data(c, f"{resource}.get_structure", id=item["id"])
        )


def _paths(node: dict[str, Any]) -> set[str]:
    found = {node["path"]} if node.get("type") == "file" and node.get("path") else set()
    for child in node.get("children") or []:
        found |= _paths(child)
    return found


file_scenarios("landing_pages")
file_scenarios("offers")


# --- domains, groups, users ----------------------------------------------------------------------


@scenario("domains.list", "domains.get")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    domains = await data(c, "domains.list")
    assert domains
    assert (await data(c, "domains.get", id=domains[0]["id"]))["name"] == domains[0]["name"]


@scenario("domains.create")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    made = await data(c, "domains.create", name="go.example.net")
    assert isinstance(made, list)
    assert "go.example.net" in {d["name"] for d in await data(c, "domains.list")}


@scenario("domains.update")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    domain = (await data(c, "domains.list"))[0]
    await data(c, "domains.update", id=domain["id"], notes="main", catch_not_found=True)
    got = await data(c, "domains.get", id=domain["id"])
    assert got["notes"] == "main" and got["catch_not_found"] is True


@scenario("domains.archive", "domains.restore", "domains.list_deleted")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    domain = (await data(c, "domains.list"))[-1]
    await data(c, "domains.archive", id=domain["id"])
    assert domain["id"] in ids(await data(c, "domains.list_deleted"))
    assert domain["id"] not in ids(await data(c, "domains.list"))
    await data(c, "domains.restore", id=domain["id"])
    assert domain["id"] in ids(await data(c, "domains.list"))


@scenario("domains.check")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    domain = (await data(c, "domains.list"))[0]
    checked = first(await data(c, "domains.check", id=domain["id"]))
    assert checked["id"] == domain["id"] and checked["network_status"] in {
        "active",
        "validating",
        "error",
    }


@scenario("groups.list", "groups.create", "groups.update", "groups.delete")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    before = await data(c, "groups.list", type="offers")
    assert all(g["type"] == "offers" for g in before)
    made = await data(c, "groups.create", name="Nutra", type="offers")
    assert made["id"] in ids(await data(c, "groups.list", type="offers"))
    assert made["id"] not in ids(await data(c, "groups.list", type="campaigns"))
    await data(c, "groups.update", id=made["id"], name="Nutra EU")
    names = {g["id"]: g["name"] for g in await data(c, "groups.list", type="offers")}
    assert names[made["id"]] == "Nutra EU"
    await data(c, "groups.delete", id=made["id"])
    assert made["id"] not in ids(await data(c, "groups.list", type="offers"))


@scenario("users.list", "users.get")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    users = await data(c, "users.list")
    assert {"ADMIN", "USER"} <= {u["type"] for u in users}
    got = await data(c, "users.get", id=users[0]["id"])
    assert got["login"] == users[0]["login"]
    assert not any("password" in key for key in got)


@scenario("users.create", "users.update", "users.delete")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    made = await data(
        c,
        "users.create",
        login="teamlead",
        new_password="s3cret-pass",
        preferences={"language": "ru", "timezone": "Europe/Moscow"},
    )
    assert made["login"] == "teamlead"
    with pytest.raises(errors.ValidationError):
        await c.call("users.create", login="teamlead", new_password="other-pass")
    await data(c, "users.update", id=made["id"], type="ADMIN")
    assert (await data(c, "users.get", id=made["id"]))["type"] == "ADMIN"
    await data(c, "users.delete", id=made["id"])
    assert made["id"] not in ids(await data(c, "users.list"))


@scenario("users.update_access")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    buyer = next(u for u in await data(c, "users.list") if u["type"] == "USER")
    await data(
        c,
        "users.update_access",
        id=buyer["id"],
        access_data={"campaigns_access_type": "read_only", "reports": ["campaigns"]},
    )
    access = (await data(c, "users.get", id=buyer["id"]))["access_data"]
    assert access["campaigns_access_type"] == "read_only"


# --- bot list and labels -------------------------------------------------------------------------


@scenario("botlist.get", "botlist.replace", "botlist.add", "botlist.exclude", "botlist.clear")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    def listed(value: dict[str, str]) -> set[str]:
        return {line for line in value["value"].split() if line}

    assert (await data(c, "botlist.replace", value="1.2.3.4\n5.6.7.0/24"))["count"] == 2
    assert listed(await data(c, "botlist.get")) == {"1.2.3.4", "5.6.7.0/24"}
    assert (await data(c, "botlist.add", value="9.9.9.9"))["count"] == 3
    assert (await data(c, "botlist.exclude", value="1.2.3.4"))["count"] == 2
    assert listed(await data(c, "botlist.get")) == {"5.6.7.0/24", "9.9.9.9"}
    await data(c, "botlist.clear")
    assert listed(await data(c, "botlist.get")) == set()


@scenario("blacklist.get", "blacklist.set")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    campaign = await a_campaign(c)
    await data(
        c,
        "blacklist.set",
        campaign_id=campaign["id"],
        ref_name="sub_id_1",
        items={"ad-123": "blacklist", "ad-777": "whitelist"},
    )
    labels = await data(
        c, "blacklist.get", campaign_id=campaign["id"], label_name="blacklist", ref_name="sub_id_1"
    )
    assert labels.get("ad-123") == "blacklist"


# --- clicks, conversions, postbacks, reports -----------------------------------------------------


@scenario("clicks.log")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    log = await data(
        c,
        "clicks.log",
        range={"interval": "7_days_ago", "timezone": "Europe/Moscow"},
        columns=["sub_id", "datetime", "campaign_id", "country"],
        limit=50,
        filters=[{"name": "is_bot", "operator": "IS_FALSE"}],
        sort=[{"name": "datetime", "order": "desc"}],
    )
    assert 0 < len(log["rows"]) <= 50 < log["total"]
    assert set(log["rows"][0]) == {"sub_id", "datetime", "campaign_id", "country"}
    assert [r["datetime"] for r in log["rows"]] == sorted(
        (r["datetime"] for r in log["rows"]), reverse=True
    )
    with pytest.raises(errors.ValidationError):
        await c.call("clicks.log", limit=5, columns=["no_such_column"])


@scenario("clicks.update_costs")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    campaign_id, day = await busiest_campaign_day(c)
    entry = {
        "start_date": f"{day} 00:00",
        "end_date": f"{day} 23:59",
        "cost": "77.70",
        "timezone": "UTC",
        "currency": "USD",
    }
    for _attempt in range(2):
        await data(c, "clicks.update_costs", campaign_ids=[campaign_id], costs=[entry])
        assert await cost_of(c, campaign_id, day) == pytest.approx(77.70, abs=0.01)


@scenario("clicks.clean")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    day = day_range(3)["from"]
    window = {
        "range": {"from": day, "to": day, "timezone": "UTC"},
        "columns": ["sub_id"],
        "limit": 1,
    }
    assert (await data(c, "clicks.log", **window))["total"] > 0
    await data(
        c, "clicks.clean", start_date=f"{day} 00:00", end_date=f"{day} 23:59", timezone="UTC"
    )
    assert (await data(c, "clicks.log", **window))["total"] == 0


async def a_click(c: KeitaroClient) -> dict[str, Any]:
    log = await data(
        c,
        "clicks.log",
        range={"interval": "yesterday", "timezone": "UTC"},
        columns=["sub_id", "campaign_id"],
        limit=1,
    )
    return log["rows"][0]


async def conversions_of(c: KeitaroClient, sub_id: str) -> list[dict[str, Any]]:
    log = await data(
        c,
        "conversions.log",
        range={"interval": "today", "timezone": "UTC"},
        columns=[
            "conversion_id",
            "sub_id",
            "status",
            "previous_status",
            "original_status",
            "revenue",
            "tid",
            "params",
        ],
        filters=[{"name": "sub_id", "operator": "EQUALS", "expression": sub_id}],
        limit=100,
    )
    return log["rows"]


@scenario("conversions.log")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    log = await data(
        c,
        "conversions.log",
        range={"interval": "30_days_ago", "timezone": "UTC"},
        columns=["conversion_id", "status", "revenue"],
        limit=20,
    )
    assert log["rows"] and log["total"] >= len(log["rows"])
    assert {r["status"] for r in log["rows"]} <= {"lead", "sale", "rejected", "rebill"}


def a_fresh_click(sb: Sandbox) -> dict[str, Any]:
    """A click from yesterday with no conversion yet, on an offer paid from the postback."""
    yesterday = (datetime.now(UTC) - timedelta(days=1)).timestamp()
    for click in reversed(sb.state.clicks):
        offer = sb.state.offers.get(click.offer_id) or {}
        if click.ts < yesterday and not click.conversions and offer.get("payout_auto"):
            return {"sub_id": click.sub_id, "campaign_id": click.campaign_id, "ts": click.ts}
    raise AssertionError("no fresh click in the seed")


async def campaign_sales(c: KeitaroClient, campaign_id: int, day: str) -> tuple[int, float]:
    report = await data(
        c,
        "reports.build",
        range={"from": day, "to": day, "timezone": "UTC"},
        dimensions=["campaign_id"],
        measures=["sales", "revenue"],
        filters=[{"name": "campaign_id", "operator": "EQUALS", "expression": campaign_id}],
    )
    row = report["rows"][0] if report["rows"] else {"sales": 0, "revenue": 0}
    return row["sales"], row["revenue"]


@scenario("conversions.create")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    click = a_fresh_click(sb)
    day = datetime.fromtimestamp(click["ts"], UTC).strftime("%Y-%m-%d")
    sales, revenue = await campaign_sales(c, click["campaign_id"], day)
    result = await c.call(
        "conversions.create",
        click_id=click["sub_id"],
        status="lead",
        revenue="12,5",
        currency="USD",
        comment="manual",
    )
    assert result.data == {"answer": "Success"}
    await c.call(
        "conversions.create", {"click_id": click["sub_id"], "status": "approved", "payout": 12.5}
    )
    rows = await _eventually(
        lambda: conversions_of(c, click["sub_id"]),
        lambda rows: rows and rows[0]["status"] == "sale",
    )
    assert len(rows) == 1  # same click, no tid: the second postback updated the first
    assert (rows[0]["previous_status"], rows[0]["original_status"], rows[0]["revenue"]) == (
        "lead",
        "approved",
        12.5,
    )
    after = await campaign_sales(c, click["campaign_id"], day)
    assert after == (sales + 1, pytest.approx(revenue + 12.5))


async def _eventually(
    read: Callable[[], Awaitable[Any]], ready: Callable[[Any], Any], seconds: float = 3.0
) -> Any:
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        value = await read()
        if ready(value) or asyncio.get_running_loop().time() > deadline:
            return value
        await asyncio.sleep(0.05)


@scenario("postbacks.send")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    click = await a_click(c)
    await data(
        c,
        "postbacks.send",
        subid=click["sub_id"],
        status="hold",
        payout="7",
        tid="T-1",
        lead_status="hold",
    )
    await data(c, "postbacks.send", subid=click["sub_id"], status="paid", payout="9", tid="T-2")
    rows = await _eventually(
        lambda: conversions_of(c, click["sub_id"]), lambda rows: len(rows) == 2
    )
    assert {(r["tid"], r["status"]) for r in rows} == {("T-1", "lead"), ("T-2", "sale")}


@scenario("postbacks.list", "postbacks.set")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    campaign = await a_campaign(c)
    wanted = [
        {"method": "GET", "statuses": ["sale"], "url": "https://ts.example/pb?cid={external_id}"}
    ]
    await data(c, "postbacks.set", campaign_id=campaign["id"], postbacks=wanted)
    postbacks = await data(c, "postbacks.list", campaign_id=campaign["id"])
    assert [(p["url"], p["statuses"]) for p in postbacks] == [(wanted[0]["url"], ["sale"])]
    assert all(p.get("id") for p in postbacks)


@scenario("reports.build")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    report = await data(
        c,
        "reports.build",
        range={"interval": "30_days_ago", "timezone": "Europe/Moscow"},
        dimensions=["day", "campaign"],
        measures=["clicks", "conversions", "revenue", "cost", "profit", "roi"],
        summary=True,
    )
    rows = report["rows"]
    assert rows and report["total"] == len(rows)
    assert sum(r["clicks"] for r in rows) == report["summary"]["clicks"]
    assert report["summary"]["day"] is None
    profits = {}
    for row in rows:
        profits[row["campaign"]] = profits.get(row["campaign"], 0) + row["profit"]
    assert min(profits.values()) < 0 < max(profits.values())  # some earn, some lose
    with pytest.raises(errors.ValidationError) as caught:
        await c.call("reports.build", range={"interval": "today"}, dimensions=["no_such_dimension"])
    assert caught.value.status_code == 400


# --- logs and integrations -----------------------------------------------------------------------


@scenario("logs.types", "logs.get", "logs.clean")
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    assert {"system", "postbacks"} <= set(await data(c, "logs.types"))
    click = await a_click(c)
    await data(c, "postbacks.send", subid=click["sub_id"])
    lines = await data(c, "logs.get", type="postbacks", limit=20)
    assert any(click["sub_id"] in line["message"] for line in lines)
    await data(c, "logs.clean", type="postbacks")
    assert await data(c, "logs.get", type="postbacks", limit=20) == []


@scenario(
    "integrations.avscan_get",
    "integrations.avscan_set",
    "integrations.imklo_get",
    "integrations.imklo_set",
)
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    await data(c, "integrations.avscan_set", avscan_key="av-key-1")
    assert (await data(c, "integrations.avscan_get"))["avscan_key"] == "av-key-1"
    await data(c, "integrations.imklo_set", imklo_api_url="https://imklo.example/api")
    assert (await data(c, "integrations.imklo_get"))["imklo_api_url"] == "https://imklo.example/api"


@scenario(
    "integrations.facebook_list",
    "integrations.facebook_get",
    "integrations.facebook_create",
    "integrations.facebook_update",
    "integrations.facebook_delete",
    "integrations.facebook_campaigns",
    "integrations.facebook_add_campaign",
    "integrations.facebook_remove_campaign",
)
async def _(c: KeitaroClient, sb: Sandbox) -> None:
    made = first(
        await data(
            c,
            "integrations.facebook_create",
            name="BM 1",
            ad_account_id="act_123",
            token="EAAB-token",
        )
    )
    assert made["id"] in ids(await data(c, "integrations.facebook_list"))
    await data(c, "integrations.facebook_update", id=made["id"], name="BM main")
    assert (await data(c, "integrations.facebook_get", id=made["id"]))["name"] == "BM main"
    campaign = await a_campaign(c)
    await data(c, "integrations.facebook_add_campaign", id=made["id"], campaign_id=campaign["id"])
    tied = await data(c, "integrations.facebook_campaigns", id=made["id"])
    assert campaign["id"] in {item["value"] for item in tied}
    await data(
        c, "integrations.facebook_remove_campaign", id=made["id"], campaign_id=campaign["id"]
    )
    assert await data(c, "integrations.facebook_campaigns", id=made["id"]) == []
    await data(c, "integrations.facebook_delete", id=made["id"])
    assert made["id"] not in ids(await data(c, "integrations.facebook_list"))


# --- the tests -----------------------------------------------------------------------------------


def test_every_action_has_a_scenario() -> None:
    assert sorted(SCENARIOS) == sorted(ACTIONS)


@pytest.mark.parametrize("action", sorted(ACTIONS))
async def test_action_has_its_effect(
    action: str, client: KeitaroClient, sandbox: Sandbox, recorder: Recorder
) -> None:
    await SCENARIOS[action](client, sandbox)
    spec_action = ACTIONS[action]
    prefix = "" if spec_action.target is Target.POSTBACK else "/admin_api/v1"
    route = re.compile(prefix + re.sub(r"\\{\w+\\}", "[^/]+", re.escape(spec_action.path)) + "$")
    performed = [(x.method, x.path) for x in recorder.exchanges]
    assert any(m == spec_action.method and route.match(p) for m, p in performed), performed


@pytest.mark.parametrize("action", sorted(SCENARIOS))
async def test_requests_and_answers_follow_keitaros_spec(
    action: str, client: KeitaroClient, sandbox: Sandbox, recorder: Recorder
) -> None:
    spec = load_spec_or_skip()
    await SCENARIOS[action](client, sandbox)
    problems: list[str] = []
    for x in recorder.exchanges:
        if not x.path.startswith("/admin_api/v1/"):
            continue  # the postback URL is not part of the Admin API description
        path = x.path.removeprefix("/admin_api/v1")
        problems += [
            f"request {x.method} {path}: {p}"
            for p in spec.check_request(x.method, path, x.query, x.body)
        ]
        if 200 <= x.status < 300:
            problems += [
                f"answer {x.method} {path}: {p}"
                for p in spec.check_response(x.method, path, x.status, x.data)
            ]
    assert not problems, "\n".join(problems)
