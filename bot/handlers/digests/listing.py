"""``/digest``: the list of the user's digests (pause or resume, delete, edit opens the
dialog), and ``/digest now``: the first digest, or a default one, sent here at once.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.filters import CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message

from bot.digests.buttons import LIST_BELOW
from bot.digests.schedule import days_of
from bot.digests.send import Outcome
from bot.handlers.chat_target import target_label
from bot.handlers.digests.common import (
    Turn,
    days_label,
    repository,
    scope_of_spec,
    when_label,
)
from bot.handlers.scope_picker import scope_label
from bot.i18n import Html, Translator
from bot.scheduler import Scheduler
from bot.ui.callbacks import DigestCb
from bot.ui.keyboards import button, markup, menu_button
from bot.ui.screens import Screen, present
from storage import Tracker, User
from storage.models import Digest

if TYPE_CHECKING:
    from bot.app import Services


def digest_line(
    t: Translator, number: int, digest: Digest, names: dict[int, str], here: int
) -> str:
    schedule, spec = digest.schedule, digest.spec
    scope = scope_of_spec(spec)
    return t(
        "digest.line",
        number=number,
        icon="☀️" if spec.get("period") != "today" else "📊",
        time=schedule.get("time", "09:00"),
        days=days_label(t, days_of(schedule)),
        timezone=digest.timezone,
        tracker=names.get(digest.tracker_id, "?"),
        scope=""
        if scope["kind"] == "all"
        else Html(t("digest.line_scope", scope=scope_label(t, scope))),
        target=target_label(t, digest.chat_id, here),
        chart=t.plain("digest.chart_on") if spec.get("chart", True) else "",
    )


def list_buttons(t: Translator, number: int, digest: Digest) -> list[InlineKeyboardButton]:
    toggle = "digest.resume" if digest.paused else "digest.pause"
    return [
        button(t.plain(toggle, number=number), DigestCb(op="p", id=digest.id).pack()),
        button(t.plain("digest.delete", number=number), DigestCb(op="d", id=digest.id).pack()),
        button(t.plain("digest.edit", number=number), DigestCb(op="e", id=digest.id).pack()),
        button(t.plain("digest.send_now", number=number), DigestCb(op="N", id=digest.id).pack()),
    ]


async def list_screen(t: Translator, user: User, services: Services, here: int) -> Screen:
    digests = await repository(services).list(user.id)
    names = {tracker.id: tracker.name for tracker in await services.trackers.list(user.id)}
    lines = [t("digest.list_title"), ""]
    rows: list[list[InlineKeyboardButton]] = []
    if not digests:
        lines.append(t("digest.list_empty"))
    for number, digest in enumerate(digests, 1):
        lines.append(digest_line(t, number, digest, names, here))
        if digest.paused:
            lines.append(t("digest.paused_line"))
        else:
            when = when_label(t, digest.schedule, digest.timezone, services)
            lines.append(t("digest.next", when=when))
        rows.append(list_buttons(t, number, digest))
    rows.append([button(t.plain("digest.new"), DigestCb(op="n").pack())])
    rows.append([menu_button(f"« {t.plain('b.menu')}")])
    return Screen("\n".join(lines), markup(*rows))


async def show_list(turn: Turn) -> None:
    """The list in place of the pressed message (what a finished or lost dialog falls back to)."""
    await turn.show(await list_screen(turn.t, turn.user, turn.services, turn.chat))


async def on_command(
    message: Message, command: CommandObject, state: FSMContext, t: Translator, user: User,
    tracker: Tracker | None, services: Services, bot: Bot,
) -> None:  # fmt: skip
    await state.clear()
    if (command.args or "").strip().lower() in {"now", "сейчас"}:
        await send_now(message, t, user, tracker, services, bot)
        return
    await present(message, await list_screen(t, user, services, message.chat.id))


def default_digest(user: User, tracker_id: int, chat_id: int, now: datetime) -> Digest:
    """The unsaved digest ``/digest now`` sends when the user has none (id 0)."""
    return Digest(
        id=0, owner_id=user.id, chat_id=chat_id, tracker_id=tracker_id,
        schedule={"time": "09:00", "days": []}, timezone=user.timezone or "UTC",
        spec={"chart": True}, paused=False, last_slot=None, created_at=now,
    )  # fmt: skip


async def send_now(
    message: Message, t: Translator, user: User, tracker: Tracker | None,
    services: Services, bot: Bot,
) -> None:  # fmt: skip
    """The user's first digest, or a default one for the active tracker, here and now."""
    digests = await repository(services).list(user.id)
    if digests:
        digest = digests[0]
    elif tracker is not None:
        digest = default_digest(user, tracker.id, message.chat.id, services.clock())
    else:
        await message.answer(t("digest.no_tracker"))
        return
    scheduler = services.scheduler or Scheduler(services, bot)
    outcome = await scheduler.deliver(digest, chat_id=message.chat.id)
    if outcome is not Outcome.SENT:
        await message.answer(t("e.error", host="—"))


async def on_send_now(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    """▶️ Send now from the list: that digest, here, as it would arrive at its time."""
    turn = Turn.of(query, data)
    digest = await repository(turn.services).get(turn.user.id, callback_data.id)
    if digest is None:
        turn.toast("digest.gone")
        return
    scheduler = turn.services.scheduler or Scheduler(turn.services, turn.bot)
    outcome = await scheduler.deliver(digest, chat_id=turn.chat)
    if outcome is not Outcome.SENT:
        turn.toast("digest.send_failed", alert=True)


async def on_list(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    """The list; under a delivered digest as a new message, so the digest stays readable."""
    turn = Turn.of(query, data)
    screen = await list_screen(turn.t, turn.user, turn.services, turn.chat)
    await (turn.post(screen) if callback_data.arg == LIST_BELOW else turn.show(screen))


async def on_pause(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    digest = await repository(turn.services).get(turn.user.id, callback_data.id)
    if digest is None:
        turn.toast("digest.gone")
    else:
        await repository(turn.services).set_paused(turn.user.id, digest.id, not digest.paused)
        turn.toast("digest.resumed" if digest.paused else "digest.paused")
    await show_list(turn)


async def on_delete_ask(
    query: CallbackQuery, callback_data: DigestCb, note: str = "", **data: Any
) -> None:
    turn = Turn.of(query, data)
    t = turn.t
    digests = await repository(turn.services).list(turn.user.id)
    found = [(n, d) for n, d in enumerate(digests, 1) if d.id == callback_data.id]
    if not found:
        await show_list(turn)
        return
    number, digest = found[0]
    text = t(
        "digest.delete_ask",
        number=number,
        time=digest.schedule.get("time", ""),
        days=days_label(t, days_of(digest.schedule)),
    )
    keyboard = markup(
        [
            button(t.plain("digest.delete_yes"), DigestCb(op="D", id=digest.id).pack()),
            button(t.plain("digest.back"), DigestCb(op="l").pack()),
        ]
    )
    message = await turn.show(Screen(f"{note}\n\n{text}" if note else text, keyboard))
    await turn.asked(message, f"digest-delete:{digest.id}")


async def on_delete(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    if not await turn.confirmed(f"digest-delete:{callback_data.id}"):
        await on_delete_ask(query, callback_data, note=turn.t("confirm.again"), **data)
        return
    deleted = await repository(turn.services).delete(turn.user.id, callback_data.id)
    turn.toast("digest.deleted" if deleted else "digest.gone")
    await show_list(turn)
