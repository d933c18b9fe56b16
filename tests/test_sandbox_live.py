"""The sandbox's live side: injected conversions, late recording, status changes, the
``/_sandbox/conversions`` control endpoint and the live traffic generator, seen through the
conversion log and reports as a live feed polling by postback time would see them."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from keitaro import KeitaroClient
from keitaro.sandbox import Sandbox, Store
from keitaro.sandbox.__main__ import _parser, banner
from keitaro.sandbox.live import LiveTraffic
from keitaro.sandbox.seed import seed_store
from keitaro.transport import HttpPool
from tests.conftest import API_KEY, POSTBACK_KEY, RESTRICTED_KEY

START = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
COLUMNS = [
    "conversion_id",
    "sub_id",
    "status",
    "previous_status",
    "original_status",
    "revenue",
    "campaign_id",
    "campaign",
    "country_code",
    "offer_id",
    "ts_id",
    "sub_id_1",
    "postback_datetime",
    "click_datetime",
    "sale_datetime",
]


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
    """A small sandbox on a clock the test moves, and a client for it."""
    clock = Clock()
    sandbox = Sandbox(
        api_key=API_KEY,
        restricted_key=RESTRICTED_KEY,
        postback_key=POSTBACK_KEY,
        clicks=1_000,
        now=clock,
    )
    await sandbox.start()
    client = KeitaroClient(sandbox.url, API_KEY, postback_key=POSTBACK_KEY, pool=pool)
    yield Timed(sandbox, client, clock)
    await sandbox.stop()


def stamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def around(now: datetime, before: float = 3600, after: float = 3600) -> dict[str, str]:
    return {
        "from": stamp(now - timedelta(seconds=before)),
        "to": stamp(now + timedelta(seconds=after)),
        "timezone": "UTC",
    }


async def log(client: KeitaroClient, range_: dict[str, str], **extra: Any) -> dict[str, Any]:
    extra.setdefault("limit", 10_000)
    result = await client.call("conversions.log", range=range_, columns=COLUMNS, **extra)
    return result.data


async def rows_by_id(client: KeitaroClient, range_: dict[str, str]) -> dict[int, dict]:
    return {row["conversion_id"]: row for row in (await log(client, range_))["rows"]}


async def campaign_counts(
    client: KeitaroClient, campaign_id: int, now: datetime
) -> dict[str, float]:
    result = await client.call(
        "reports.build",
        range=around(now),
        dimensions=["campaign_id"],
        measures=["conversions", "leads", "sales", "revenue"],
        filters=[{"name": "campaign_id", "operator": "EQUALS", "expression": campaign_id}],
    )
    [row] = result.data["rows"] or [{}]
    return {name: row.get(name, 0) for name in ("conversions", "leads", "sales", "revenue")}


# --- injected conversions ------------------------------------------------------------------


async def test_an_injected_conversion_shows_in_the_log(
    sandbox: Sandbox, client: KeitaroClient
) -> None:
    made = sandbox.inject(campaign_id=3, status="sale", revenue=42.5)
    rows = await rows_by_id(client, around(datetime.now(UTC)))
    row = rows[made.id]
    assert row["status"] == "sale" and row["revenue"] == 42.5
    assert row["campaign_id"] == 3 and row["campaign"] == "FB | IT | Hondrox"
    assert row["sub_id"] == made.click.sub_id
    # a click like the seeded ones: a country, a source, an offer, the ad's sub_id_1
    assert row["country_code"] and row["offer_id"] and row["ts_id"] == 1 and row["sub_id_1"]
    assert row["click_datetime"] < row["postback_datetime"] == row["sale_datetime"]
    clicks = await client.call(
        "clicks.log",
        range=around(datetime.now(UTC)),
        columns=["sub_id", "campaign_id", "is_sale"],
        filters=[{"name": "sub_id", "operator": "EQUALS", "expression": made.click.sub_id}],
        limit=10,
    )
    assert clicks.data["rows"] == [{"sub_id": made.click.sub_id, "campaign_id": 3, "is_sale": True}]


async def test_a_custom_status_is_kept_and_the_revenue_defaults_to_the_payout(
    sandbox: Sandbox, client: KeitaroClient
) -> None:
    first = sandbox.inject(campaign_id=1, status="lead")  # Keto Burn | DE: payout 38
    second = sandbox.inject(sub_id=first.click.sub_id, status="deposit", revenue=150.0)
    rows = await rows_by_id(client, around(datetime.now(UTC)))
    assert rows[first.id]["status"] == "lead" and rows[first.id]["revenue"] == 38.0
    assert rows[second.id]["status"] == "deposit" and rows[second.id]["revenue"] == 150.0
    assert rows[second.id]["sub_id"] == rows[first.id]["sub_id"]
    assert second.id > first.id


async def test_a_late_conversion_shows_only_once_recorded(timed: Timed) -> None:
    sandbox, client, clock = timed.sandbox, timed.client, timed.clock
    before = await campaign_counts(client, 6, clock.now)
    at = clock.now - timedelta(seconds=10)
    made = sandbox.inject(
        campaign_id=6,
        status="sale",
        revenue=20.0,
        at=at,
        visible_at=clock.now + timedelta(seconds=60),
    )
    assert made.id not in await rows_by_id(client, around(clock.now))
    assert await campaign_counts(client, 6, clock.now) == before
    clock.advance(59)
    assert made.id not in await rows_by_id(client, around(clock.now))
    clock.advance(1)
    row = (await rows_by_id(client, around(clock.now)))[made.id]
    assert row["postback_datetime"] == stamp(at)  # the postback's time, not the recording's
    assert row["status"] == "sale" and row["revenue"] == 20.0
    after = await campaign_counts(client, 6, clock.now)
    assert after["sales"] == before["sales"] + 1
    assert after["revenue"] == pytest.approx(before["revenue"] + 20.0)


async def test_a_status_change_records_the_previous_status(timed: Timed) -> None:
    sandbox, client, clock = timed.sandbox, timed.client, timed.clock
    lead = sandbox.inject(campaign_id=1, status="lead", revenue=30.0)
    clock.advance(300)
    sandbox.change_status(lead.id, "sale")
    row = (await rows_by_id(client, around(clock.now)))[lead.id]
    assert row["status"] == "sale" and row["previous_status"] == "lead"
    assert row["postback_datetime"] == row["sale_datetime"] == stamp(clock.now)
    assert row["revenue"] == 30.0
    clock.advance(60)
    sandbox.change_status(lead.id, "rejected", revenue=0.0)  # a chargeback
    row = (await rows_by_id(client, around(clock.now)))[lead.id]
    assert row["status"] == "rejected" and row["previous_status"] == "sale"
    assert row["sale_datetime"] == stamp(clock.now - timedelta(seconds=60))


async def test_a_change_not_recorded_yet_keeps_the_old_status(timed: Timed) -> None:
    sandbox, client, clock = timed.sandbox, timed.client, timed.clock
    sale = sandbox.inject(campaign_id=2, status="sale", revenue=22.0)
    sold_at = stamp(clock.now)
    counts = await campaign_counts(client, 2, clock.now)
    clock.advance(120)
    # a later lead overwrites the sale, recorded two minutes after its postback
    sandbox.change_status(sale.id, "lead", visible_at=clock.now + timedelta(seconds=120))
    clock.advance(60)
    row = (await rows_by_id(client, around(clock.now)))[sale.id]
    assert row["status"] == "sale" and row["previous_status"] == ""
    assert row["postback_datetime"] == sold_at
    assert await campaign_counts(client, 2, clock.now) == counts
    clock.advance(60)
    row = (await rows_by_id(client, around(clock.now)))[sale.id]
    assert row["status"] == "lead" and row["previous_status"] == "sale"
    assert row["postback_datetime"] == stamp(clock.now - timedelta(seconds=120))
    later = await campaign_counts(client, 2, clock.now)
    assert later["sales"] == counts["sales"] - 1 and later["leads"] == counts["leads"] + 1


async def test_changes_show_in_the_order_they_are_recorded(timed: Timed) -> None:
    sandbox, client, clock = timed.sandbox, timed.client, timed.clock
    soon = clock.now + timedelta(seconds=30)
    lead = sandbox.inject(campaign_id=4, status="lead", visible_at=soon)
    sandbox.change_status(lead.id, "sale", visible_at=soon + timedelta(seconds=30))

    async def status() -> str | None:
        row = (await rows_by_id(client, around(clock.now))).get(lead.id)
        return None if row is None else row["status"]

    assert await status() is None
    clock.advance(30)
    assert await status() == "lead"
    clock.advance(30)
    assert await status() == "sale"


# --- the control endpoint ------------------------------------------------------------------


async def post_events(sandbox: Sandbox, body: Any) -> httpx.Response:
    async with httpx.AsyncClient() as http:
        return await http.post(f"{sandbox.url}/_sandbox/conversions", json=body)


async def test_the_control_endpoint_injects_and_changes_conversions(
    sandbox: Sandbox, client: KeitaroClient
) -> None:
    click = next(c for c in reversed(sandbox.state.clicks) if not c.is_bot and c.offer_id)
    answer = await post_events(
        sandbox,
        {
            "events": [
                {"campaign_id": 8, "status": "lead", "revenue": 18, "seconds_ago": 120},
                {"sub_id": click.sub_id, "status": "deposit", "revenue": 5.5},
                {"status": "sale", "visible_in": 3600},
            ]
        },
    )
    assert answer.status_code == 200
    lead, deposit, late = answer.json()["conversions"]
    assert lead["campaign_id"] == 8 and lead["status"] == "lead" and lead["revenue"] == 18
    assert deposit["sub_id"] == click.sub_id and deposit["campaign_id"] == click.campaign_id
    rows = await rows_by_id(client, around(datetime.now(UTC)))
    assert rows[lead["conversion_id"]]["sub_id"] == lead["sub_id"]
    posted = datetime.strptime(
        rows[lead["conversion_id"]]["postback_datetime"], "%Y-%m-%d %H:%M:%S"
    )
    ago = datetime.now(UTC) - posted.replace(tzinfo=UTC)
    assert timedelta(seconds=115) < ago < timedelta(seconds=130)
    assert rows[deposit["conversion_id"]]["status"] == "deposit"
    assert late["conversion_id"] not in rows  # recorded in an hour

    answer = await post_events(
        sandbox, {"events": [{"conversion_id": lead["conversion_id"], "status": "sale"}]}
    )
    assert answer.status_code == 200
    [changed] = answer.json()["conversions"]
    assert changed["conversion_id"] == lead["conversion_id"] and changed["status"] == "sale"
    row = (await rows_by_id(client, around(datetime.now(UTC))))[lead["conversion_id"]]
    assert row["status"] == "sale" and row["previous_status"] == "lead"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([{"status": "sale"}], "events"),
        ({"conversions": []}, "events"),
        ({"events": ["sale"]}, "must be an object"),
        ({"events": [{"campaign_id": 1}]}, '"status"'),
        ({"events": [{"campaign_id": 1, "status": "sale", "payout": 3}]}, "payout"),
        ({"events": [{"campaign_id": 999, "status": "sale"}]}, "no campaign 999"),
        ({"events": [{"sub_id": "nope", "status": "sale"}]}, "nope"),
        ({"events": [{"conversion_id": 10**9, "status": "sale"}]}, "no conversion"),
        ({"events": [{"conversion_id": 1, "sub_id": "x", "status": "sale"}]}, "sub_id"),
        ({"events": [{"campaign_id": 1, "status": "sale", "revenue": "ten"}]}, '"revenue"'),
        ({"events": [{"campaign_id": 1, "status": "sale", "seconds_ago": -5}]}, "negative"),
        ({"events": [{"campaign_id": True, "status": "sale"}]}, '"campaign_id"'),
    ],
)
async def test_the_control_endpoint_rejects_a_bad_body(
    sandbox: Sandbox, body: Any, message: str
) -> None:
    count = len(sandbox.state.conversions)
    # a good event first: a bad one anywhere in the body makes nothing at all
    if isinstance(body, dict) and isinstance(body.get("events"), list):
        body = {"events": [{"campaign_id": 1, "status": "sale"}, *body["events"]]}
    answer = await post_events(sandbox, body)
    assert answer.status_code == 400
    assert message in answer.json()["error"]
    assert len(sandbox.state.conversions) == count


async def test_the_control_endpoint_rejects_a_body_that_is_not_json(sandbox: Sandbox) -> None:
    async with httpx.AsyncClient() as http:
        answer = await http.post(f"{sandbox.url}/_sandbox/conversions", content=b"{oops")
    assert answer.status_code == 400 and answer.json()["error"]


# --- paging a window by postback time ------------------------------------------------------


async def test_paging_a_window_by_postback_time_returns_every_conversion_once(
    timed: Timed,
) -> None:
    sandbox, client, clock = timed.sandbox, timed.client, timed.clock
    rng = random.Random(5)
    start = clock.now + timedelta(seconds=1)
    made: set[int] = set()
    for _ in range(120):  # many share a second: paging must not lose or repeat them
        at = start + timedelta(seconds=rng.randrange(600) + rng.random())
        made.add(sandbox.inject(status=rng.choice(["lead", "sale"]), at=at).id)
    clock.advance(700)
    seen: list[int] = []
    times: list[str] = []
    for window in range(10):  # ten one-minute windows, each paged 7 rows at a time
        lo = start + timedelta(seconds=60 * window)
        range_ = {
            "from": stamp(lo),
            "to": stamp(lo + timedelta(seconds=59)),
            "timezone": "UTC",
        }
        offset = 0
        while True:
            page = await log(
                client,
                range_,
                limit=7,
                offset=offset,
                sort=[{"name": "postback_datetime", "order": "ASC"}],
            )
            seen += [row["conversion_id"] for row in page["rows"]]
            times += [row["postback_datetime"] for row in page["rows"]]
            offset += 7
            if offset >= page["total"]:
                break
    assert len(seen) == len(set(seen)) and set(seen) == made
    assert times == sorted(times)


# --- live traffic --------------------------------------------------------------------------


def simulate(seed: int, minutes: int = 30, rate: float = 10) -> tuple[Store, int, Clock]:
    """A store with live traffic stepped every simulated second for ``minutes``; also the
    number of conversions before it started."""
    clock = Clock()
    store = Store(now=clock)
    seed_store(store, clicks=1_000)
    before = len(store.conversions)
    traffic = LiveTraffic(store, random.Random(seed), rate)
    for _ in range(minutes * 60):
        clock.advance(1)
        traffic.step()
    return store, before, clock


def history(store: Store, before: int) -> list[tuple[Any, ...]]:
    return [
        (v.id, v.click.sub_id, v.click.campaign_id, v.status, v.previous_status, v.revenue,
         v.postback_ts, v.visible_ts)
        for v in store.conversions[before:]
    ]  # fmt: skip


def test_live_traffic_is_deterministic_for_a_seed() -> None:
    one, before, _ = simulate(seed=11, minutes=10)
    two, _, _ = simulate(seed=11, minutes=10)
    other, _, _ = simulate(seed=12, minutes=10)
    assert history(one, before) == history(two, before)
    assert [c.sub_id for c in one.clicks] == [c.sub_id for c in two.clicks]
    assert history(one, before) != history(other, before)


async def test_live_traffic_looks_like_a_real_feed(pool: HttpPool) -> None:
    """30 minutes at 10 a minute, polled every 10 simulated seconds as a feed would."""
    clock = Clock()
    sandbox = Sandbox(api_key=API_KEY, clicks=1_000, now=clock)
    await sandbox.start()
    try:
        client = KeitaroClient(sandbox.url, API_KEY, pool=pool)
        store = sandbox.state
        before = len(store.conversions)
        clicks_before = len(store.clicks)
        traffic = LiveTraffic(store, random.Random(3), 10)
        first_seen: dict[int, datetime] = {}
        statuses: dict[int, list[str]] = {}
        window = {"from": stamp(START), "to": stamp(START + timedelta(hours=1)), "timezone": "UTC"}
        for second in range(1, 30 * 60 + 1):
            clock.advance(1)
            traffic.step()
            if second % 10 == 0:
                for row in (await log(client, window))["rows"]:
                    first_seen.setdefault(row["conversion_id"], clock.now)
                    shown = statuses.setdefault(row["conversion_id"], [])
                    if not shown or shown[-1] != row["status"]:
                        shown.append(row["status"])
        clock.advance(600)  # every late recording is in by now
        final = await rows_by_id(client, window)
    finally:
        await sandbox.stop()

    made = store.conversions[before:]
    assert 240 <= len(made) <= 360
    assert 20 * len(made) <= len(store.clicks) - clicks_before <= 40 * len(made)
    assert set(final) == {v.id for v in made}
    first = [statuses.get(i, [row["status"]])[0] for i, row in final.items()]
    share = {s: first.count(s) / len(first) for s in ("lead", "sale", "rejected")}
    assert (
        0.4 < share["lead"] < 0.7 and 0.2 < share["sale"] < 0.5 and 0.03 < share["rejected"] < 0.2
    )
    # some were recorded late: first in the log well after their postback time
    late = [
        i
        for i, seen in first_seen.items()
        if seen
        - datetime.strptime(final[i]["postback_datetime"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        > timedelta(seconds=30)
    ]
    assert 0.1 * len(made) < len(late) < 0.35 * len(made)
    # some leads changed status later; the feed saw both states
    moves = {tuple(s) for s in statuses.values() if len(s) > 1}
    assert ("lead", "sale") in moves and ("lead", "rejected") in moves
    assert any(m[:3] == ("lead", "sale", "lead") for m in moves)  # a sale overwritten
    changed = [row for row in final.values() if row["previous_status"]]
    assert 0.05 * len(made) < len(changed) < 0.3 * len(made)
    assert all(row["status"] != row["previous_status"] for row in changed)


async def test_a_live_sandbox_makes_traffic_until_stopped() -> None:
    sandbox = Sandbox(api_key=API_KEY, clicks=500, live=1_200)  # 20 a second
    before = len(sandbox.state.conversions)
    await sandbox.start()
    try:
        for _ in range(40):
            await asyncio.sleep(0.1)
            if len(sandbox.state.conversions) > before:
                break
        assert len(sandbox.state.conversions) > before
    finally:
        await sandbox.stop()
    stopped = len(sandbox.state.conversions)
    await asyncio.sleep(1.2)
    assert len(sandbox.state.conversions) == stopped


async def test_the_command_line_turns_live_traffic_on(sandbox: Sandbox) -> None:
    assert _parser().parse_args(["--live", "2.5"]).live == 2.5
    assert _parser().parse_args([]).live == 0
    with pytest.raises(SystemExit):
        _parser().parse_args(["--live", "-1"])
    text = banner(sandbox)
    assert f"{sandbox.url}/_sandbox/conversions" in text and "off" in text
    live = Sandbox(clicks=100, live=2.5)
    await live.start()
    try:
        assert "about 2.5 conversions a minute" in banner(live)
    finally:
        await live.stop()
