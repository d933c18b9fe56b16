"""Shared steps of the conversion tests: a user whose tracker knows its postback key, a click
that takes the postback's amount, and waiting for the reply to follow the conversion."""

from __future__ import annotations

from bot.emulator import EmulatedUser
from keitaro.sandbox.store import Click
from tests.bot_world import BotWorld
from tests.conftest import POSTBACK_KEY

#: follow-up polls for tests: about a quarter of a second in all
FAST_SCHEDULE = (0.02, 0.04, 0.08, 0.12)


def fast_follow_ups(world: BotWorld, schedule: tuple[float, ...] = FAST_SCHEDULE) -> None:
    world.services.followups.schedule = schedule


async def ready_user(world: BotWorld, *, postback_key: bool = True) -> EmulatedUser:
    """A connected user; the tracker's postback key stored unless told otherwise."""
    fast_follow_ups(world)
    anna = await world.connected_user()
    if postback_key:
        user = await world.services.users.get(anna.user["id"])
        assert user is not None and user.active_tracker_id is not None
        await world.services.trackers.set_postback_key(
            user.id, user.active_tracker_id, POSTBACK_KEY
        )
    return anna


def payout_auto_click(world: BotWorld, skip: int = 0) -> Click:
    """A click without conversions whose offer takes the postback's amount (an offer with
    ``payout_auto`` false would record its own payout instead)."""
    state = world.sandbox.state
    found = [
        click
        for click in reversed(state.clicks)
        if (state.offers.get(click.offer_id) or {}).get("payout_auto") and not click.conversions
    ]
    return found[skip]


async def settle(world: BotWorld) -> None:
    """Let the background follow-ups finish (they edit the reply)."""
    await world.services.followups.settle()
