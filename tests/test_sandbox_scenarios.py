"""The sandbox's scenario switches, seen as a tracker user sees them: through the Admin API
with the project's client (reports, offers, domains, failing calls), on a clock the test moves,
and the same switches over ``POST /_sandbox/scenario``."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from keitaro import KeitaroClient, errors
from keitaro.guesses import SSL_EXPIRY_FIELD
from keitaro.sandbox import SCENARIOS, Sandbox, Store
from keitaro.sandbox.__main__ import banner
from keitaro.sandbox.live import LiveTraffic
from keitaro.sandbox.seed import seed_store
from keitaro.transport import HttpPool
from tests.conftest import API_KEY, POSTBACK_KEY, RESTRICTED_KEY

#: a Monday noon: "today" (UTC) is 12 hours long, and Tokyo's today began yesterday
START = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
MEASURES = ["clicks", "conversions", "cost", "revenue", "profit", "cr"]
#: campaign 1 (FB | DE | Keto Burn): source 1, offer 1 in both of its streams
LOSER = 1
#: campaign 3 (FB | IT | Hondrox): one stream, offer 4 only
CAPPED_CAMPAIGN, CAPPED_OFFER = 3, 4


class Clock:
    """The sandbox's time, moved by the test."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class Timed:
    sandbox: Sandbox
    client: KeitaroClient
    clock: Clock


@pytest.fixture
async def timed(pool: HttpPool) -> AsyncIterator[Timed]:
    """A small sandbox on a clock the test moves, and a client for it (no waiting retries)."""
    clock = Clock()
    sandbox = Sandbox(
        api_key=API_KEY,
        restricted_key=RESTRICTED_KEY,
        postback_key=POSTBACK_KEY,
        clicks=2_000,
        now=clock,
    )
    await sandbox.start()
    client = KeitaroClient(sandbox.url, API_KEY, pool=pool, backoff=0.01)
    yield Timed(sandbox, client, clock)
    await sandbox.stop()


def stamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def last(now: datetime, minutes: float) -> dict[str, str]:
    """The range of the last ``minutes`` up to ``now`` (exclusive of ``now``'s second)."""
    return {
        "from": stamp(now - timedelta(minutes=minutes)),
        "to": stamp(now - timedelta(seconds=1)),
        "timezone": "UTC",
    }


TODAY = {"interval": "today", "timezone": "UTC"}


async def report(
    client: KeitaroClient,
    range_: dict[str, str],
    dimension: str = "campaign_id",
    campaign_id: int | None = None,
) -> dict[Any, dict[str, Any]]:
    """Rows by their ``dimension`` value; only ``campaign_id``'s clicks when given."""
    body: dict[str, Any] = {"range": range_, "dimensions": [dimension], "measures": MEASURES}
    if campaign_id is not None:
        body["filters"] = [{"name": "campaign_id", "operator": "EQUALS", "expression": campaign_id}]
    result = await client.call("reports.build", **body)
    return {row[dimension]: row for row in result.data["rows"]}


def row_of(rows: dict[Any, dict[str, Any]], key: Any) -> dict[str, Any]:
    return rows.get(key) or dict.fromkeys(MEASURES, 0)


async def play(sandbox: Sandbox, body: Any) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as http:
        return await http.post(f"{sandbox.url}/_sandbox/scenario", json=body)


# --- losing / recover ----------------------------------------------------------------------


async def test_losing_makes_a_profitable_campaign_lose_and_recover_brings_it_back(
    timed: Timed,
) -> None:
    sandbox, client, clock = timed.sandbox, timed.client, timed.clock
    # a sale a few minutes ago: the campaign earns in the last hour and today
    sandbox.inject(
        campaign_id=LOSER,
        revenue=20.0,
        at=clock.now - timedelta(minutes=5),
        click_at=clock.now - timedelta(minutes=10),
    )
    windows = {"hour": last(clock.now, 60), "today": TODAY}
    views = ("campaign_id", "offer_id", "ts_id", "country_code")
    before = {(w, v): await report(client, r, v, LOSER) for w, r in windows.items() for v in views}
    for window in windows:
        start = row_of(before[window, "campaign_id"], LOSER)
        assert start["profit"] > 0 and start["cr"] > 0 and start["conversions"] >= 1

    done = sandbox.scenarios.losing(LOSER)
    assert done == {
        "campaign_id": LOSER,
        "clicks": 60,
        "cost": 30.0,
        "from": stamp(clock.now - timedelta(hours=1)),
        "to": stamp(clock.now),
    }
    for window, range_ in windows.items():
        was = row_of(before[window, "campaign_id"], LOSER)
        now = row_of(await report(client, range_, "campaign_id", LOSER), LOSER)
        assert now["clicks"] == was["clicks"] + 60
        assert now["cost"] == pytest.approx(was["cost"] + 30, abs=0.01)
        assert (now["conversions"], now["revenue"]) == (was["conversions"], was["revenue"])
        assert now["profit"] < 0 < was["profit"]
        assert now["cr"] < was["cr"]
        # grouped by offer, source or country the same 60 clicks show, all in the
        # campaign's own offer and source
        by_offer = await report(client, range_, "offer_id", LOSER)
        assert set(by_offer) == {1}
        assert by_offer[1]["clicks"] == row_of(before[window, "offer_id"], 1)["clicks"] + 60
        by_source = await report(client, range_, "ts_id", LOSER)
        assert set(by_source) == {1}
        assert by_source[1]["profit"] < 0
        by_country = await report(client, range_, "country_code", LOSER)
        added = {
            code: row["clicks"] - row_of(before[window, "country_code"], code)["clicks"]
            for code, row in by_country.items()
        }
        assert sum(added.values()) == 60
        assert max(added, key=added.__getitem__) == "DE"  # the campaign's geo

    assert sandbox.scenarios.recover(LOSER) == {"campaign_id": LOSER, "clicks_removed": 60}
    for window, range_ in windows.items():
        for view in views:
            assert await report(client, range_, view, LOSER) == before[window, view]
    # a second recover has nothing left to take back
    assert sandbox.scenarios.recover(LOSER)["clicks_removed"] == 0


async def test_losing_over_http_does_what_the_method_does(timed: Timed) -> None:
    sandbox, client, clock = timed.sandbox, timed.client, timed.clock
    hour = last(clock.now, 30)
    before = row_of(await report(client, hour), 2)
    answer = await play(
        sandbox, {"name": "losing", "campaign_id": 2, "clicks": 10, "cost": 1, "minutes": 30}
    )
    assert answer.status_code == 200
    assert answer.json() == {
        "ok": True,
        "name": "losing",
        "campaign_id": 2,
        "clicks": 10,
        "cost": 10.0,
        "from": stamp(clock.now - timedelta(minutes=30)),
        "to": stamp(clock.now),
    }
    after = row_of(await report(client, hour), 2)
    assert after["clicks"] == before["clicks"] + 10
    assert after["cost"] == pytest.approx(before["cost"] + 10, abs=0.01)
    answer = await play(sandbox, {"name": "recover", "campaign_id": 2})
    assert answer.json() == {"ok": True, "name": "recover", "campaign_id": 2, "clicks_removed": 10}
    assert row_of(await report(client, hour), 2) == before


# --- steady / silence / resume_traffic -----------------------------------------------------


async def test_steady_traffic_flows_and_silence_stops_it_until_resumed(timed: Timed) -> None:
    sandbox, client, clock = timed.sandbox, timed.client, timed.clock
    scenarios = sandbox.scenarios
    assert scenarios.steady(3)["flowing"] is True
    assert scenarios.steady(10)["flowing"] is True
    assert scenarios.silence(campaign_id=10) == {
        "silenced_campaigns": [10],
        "silenced_sources": [],
    }
    started = clock.now
    clock.advance(30 * 60)
    rows = await report(client, last(clock.now, 30))
    assert 30 <= row_of(rows, 3)["clicks"] <= 100  # about 2 a minute
    assert row_of(rows, 10)["clicks"] == 0
    # the clicks came as the clock moved, not in one lump
    first_half = await report(
        client,
        {"from": stamp(started), "to": stamp(started + timedelta(minutes=15)), "timezone": "UTC"},
    )
    assert 0 < row_of(first_half, 3)["clicks"] < row_of(rows, 3)["clicks"]

    assert scenarios.resume_traffic(campaign_id=10)["silenced_campaigns"] == []
    resumed = clock.now
    clock.advance(30 * 60)
    rows = await report(client, last(clock.now, 30))
    assert row_of(rows, 10)["clicks"] >= 20
    # nothing was made up for the quiet half hour
    quiet = {"from": stamp(started), "to": stamp(resumed - timedelta(seconds=1)), "timezone": "UTC"}
    assert row_of(await report(client, quiet), 10)["clicks"] == 0

    assert scenarios.steady(3, per_minute=0)["flowing"] is False
    clock.advance(30 * 60)
    assert row_of(await report(client, last(clock.now, 30)), 3)["clicks"] == 0


async def test_silencing_a_source_also_stops_the_demo_live_traffic(timed: Timed) -> None:
    sandbox, client, clock = timed.sandbox, timed.client, timed.clock
    store = sandbox.state
    live = LiveTraffic(store, random.Random(5), 20)  # the demo's traffic: 600 clicks a minute
    sandbox.scenarios.steady(13)  # a campaign of source 4 (PropellerAds push)
    sandbox.scenarios.silence(traffic_source_id=4)
    for _ in range(60):
        clock.advance(10)
        live.step()
    by_source = await report(client, last(clock.now, 10), "ts_id")
    assert row_of(by_source, 4)["clicks"] == 0
    assert all(row_of(by_source, source)["clicks"] > 100 for source in (1, 2, 3))

    sandbox.scenarios.resume_traffic(traffic_source_id=4)
    for _ in range(60):
        clock.advance(10)
        live.step()
    by_campaign = await report(client, last(clock.now, 10))
    assert row_of(by_campaign, 13)["clicks"] > 0
    assert row_of(await report(client, last(clock.now, 10), "ts_id"), 4)["clicks"] > 100


def test_steady_traffic_is_lazy_and_the_same_for_a_seed() -> None:
    def run(seed: int) -> list[tuple[str, float]]:
        clock = Clock()
        store = Store(now=clock)
        seed_store(store, clicks=300)
        store.scenarios.seed = seed
        store.scenarios.steady(6, per_minute=5)
        count = len(store.clicks)
        clock.advance(600)
        assert len(store.clicks) == count  # made when read, not before
        made = store.clicks_between(START.timestamp(), clock.now.timestamp())
        return [(c.sub_id, c.ts) for c in made if c.campaign_id == 6]

    one, two, other = run(1), run(1), run(2)
    assert one == two and len(one) >= 20
    assert one != other


# --- near_cap / lift_cap -------------------------------------------------------------------


async def test_every_offer_has_the_cap_fields_of_a_real_tracker(timed: Timed) -> None:
    offers = (await timed.client.call("offers.list")).data
    assert len(offers) == 15
    for offer in offers:
        assert offer["conversion_cap_enabled"] is False
        assert offer["daily_cap"] == 0
        assert offer["conversion_timezone"] == "UTC"


async def test_near_cap_sets_the_cap_just_above_today_and_lift_cap_lifts_it(
    timed: Timed,
) -> None:
    sandbox, client, clock = timed.sandbox, timed.client, timed.clock

    async def today(zone: str) -> int:
        rows = await report(client, {"interval": "today", "timezone": zone}, "offer_id")
        return row_of(rows, CAPPED_OFFER)["conversions"]

    seeded = await today("UTC")
    for _ in range(3):
        sandbox.inject(campaign_id=CAPPED_CAMPAIGN, status="lead")
    assert await today("UTC") == seeded + 3

    done = sandbox.scenarios.near_cap(CAPPED_OFFER)
    assert done["conversions_today"] == seeded + 3 and done["daily_cap"] == seeded + 4
    offer = (await client.call("offers.get", id=CAPPED_OFFER)).data
    assert offer["conversion_cap_enabled"] is True
    assert offer["daily_cap"] == seeded + 4 == await today("UTC") + 1
    others = [o for o in (await client.call("offers.list")).data if o["id"] != CAPPED_OFFER]
    assert not any(o["conversion_cap_enabled"] for o in others)

    sandbox.scenarios.near_cap(CAPPED_OFFER, left=0)  # at the cap
    offer = (await client.call("offers.get", id=CAPPED_OFFER)).data
    assert offer["daily_cap"] == await today("UTC")

    # the offer's own day: in Tokyo (UTC+9) "today" began at 15:00 UTC yesterday
    await client.call("offers.update", id=CAPPED_OFFER, conversion_timezone="Asia/Tokyo")
    sandbox.inject(
        campaign_id=CAPPED_CAMPAIGN,
        click_at=clock.now - timedelta(hours=16),
        at=clock.now - timedelta(hours=15),
    )
    assert await today("Asia/Tokyo") > await today("UTC")
    done = sandbox.scenarios.near_cap(CAPPED_OFFER, left=2)
    assert done["conversion_timezone"] == "Asia/Tokyo"
    offer = (await client.call("offers.get", id=CAPPED_OFFER)).data
    assert offer["daily_cap"] == await today("Asia/Tokyo") + 2

    assert sandbox.scenarios.lift_cap(CAPPED_OFFER)["conversion_cap_enabled"] is False
    offer = (await client.call("offers.get", id=CAPPED_OFFER)).data
    assert (offer["conversion_cap_enabled"], offer["daily_cap"]) == (False, 0)

    answer = await play(sandbox, {"name": "near_cap", "offer_id": CAPPED_OFFER, "left": 5})
    assert answer.status_code == 200 and answer.json()["ok"] is True
    offer = (await client.call("offers.get", id=CAPPED_OFFER)).data
    assert offer["conversion_cap_enabled"] is True
    assert offer["daily_cap"] == await today("Asia/Tokyo") + 5
    await play(sandbox, {"name": "lift_cap", "offer_id": CAPPED_OFFER})
    assert (await client.call("offers.get", id=CAPPED_OFFER)).data[
        "conversion_cap_enabled"
    ] is False


# --- domain_trouble / domain_fixed ---------------------------------------------------------


async def domain(client: KeitaroClient, domain_id: int) -> dict[str, Any]:
    listed = (await client.call("domains.list")).data
    return next(d for d in listed if d["id"] == domain_id)


async def check(client: KeitaroClient, domain_id: int) -> dict[str, Any]:
    [checked] = (await client.call("domains.check", id=domain_id)).data
    return checked


def without_times(entity: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entity.items() if k != "updated_at"}


async def test_a_domain_in_dns_trouble_fails_its_check_until_fixed(timed: Timed) -> None:
    sandbox, client = timed.sandbox, timed.client
    healthy = await check(client, 2)
    assert healthy["network_status"] == "active" and healthy["error_description"] is None

    sandbox.scenarios.domain_trouble(2, "error")
    shown = await domain(client, 2)
    assert shown["network_status"] == "error"
    assert "does not point to the tracker" in shown["error_description"]
    assert shown["ssl_status"] == "issued"  # the certificate is another matter
    retries = shown["check_retries"]
    checked = await check(client, 2)
    assert checked["network_status"] == "error" and checked["check_retries"] == retries + 1
    assert checked["error_description"] == shown["error_description"]
    assert (await domain(client, 1))["network_status"] == "active"  # the others are fine

    sandbox.scenarios.domain_fixed(2)
    assert without_times(await domain(client, 2)) == without_times(healthy)
    assert (await check(client, 2))["network_status"] == "active"


async def test_ssl_trouble_and_an_expiring_certificate_show_in_the_list_and_the_check(
    timed: Timed,
) -> None:
    sandbox, client, clock = timed.sandbox, timed.client, timed.clock
    healthy = await domain(client, 3)
    assert SSL_EXPIRY_FIELD not in healthy

    sandbox.scenarios.domain_trouble(3, "ssl")
    for shown in (await domain(client, 3), await check(client, 3)):
        assert shown["is_ssl"] is True and shown["ssl_status"] == "error"
        assert shown["network_status"] == "active"

    answer = await play(sandbox, {"name": "domain_trouble", "domain_id": 3, "kind": "expiring"})
    assert answer.status_code == 200 and answer.json()["troubles"] == ["expiring"]
    expires = stamp(clock.now + timedelta(days=3))
    for shown in (await domain(client, 3), await check(client, 3)):
        assert shown["ssl_status"] == "issued" and shown[SSL_EXPIRY_FIELD] == expires
        assert shown["network_status"] == "active"

    answer = await play(sandbox, {"name": "domain_fixed", "domain_id": 3})
    assert answer.status_code == 200
    assert without_times(await domain(client, 3)) == without_times(healthy)


# --- down / up -----------------------------------------------------------------------------


async def test_down_5xx_fails_every_call_until_up(timed: Timed) -> None:
    sandbox, client = timed.sandbox, timed.client
    assert (await client.call("campaigns.list")).success
    sandbox.scenarios.down("5xx")
    for action in ("campaigns.list", "offers.list"):
        with pytest.raises(errors.ServerError) as caught:
            await client.call(action)
        assert caught.value.status_code == 500
    with pytest.raises(errors.ServerError):
        await client.call("campaigns.disable", id=1)
    assert sandbox.state.campaigns.get(1)["state"] == "active"  # a down tracker changes nothing
    assert sandbox.scenarios.up() == {"down": "", "was": "5xx"}
    assert len((await client.call("campaigns.list")).data) > 0


async def test_down_revoked_refuses_every_key_like_a_wrong_one(
    timed: Timed, pool: HttpPool
) -> None:
    sandbox, client = timed.sandbox, timed.client
    wrong = KeitaroClient(sandbox.url, "not-the-key-0000000000", pool=pool)
    with pytest.raises(errors.AuthenticationError) as refused:
        await wrong.call("campaigns.list")
    sandbox.scenarios.down("revoked")
    restricted = KeitaroClient(sandbox.url, RESTRICTED_KEY, pool=pool)
    for key_client in (client, restricted):
        with pytest.raises(errors.AuthenticationError) as caught:
            await key_client.call("campaigns.list")
        assert caught.value.status_code == 401
        assert caught.value.result is not None and refused.value.result is not None
        assert caught.value.result.data == refused.value.result.data
    sandbox.scenarios.up()
    assert (await client.call("campaigns.list")).success
    assert (await restricted.call("campaigns.list")).success


async def test_down_timeout_makes_calls_time_out_and_up_answers_the_held_ones(
    timed: Timed, pool: HttpPool
) -> None:
    sandbox = timed.sandbox
    impatient = KeitaroClient(sandbox.url, API_KEY, pool=pool, retries=0, deadline=0.4)
    sandbox.scenarios.down("timeout")
    started = time.perf_counter()
    with pytest.raises(errors.TrackerTimeoutError):
        await impatient.call("campaigns.list")
    assert time.perf_counter() - started < 3

    patient = KeitaroClient(sandbox.url, API_KEY, pool=pool, retries=0, deadline=10)
    held = asyncio.create_task(patient.call("offers.list"))
    await asyncio.sleep(0.3)
    assert not held.done()
    sandbox.scenarios.up()
    result = await asyncio.wait_for(held, 3)
    assert len(result.data) == 15


async def test_a_sandbox_down_by_timeout_still_stops_at_once(timed: Timed, pool: HttpPool) -> None:
    sandbox = timed.sandbox
    patient = KeitaroClient(sandbox.url, API_KEY, pool=pool, retries=0, deadline=10)
    sandbox.scenarios.down("timeout")
    held = asyncio.create_task(patient.call("campaigns.list"))
    await asyncio.sleep(0.2)
    started = time.perf_counter()
    await sandbox.stop()
    assert time.perf_counter() - started < 3
    with pytest.raises(errors.KeitaroError):
        await asyncio.wait_for(held, 3)


# --- the HTTP endpoint ---------------------------------------------------------------------


async def test_down_and_up_over_http(timed: Timed) -> None:
    sandbox, client = timed.sandbox, timed.client
    answer = await play(sandbox, {"name": "down", "kind": "5xx"})
    assert answer.json() == {"ok": True, "name": "down", "down": "5xx"}
    with pytest.raises(errors.ServerError):
        await client.call("offers.list")
    answer = await play(sandbox, {"name": "down"})  # the default kind; the endpoint still works
    assert answer.status_code == 200 and sandbox.faults.down == "5xx"
    answer = await play(sandbox, {"name": "up"})
    assert answer.json() == {"ok": True, "name": "up", "down": "", "was": "5xx"}
    assert (await client.call("offers.list")).success


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"name": "landslide"}, "Unknown scenario 'landslide'"),
        ({"campaign_id": 1}, '"name"'),
        (["losing"], '"name"'),
        ({"name": "losing"}, "needs campaign_id"),
        ({"name": "losing", "campaign_id": "1"}, "'campaign_id' must be an integer"),
        ({"name": "losing", "campaign_id": True}, "'campaign_id' must be an integer"),
        ({"name": "losing", "campaign_id": 999}, "No campaign 999"),
        ({"name": "losing", "campaign_id": 23}, "archived"),
        ({"name": "losing", "campaign_id": 1, "clicks": 0}, "clicks"),
        ({"name": "losing", "campaign_id": 1, "cost": "cheap"}, "'cost' must be a number"),
        ({"name": "losing", "campaign_id": 1, "budget": 5}, "unknown: budget"),
        ({"name": "steady", "campaign_id": 1, "per_minute": -1}, "per_minute"),
        ({"name": "silence"}, "campaign_id or traffic_source_id"),
        ({"name": "silence", "traffic_source_id": 99}, "No traffic source 99"),
        ({"name": "near_cap", "offer_id": 99}, "No offer 99"),
        ({"name": "near_cap", "offer_id": 1, "left": -1}, "left"),
        ({"name": "domain_trouble", "domain_id": 1, "kind": "flood"}, "kind must be one of"),
        ({"name": "domain_trouble", "domain_id": 99, "kind": "ssl"}, "No domain 99"),
        ({"name": "down", "kind": "meltdown"}, "kind must be one of"),
        ({"name": "up", "kind": "5xx"}, "unknown: kind"),
    ],
)
async def test_the_endpoint_refuses_what_it_cannot_play(
    timed: Timed, body: Any, message: str
) -> None:
    sandbox = timed.sandbox
    clicks = len(sandbox.state.clicks)
    answer = await play(sandbox, body)
    assert answer.status_code == 400
    assert message in answer.json()["error"]
    assert len(sandbox.state.clicks) == clicks and sandbox.faults.down == ""


async def test_the_endpoint_is_not_on_an_admin_api_path(timed: Timed) -> None:
    sandbox = timed.sandbox
    async with httpx.AsyncClient(timeout=10) as http:
        not_json = await http.post(f"{sandbox.url}/_sandbox/scenario", content=b"{oops")
        assert not_json.status_code == 400
        keyed = await http.post(
            f"{sandbox.admin_url}/_sandbox/scenario",
            json={"name": "down", "kind": "5xx"},
            headers={"Api-Key": API_KEY},
        )
        assert keyed.status_code == 400 and "does not match any route" in keyed.json()["error"]
        keyless = await http.post(
            f"{sandbox.admin_url}/_sandbox/scenario", json={"name": "down", "kind": "5xx"}
        )
        assert keyless.status_code == 401
        listed = await http.get(f"{sandbox.url}/_sandbox/scenario")
    assert sandbox.faults.down == ""
    assert list(listed.json()["scenarios"]) == list(SCENARIOS) == list(sandbox.scenarios.names())
    assert set(SCENARIOS) == {
        "losing", "recover", "steady", "silence", "resume_traffic", "near_cap", "lift_cap",
        "domain_trouble", "domain_fixed", "down", "up",
    }  # fmt: skip
    assert all(line.strip() for line in SCENARIOS.values())
    assert f"{sandbox.url}/_sandbox/scenario" in banner(sandbox)
