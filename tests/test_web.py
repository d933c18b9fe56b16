"""The bot's web server on loopback: Telegram's webhook (refused without its secret token),
Keitaro's S2S postbacks into the live feed (once, whichever of the postback and the poller
sees the conversion first; 404 for a wrong or an old address; rate-limited), /healthz and
/metrics, driven over real HTTP against the real Dispatcher and the sandbox tracker."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import httpx
import pytest

from bot.emulator import make_user
from bot.handlers.live.postback import postback_url
from bot.live.instant import COUNTS
from bot.web.server import WEBHOOK_PATH, WebServer, build_app
from keitaro.sandbox.store import Conversion
from storage import Database
from tests.bot_world import BotWorld
from tests.live_world import Clock, Live, live_user, texts

SECRET = "webhook-secret-for-tests_0123456789"


@dataclass
class Served:
    world: BotWorld
    server: WebServer
    http: httpx.AsyncClient

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.bound_port}"


@pytest.fixture
async def served(any_world: BotWorld) -> AsyncIterator[Served]:
    """The web server of a bot on SQLite, then of one on PostgreSQL."""
    world = any_world
    world.bot.session.middleware(world.services.telegram_calls)
    app, _handler = build_app(world.services, world.bot, world.dp, webhook_secret=SECRET)
    server = WebServer(app, "127.0.0.1:0")
    await server.start()
    async with httpx.AsyncClient(timeout=10) as http:
        yield Served(world, server, http)
    await server.close()


def fill_macros(template: str, conversion: Conversion) -> str:
    """What Keitaro does to a campaign's S2S postback URL when it sends it."""
    click = conversion.click
    values = {
        "subid": click.sub_id, "status": conversion.status,
        "payout": f"{conversion.revenue:.2f}", "currency": conversion.currency,
        "tid": conversion.tid or "", "campaign_id": str(click.campaign_id),
        "country": click.country_code, "offer_id": str(click.offer_id or ""),
    }  # fmt: skip
    # a macro Keitaro does not fill stays as written, as it does on a real tracker
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


async def s2s_address(served: Served, live: Live) -> str:
    token = await served.world.services.trackers.s2s_token(live.user.user["id"], live.tracker_id)
    assert token is not None
    return postback_url(served.base, token)


# ----- the webhook ---------------------------------------------------------------------------


async def test_the_webhook_refuses_updates_without_the_secret_and_answers_with_it(
    served: Served,
) -> None:
    telegram = served.world.telegram
    anna = make_user(7001, "Anna", "en")
    url = served.base + WEBHOOK_PATH
    for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
        update = telegram.message_update(anna, "/help")
        answer = await served.http.post(url, json=update, headers=headers)
        assert answer.status_code == 401
    await asyncio.sleep(0.2)
    assert telegram.messages(7001) == [m for m in telegram.messages(7001) if "from" in m]

    update = telegram.message_update(anna, "/help")
    answer = await served.http.post(
        url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
    )
    assert answer.status_code == 200
    for _ in range(100):  # handled in the background once Telegram has its 200
        replies = [m for m in telegram.messages(7001) if "from" not in m or m["from"]["is_bot"]]
        if replies:
            break
        await asyncio.sleep(0.05)
    assert replies and "/stats" in replies[-1]["text"]


# ----- health and metrics --------------------------------------------------------------------


async def test_healthz_says_what_fails(served: Served) -> None:
    answer = await served.http.get(served.base + "/healthz")
    assert answer.status_code == 503  # Telegram not reached by this process yet
    assert answer.json()["checks"]["telegram"].startswith("failing")
    assert answer.json()["checks"]["database"] == "ok"

    await served.world.bot.get_me()
    answer = await served.http.get(served.base + "/healthz")
    assert answer.status_code == 200 and answer.json()["status"] == "ok"

    await served.world.services.db.close()  # the database goes away
    answer = await served.http.get(served.base + "/healthz")
    assert answer.status_code == 503
    assert answer.json()["checks"]["database"].startswith("failing")
    served.world.services.db = await Database.open(served.world.settings.database_target)


async def test_metrics_count_updates_and_tracker_calls(served: Served) -> None:
    def sample(text: str, name: str, **labels: str) -> float:
        wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
        for line in text.splitlines():
            if line.startswith(f"{name}{{{wanted}}}"):
                return float(line.rsplit(" ", 1)[1])
        return 0.0

    before = (await served.http.get(served.base + "/metrics")).text
    user = await served.world.connected_user(7002)
    await user.send("/stats")
    after = await served.http.get(served.base + "/metrics")
    assert after.headers["content-type"].startswith("text/plain")
    handled = sample(after.text, "kbot_updates_total", type="message", outcome="handled")
    assert handled >= sample(before, "kbot_updates_total", type="message", outcome="handled") + 2
    calls = sample(after.text, "kbot_tracker_calls_total", action="reports.build", outcome="ok")
    assert calls > sample(before, "kbot_tracker_calls_total", action="reports.build", outcome="ok")
    assert "kbot_update_seconds_bucket" in after.text
    assert "kbot_tracker_call_seconds_bucket" in after.text


# ----- S2S postbacks -------------------------------------------------------------------------


async def test_a_postback_notifies_at_once_and_the_poller_does_not_repeat_it(
    served: Served,
) -> None:
    clock = Clock()
    live = await live_user(served.world, clock)
    await live.turn_on()
    await live.tick()
    address = await s2s_address(served, live)
    before = len(live.user.messages)

    sale = served.world.sandbox.inject(campaign_id=1, status="sale", revenue=45.0, at=clock())
    answer = await served.http.get(fill_macros(address, sale))
    assert answer.status_code == 200
    [text] = texts(live.user, before)
    assert text.startswith("💰 Sale +$45.00") and sale.click.sub_id in text
    assert "{" not in text  # macros Keitaro left unfilled are not shown

    for _ in range(3):  # the poller reads the same conversion: told already
        await live.tick()
    again = await served.http.get(fill_macros(address, sale))  # Keitaro retrying
    assert again.status_code == 200
    assert len(live.user.messages) == before + 1

    sale.status = "rejected"  # a status change by postback replies to the first message
    served.world.sandbox.change_status(sale.id, "rejected")
    await served.http.get(fill_macros(address, sale))
    [change] = texts(live.user, before + 1)
    assert "Sale → Rejected" in change or "sale → rejected" in change.lower()
    assert live.user.messages[-1].get("reply_to_message")


async def test_what_the_poller_told_first_is_not_told_again_by_a_late_postback(
    served: Served,
) -> None:
    clock = Clock()
    live = await live_user(served.world, clock)
    await live.turn_on()
    await live.tick()
    address = await s2s_address(served, live)
    before = len(live.user.messages)
    sale = served.world.sandbox.inject(campaign_id=1, status="sale", revenue=12.0, at=clock())
    await live.tick()
    assert len(live.user.messages) == before + 1
    answer = await served.http.get(fill_macros(address, sale))
    assert answer.status_code == 200
    assert len(live.user.messages) == before + 1


async def test_wrong_and_old_addresses_are_404_and_say_nothing(served: Served) -> None:
    clock = Clock()
    live = await live_user(served.world, clock)
    await live.turn_on()
    address = await s2s_address(served, live)
    path = urlsplit(address).path
    unknown = await served.http.get(served.base + "/no/such/page")
    wrong = await served.http.get(served.base + "/s2s/" + "x" * 32 + "?subid=a&status=sale")
    short = await served.http.get(served.base + "/s2s/abc")
    for answer in (wrong, short):
        assert answer.status_code == 404 and answer.text == unknown.text

    new = await served.world.services.trackers.new_s2s_token(live.user.user["id"], live.tracker_id)
    assert new is not None and new not in path
    old = await served.http.get(served.base + path + "?subid=a&status=sale")
    assert old.status_code == 404 and old.text == unknown.text
    fresh = await served.http.get(f"{served.base}/s2s/{new}?subid=a&status=sale")
    assert fresh.status_code == 200


async def test_an_address_is_rate_limited(served: Served) -> None:
    clock = Clock()
    live = await live_user(served.world, clock)
    address = await s2s_address(served, live)  # the feed is off: postbacks change nothing
    limit = served.world.settings.s2s_rate * 5
    codes = [
        (await served.http.get(address.split("?")[0] + f"?subid=c{n}&status=lead")).status_code
        for n in range(int(limit) + 10)
    ]
    assert codes.count(200) >= limit and 429 in codes
    assert COUNTS["rate_limited"] >= 1


async def test_live_shows_the_address_with_its_macros(served: Served) -> None:
    served.world.settings.public_url = "https://bot.example.com"
    clock = Clock()
    live = await live_user(served.world, clock)
    await live.user.send("/live")
    screen = await live.user.click("⚡ Instant (S2S postback)")
    assert "https://bot.example.com/s2s/" in screen.text
    for macro in ("{subid}", "{status}", "{payout}", "{currency}", "{campaign_id}"):
        assert macro in screen.text
    token = re.search(r"/s2s/([\w-]+)\?", screen.text)
    assert token is not None
    await live.user.click("🔄 New address")
    renewed = await live.user.click("🔄 Yes, a new address")
    assert "no longer works" in renewed.text and token.group(1) not in renewed.text


async def test_a_postback_told_just_before_quiet_hours_is_not_in_their_summary(
    served: Served,
) -> None:
    # tomorrow: the sandbox's own conversions are all before now, none in the evening watched
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    clock = Clock(tomorrow.replace(hour=21, minute=58, second=30, microsecond=0))
    live = await live_user(served.world, clock)
    await live.turn_on(quiet={"from": "22:00", "to": "07:00"})  # the user's zone is UTC
    await live.tick()
    address = await s2s_address(served, live)
    before = len(live.user.messages)
    sale = served.world.sandbox.inject(campaign_id=1, status="sale", revenue=30.0, at=clock())
    assert (await served.http.get(fill_macros(address, sale))).status_code == 200
    assert len(live.user.messages) == before + 1
    await live.tick(60)  # 22:00: the poller reads it in quiet hours, told already
    await live.tick(9 * 3600 + 60)  # 07:01: what the quiet hours held is summarised
    assert len(live.user.messages) == before + 1, texts(live.user, before)


async def test_a_postback_send_that_waited_past_the_lease_gives_way_to_the_poller(
    served: Served,
) -> None:
    """The poller takes a postback's stale claim over; the postback's send, renewing its
    claim before it goes, then finds it gone and sends nothing."""
    clock = Clock()
    live = await live_user(served.world, clock)
    repo = served.world.services.live
    row = {"sub_id": "abc123"}
    assert await repo.claim_instant(live.tracker_id, "abc123", "sale", "", now=clock(), data=row)
    assert await repo.renew_instant(live.tracker_id, "abc123", "sale", "", clock())
    later = clock() + timedelta(minutes=3)
    assert await repo.claim(
        live.tracker_id, 77, "sale", state="claimed", postback_at=clock(), revenue=1.0,
        data={}, now=later, click_id="abc123", instant_lease=timedelta(minutes=2),
    )  # fmt: skip
    assert not await repo.renew_instant(live.tracker_id, "abc123", "sale", "", later)


async def test_a_stopping_webhook_answers_503_so_telegram_delivers_again(
    any_world: BotWorld,
) -> None:
    app, handler = build_app(any_world.services, any_world.bot, any_world.dp, webhook_secret=SECRET)
    assert handler is not None
    server = WebServer(app, "127.0.0.1:0")
    await server.start()
    try:
        assert await handler.drain(1.0) == 0
        update = any_world.telegram.message_update(make_user(7301, "Anna", "en"), "/help")
        async with httpx.AsyncClient(timeout=10) as http:
            answer = await http.post(
                f"http://127.0.0.1:{server.bound_port}{WEBHOOK_PATH}", json=update,
                headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
            )  # fmt: skip
        assert answer.status_code == 503
    finally:
        await server.close()
