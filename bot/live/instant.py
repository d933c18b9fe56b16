"""Keitaro's S2S postback as the live feed's instant path.

A campaign's S2S postback (pasted from ``/live``) calls ``/s2s/<token>`` the moment Keitaro
records a conversion. What it says is told at once, in the same words as the poller's
notification, if the feed's settings want it; the poller stays the safety net and never
tells it again: both paths claim a conversion by (click id, status) in one transaction
(``LiveRepository.claim_instant`` and ``claim``), so whichever comes first tells it and the
other records it as told. A postback the settings cannot judge alone (a scope by campaign
group, which the postback does not carry) or that arrives in quiet hours is left to the
poller, which holds and summarises as it always does.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.types import Message, ReplyParameters

from bot.i18n import Translator
from bot.live import messages
from bot.live.events import LOG_TIME, Event, Row, as_id, as_number, click_key, wanted
from bot.live.poller import ClaimLost
from bot.live.settings import in_quiet_hours, normalized
from bot.metrics import Tally
from keitaro.guesses import S2S_MACROS
from storage.live import LiveRepository

if TYPE_CHECKING:
    from bot.app import Services
    from storage.models import Tracker

log = logging.getLogger(__name__)
#: a click id or a status longer than this is not Keitaro's
MAX_FIELD = 200
COUNTS = Tally("s2s")


def _value(params: Mapping[str, str], name: str) -> str:
    """A parameter, or "" when absent or an unresolved macro ("{tid}")."""
    value = str(params.get(name) or "").strip()[:MAX_FIELD]
    return "" if value.startswith("{") and value.endswith("}") else value


@dataclass(frozen=True)
class Postback:
    click_id: str
    status: str
    tid: str
    row: Row


def read_postback(params: Mapping[str, str], now: datetime) -> Postback | None:
    """What a postback says, as a conversion-log row; None without a click id or status."""
    click_id, status = click_key(_value(params, "subid")), _value(params, "status").lower()
    if not click_id or not status:
        return None
    data: dict[str, Any] = {
        name: _value(params, name) for name, _macro in S2S_MACROS if _value(params, name)
    }
    data.update(
        sub_id=click_id,
        status=status,
        revenue=as_number(data.pop("payout", 0)),
        postback_datetime=now.astimezone(UTC).strftime(LOG_TIME),
    )
    if "country" in data:
        data["country_code"] = data.pop("country")
    if "source" in data:
        data["ts"] = data.pop("source")
    row = Row(
        conversion_id=0,
        status=status,
        previous_status="",
        revenue=float(data["revenue"]),
        postback_at=now.replace(microsecond=0),
        campaign_id=as_id(data.get("campaign_id")) or 0,
        data=data,
    )
    return Postback(click_id, status, _value(params, "tid"), row)


def _in_scope(scope: dict[str, Any], campaign_id: int) -> bool | None:
    """Whether the campaign is in the feed's scope; None when a postback cannot tell."""
    kind = scope.get("kind")
    if not kind or kind == "all":
        return True
    if kind == "campaigns":
        return campaign_id in {int(cid) for cid in scope.get("ids") or []}
    return None


class InstantFeed:
    """Receives the postbacks of every tracker this process serves."""

    def __init__(self, services: Services, bot: Bot) -> None:
        self.services = services
        self.bot = bot
        self.repository = LiveRepository(services.db)

    async def receive(self, tracker: Tracker, params: Mapping[str, str]) -> str:
        """Tell the postback if it is news; what became of it (for the log and metrics)."""
        now = self.services.clock()
        outcome = await self._receive(tracker, params, now)
        COUNTS[outcome] += 1
        return outcome

    async def _receive(self, tracker: Tracker, params: Mapping[str, str], now: datetime) -> str:
        postback = read_postback(params, now)
        if postback is None:
            return "unreadable"
        feed = await self.repository.feed(tracker.id)
        if feed is None or not feed.enabled or feed.blocked:
            return "feed_off"
        owner = await self.services.users.get(feed.owner_id)
        zone = (owner.timezone if owner else None) or "UTC"
        settings = normalized(feed.settings)
        row = postback.row
        inside = _in_scope(settings.get("scope") or {}, row.campaign_id)
        if inside is None:
            return "left_to_poller"
        if not inside:
            return "out_of_scope"
        if in_quiet_hours(settings, zone, now):
            return "left_to_poller"  # it holds them and tells them as one summary after
        if row.campaign_id in await self.repository.mutes(tracker.id, now):
            return "muted"
        earlier = await self.repository.earlier_on_click(tracker.id, postback.click_id, row.status)
        previous, reply_to = earlier if earlier else (None, None)
        event = Event(row, previous, reply_to if earlier else None, None)
        if not wanted(settings, event):
            return "not_wanted"
        if not await self.repository.claim_instant(
            tracker.id, postback.click_id, row.status, postback.tid, now=now,
            data={"row": row.data, "chat": feed.chat_id},
        ):  # fmt: skip
            return "duplicate"
        language = (owner.language if owner else None) or self.services.settings.default_language
        currency = str(settings.get("currency") or row.data.get("currency") or "USD")
        screen = messages.notification(
            Translator(language), tracker.id, tracker.name, event, zone, currency
        )

        async def still_ours() -> bool:
            return await self.repository.renew_instant(
                tracker.id, postback.click_id, row.status, postback.tid, self.services.clock()
            )

        try:
            message = await self._send(
                feed.chat_id, screen.text, screen.keyboard, reply_to, still_ours
            )
        except ClaimLost:  # waited past the lease: the poller took it over and tells it
            return "claim_lost"
        except TelegramAPIError as error:  # for now: the claim stays, the poller sends later
            log.warning("S2S notification to chat %s delayed: %s", feed.chat_id, error)
            return "delayed"
        await self.repository.settle_instant(
            tracker.id, postback.click_id, row.status, postback.tid,
            state="sent" if message is not None else "undeliverable",
            message_id=message.message_id if message is not None else None,
        )  # fmt: skip
        return "notified" if message is not None else "undelivered"

    async def _send(
        self,
        chat_id: int,
        text: str,
        keyboard: Any,
        reply_to: int | None,
        still_ours: Callable[[], Awaitable[bool]],
    ) -> Message | None:
        """The message, or None when Telegram refused it for good; a passing failure (the
        network, a 5xx, a lasting 429) raises."""
        reply = (
            ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
            if reply_to
            else None
        )

        async def attempt() -> Message:
            if not await still_ours():  # renewed before each try, as the poller's claims
                raise ClaimLost
            return await self.bot.send_message(
                chat_id, text, reply_markup=keyboard, reply_parameters=reply
            )

        scheduler = self.services.scheduler
        try:
            if scheduler is not None:  # the shared rate limit, 429s honoured there
                return await scheduler.sender.paced(attempt)
            return await attempt()
        except TelegramForbiddenError:
            log.info("chat %s blocked the bot: an S2S notification was not delivered", chat_id)
        except TelegramBadRequest as error:
            log.warning("S2S notification to chat %s refused: %s", chat_id, error)
        return None
