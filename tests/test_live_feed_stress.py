"""10,000 conversions with status changes and three restarts at random points: every
(conversion, status) the tracker showed is told exactly once, singly or in a summary."""

from __future__ import annotations

import random
import re
from collections import Counter
from datetime import timedelta

from bot.emulator import EmulatedUser
from storage.live import TOLD
from tests.bot_world import BotWorld
from tests.live_world import Clock, live_user

TOTAL = 10_000
STATUS_WORDS = {"Lead": "lead", "Sale": "sale", "Rejected": "rejected"}


def tellings(user: EmulatedUser, by_sub_id: dict[str, int]) -> tuple[Counter[tuple[int, str]], int]:
    """(conversion, status) told one by one (with how often), and the events summaries
    counted."""
    single: Counter[tuple[int, str]] = Counter()
    in_summaries = 0
    for message in user.messages:
        text = message.get("text") or ""
        head = text.split("\n")[0]
        click = re.search(r"🆔 (\S+)", text)
        if click:
            status = STATUS_WORDS[re.findall(r"(Lead|Sale|Rejected)", head)[-1]]
            if head.startswith("⚠️ Sale → lead"):
                status = "lead"
            single[(by_sub_id[click.group(1)], status)] += 1
            continue
        counted = re.search(r"(\d+) (?:new )?conversions?\b", head)
        if counted and ("in a minute" in head or "away" in head or "not answering" in head):
            in_summaries += int(counted.group(1))
    return single, in_summaries


async def test_ten_thousand_with_changes_and_restarts_none_missed_none_doubled(
    world: BotWorld,
) -> None:
    rng = random.Random(11)
    clock = Clock()
    live = await live_user(world, clock)
    await live.turn_on()
    await live.tick()
    sandbox = world.sandbox
    shown: set[tuple[int, str]] = set()  # every (conversion, status) a poll could see
    changeable: list[int] = []  # leads a poll has seen: changing them is a new event
    polled_next: list[int] = []
    made = tick = 0
    crashes = {rng.randrange(20, 60): "send", rng.randrange(80, 120): "read"}
    downtime = rng.randrange(140, 170)
    while made < TOTAL or tick < 260:
        tick += 1
        quiet_tick = tick % 9 == 0  # a few events: told one by one
        new = min(TOTAL - made, rng.randrange(1, 4) if quiet_tick else rng.randrange(40, 90))
        for _ in range(new):
            status = rng.choice(("lead", "lead", "sale", "rejected"))
            late = rng.random() < 0.2  # recorded up to 5 minutes after its time
            visible = clock() + timedelta(seconds=rng.randrange(20, 300)) if late else None
            conversion = sandbox.inject(
                campaign_id=rng.randrange(1, 23), status=status, revenue=rng.randrange(0, 90),
                at=clock(), visible_at=visible,
            )  # fmt: skip
            shown.add((conversion.id, status))
            if status == "lead" and not late:
                polled_next.append(conversion.id)
        made += new
        for _ in range(0 if quiet_tick else rng.randrange(0, 8)):  # one change a tick at most
            if changeable:
                conversion_id = changeable.pop(rng.randrange(len(changeable)))
                status = rng.choice(("sale", "sale", "rejected"))
                sandbox.change_status(conversion_id, status, at=clock())
                shown.add((conversion_id, status))
        if tick in crashes:
            await live.crash(crashes[tick])
        elif tick == downtime:  # killed between two ticks, back ten minutes later
            await live.restart()
            clock.advance(600)
        await live.tick()
        changeable += polled_next
        polled_next.clear()
    for _ in range(20):  # the lease and the late ones run out
        await live.tick()

    by_sub_id = {v.click.sub_id: v.id for v in sandbox.state.conversions}
    single, in_summaries = tellings(live.user, by_sub_id)
    events = await world.services.live.known(live.tracker_id, {cid for cid, _ in shown})
    told = {
        (e.conversion_id, e.status) for found in events.values() for e in found if e.state in TOLD
    }
    assert made == TOTAL
    assert told == shown  # none missed
    assert max(single.values()) == 1  # none told twice one by one
    assert sum(single.values()) + in_summaries == len(shown)  # nor twice in summaries
    assert len(single) > 50 and in_summaries > 1000  # both ways of telling were exercised
