"""``/digest``: the list (pause, delete, edit), ``/digest now``, and the new-digest dialog.

The dialog asks only what it must, each step one tap with a sensible default — time, days,
time zone (the user's), tracker (only when there are several) — then a card where the chart,
the period and the target chat can be changed before Save. The draft is JSON in the dialog's
data, so a restart resumes it. A group chat is accepted only when Telegram says the user is
an administrator there and the bot a member.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.digests.schedule import (
    EVERY_DAY,
    WEEKDAYS,
    days_of,
    due_slot,
    next_slot,
    parse_time,
    zone_or_none,
)
from bot.digests.send import Outcome
from bot.handlers.states import DigestDialog
from bot.i18n import Translator
from bot.scheduler import Scheduler
from bot.ui.callbacks import DigestCb
from bot.ui.keyboards import button, cancel_row, markup, rows_of
from bot.ui.screens import Screen, present
from storage import Tracker, User
from storage.digests import DigestRepository
from storage.models import Digest

if TYPE_CHECKING:
    from bot.app import Services

TIME_BUTTONS = ("08:00", "09:00", "10:00")
COMMON_ZONES = ("Europe/Moscow", "Europe/Berlin", "UTC")
ADMIN_STATUSES = frozenset({"creator", "administrator"})
MEMBER_STATUSES = frozenset({"creator", "administrator", "member"})
Event = Message | CallbackQuery


def create_router() -> Router:
    router = Router(name="digests")
    router.message.register(on_command, Command("digest"))
    cb = router.callback_query.register
    cb(on_list, DigestCb.filter(F.op == "l"))
    cb(on_pause, DigestCb.filter(F.op == "p"))
    cb(on_delete_ask, DigestCb.filter(F.op == "d"))
    cb(on_delete, DigestCb.filter(F.op == "D"))
    cb(on_new, DigestCb.filter(F.op.in_({"n", "e"})))
    cb(on_time_button, DigestCb.filter(F.op == "t"))
    cb(on_days, DigestCb.filter(F.op.in_({"w", "k", "K"})))
    cb(on_zone_button, DigestCb.filter(F.op == "z"))
    cb(on_tracker_button, DigestCb.filter(F.op == "r"))
    cb(on_card_toggle, DigestCb.filter(F.op.in_({"c", "y", "g"})))
    cb(on_save, DigestCb.filter(F.op == "s"))
    text = F.text & ~F.text.startswith("/")
    router.message.register(on_time_typed, DigestDialog.time, text)
    router.message.register(on_zone_typed, DigestDialog.timezone, text)
    router.message.register(on_target_typed, DigestDialog.target, text)
    return router


def repository(services: Services) -> DigestRepository:
    return DigestRepository(services.db)


# ----- words for a schedule ---------------------------------------------------------------


def days_label(t: Translator, days: list[int] | tuple[int, ...]) -> str:
    chosen = tuple(sorted(days)) or EVERY_DAY
    if chosen == EVERY_DAY:
        return t.plain("digest.every_day")
    if chosen == WEEKDAYS:
        return t.plain("digest.weekdays_only")
    names = t.plain("digest.weekdays").split()
    return ", ".join(names[day] for day in chosen)


def when_label(t: Translator, schedule: dict[str, Any], timezone: str, services: Services) -> str:
    slot = next_slot(schedule, timezone, services.clock())
    names, months = t.plain("digest.weekdays").split(), t.plain("digest.months").split()
    local = slot.local
    return f"{names[local.weekday()]} {local.day} {months[local.month - 1]} {local:%H:%M}"


def target_label(t: Translator, chat_id: int, here: int | None) -> str:
    if chat_id == here:
        return t.plain("digest.target_here")
    return t.plain("digest.target_chat", chat=chat_id)


def chat_of(event: Event) -> int:
    if isinstance(event, CallbackQuery):
        return event.message.chat.id if event.message else event.from_user.id
    return event.chat.id


# ----- the list ---------------------------------------------------------------------------


async def list_screen(t: Translator, user: User, services: Services, here: int) -> Screen:
    digests = await repository(services).list(user.id)
    names = {tracker.id: tracker.name for tracker in await services.trackers.list(user.id)}
    lines = [t("digest.list_title"), ""]
    rows: list[list[InlineKeyboardButton]] = []
    if not digests:
        lines.append(t("digest.list_empty"))
    for number, digest in enumerate(digests, 1):
        schedule = digest.schedule
        lines.append(
            t(
                "digest.line",
                number=number,
                icon="☀️" if digest.spec.get("period") != "today" else "📊",
                time=schedule.get("time", "09:00"),
                days=days_label(t, days_of(schedule)),
                timezone=digest.timezone,
                tracker=names.get(digest.tracker_id, "?"),
                target=target_label(t, digest.chat_id, here),
                chart=t.plain("digest.chart_on") if digest.spec.get("chart", True) else "",
            )
        )
        if digest.paused:
            lines.append(t("digest.paused_line"))
        else:
            lines.append(t("digest.next", when=when_label(t, schedule, digest.timezone, services)))
        toggle = "digest.resume" if digest.paused else "digest.pause"
        rows.append(
            [
                button(t.plain(toggle, number=number), DigestCb(op="p", id=digest.id).pack()),
                button(
                    t.plain("digest.delete", number=number), DigestCb(op="d", id=digest.id).pack()
                ),
                button(
                    t.plain("digest.edit", number=number), DigestCb(op="e", id=digest.id).pack()
                ),
            ]
        )
    rows.append([button(t.plain("digest.new"), DigestCb(op="n").pack())])
    return Screen("\n".join(lines), markup(*rows))


async def on_command(
    message: Message, command: CommandObject, state: FSMContext, t: Translator, user: User,
    tracker: Tracker | None, services: Services, bot: Bot,
) -> None:  # fmt: skip
    await state.clear()
    if (command.args or "").strip().lower() in {"now", "сейчас"}:
        await send_now(message, t, user, tracker, services, bot)
        return
    await present(message, await list_screen(t, user, services, message.chat.id))


async def send_now(
    message: Message, t: Translator, user: User, tracker: Tracker | None,
    services: Services, bot: Bot,
) -> None:  # fmt: skip
    """The user's first digest, or a default one for the active tracker, here and now."""
    digests = await repository(services).list(user.id)
    if digests:
        digest = digests[0]
    elif tracker is not None:
        digest = Digest(
            id=0, owner_id=user.id, chat_id=message.chat.id, tracker_id=tracker.id,
            schedule={"time": "09:00", "days": []}, timezone=user.timezone or "UTC",
            spec={"chart": True}, paused=False, last_slot=None, created_at=services.clock(),
        )  # fmt: skip
    else:
        await message.answer(t("digest.no_tracker"))
        return
    scheduler = services.scheduler or Scheduler(services, bot)
    outcome = await scheduler.deliver(digest, chat_id=message.chat.id)
    if outcome is not Outcome.SENT:
        await message.answer(t("e.error", host="—"))


async def on_list(query: CallbackQuery, t: Translator, user: User, services: Services) -> None:
    await present(query, await list_screen(t, user, services, chat_of(query)))


async def on_pause(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: DigestCb,
    t: Translator,
    user: User,
    services: Services,
) -> None:
    digest = await repository(services).get(user.id, callback_data.id)
    if digest is None:
        callback_answer.text = t.plain("digest.gone")
    else:
        await repository(services).set_paused(user.id, digest.id, not digest.paused)
        callback_answer.text = t.plain("digest.resumed" if digest.paused else "digest.paused")
    await present(query, await list_screen(t, user, services, chat_of(query)))


async def on_delete_ask(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: DigestCb,
    t: Translator,
    user: User,
    services: Services,
) -> None:
    digests = await repository(services).list(user.id)
    found = [(n, d) for n, d in enumerate(digests, 1) if d.id == callback_data.id]
    if not found:
        await present(query, await list_screen(t, user, services, chat_of(query)))
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
    await present(query, Screen(text, keyboard))


async def on_delete(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: DigestCb,
    t: Translator,
    user: User,
    services: Services,
) -> None:
    deleted = await repository(services).delete(user.id, callback_data.id)
    callback_answer.text = t.plain("digest.deleted" if deleted else "digest.gone")
    await present(query, await list_screen(t, user, services, chat_of(query)))


# ----- the dialog -------------------------------------------------------------------------


async def draft_of(state: FSMContext) -> dict[str, Any]:
    return dict((await state.get_data()).get("digest") or {})


async def save_draft(state: FSMContext, draft: dict[str, Any]) -> None:
    await state.update_data(digest=draft)


async def on_new(
    query: CallbackQuery,
    callback_answer: CallbackAnswer, callback_data: DigestCb, state: FSMContext, t: Translator,
    user: User, tracker: Tracker | None, services: Services,
) -> None:  # fmt: skip
    """A fresh draft (new) or one filled from an existing digest (edit, saved as a new one
    that replaces it)."""
    if tracker is None and not await services.trackers.list(user.id):
        await present(query, Screen(t("digest.no_tracker")))
        return
    draft: dict[str, Any] = {
        "time": "09:00", "days": list(EVERY_DAY), "tz": user.timezone or "",
        "tracker": tracker.id if tracker else 0, "chart": True, "period": "yesterday",
        "chat": chat_of(query), "edit": 0,
    }  # fmt: skip
    if callback_data.op == "e":
        digest = await repository(services).get(user.id, callback_data.id)
        if digest is None:
            callback_answer.text = t.plain("digest.gone")
            return
        draft.update(
            time=digest.schedule.get("time", "09:00"), days=list(days_of(digest.schedule)),
            tz=digest.timezone, tracker=digest.tracker_id, chart=digest.spec.get("chart", True),
            period=digest.spec.get("period", "yesterday"), chat=digest.chat_id, edit=digest.id,
        )  # fmt: skip
    await state.set_state(DigestDialog.time)
    await save_draft(state, draft)
    await present(query, time_screen(t))


def time_screen(t: Translator) -> Screen:
    times = [
        button(label, DigestCb(op="t", arg=label.replace(":", "")).pack()) for label in TIME_BUTTONS
    ]
    return Screen(t("digest.ask_time"), markup(times, cancel_row(t.plain("b.cancel"))))


async def on_time_button(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: DigestCb,
    state: FSMContext,
    t: Translator,
) -> None:
    await set_time(query, callback_data.arg, state, t)


async def on_time_typed(message: Message, state: FSMContext, t: Translator) -> None:
    await set_time(message, message.text or "", state, t)


async def set_time(event: Event, value: str, state: FSMContext, t: Translator) -> None:
    parsed = parse_time(value)
    if parsed is None:
        await present(
            event, Screen(t("digest.bad_time", value=value[:40]), time_screen(t).keyboard)
        )
        return
    draft = await draft_of(state)
    draft["time"] = parsed.strftime("%H:%M")
    await save_draft(state, draft)
    await state.set_state(DigestDialog.days)
    await present(event, days_screen(t, draft))


def days_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    keyboard = markup(
        [
            button(t.plain("digest.days_every"), DigestCb(op="w", arg="all").pack()),
            button(t.plain("digest.days_weekdays"), DigestCb(op="w", arg="wd").pack()),
        ],
        [button(t.plain("digest.days_pick"), DigestCb(op="w", arg="pick").pack())],
        cancel_row(t.plain("b.cancel")),
    )
    return Screen(t("digest.ask_days", time=draft.get("time", "")), keyboard)


def pick_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    names = t.plain("digest.weekdays").split()
    chosen = set(draft.get("days") or [])
    toggles = [
        button(
            ("✅ " if day in chosen else "▫️ ") + names[day], DigestCb(op="k", arg=str(day)).pack()
        )
        for day in range(7)
    ]
    rows = rows_of(toggles, 4)
    rows.append([button(t.plain("digest.days_done"), DigestCb(op="K").pack())])
    return Screen(t("digest.days_pick_title"), markup(*rows, cancel_row(t.plain("b.cancel"))))


async def on_days(
    query: CallbackQuery,
    callback_answer: CallbackAnswer, callback_data: DigestCb, state: FSMContext, t: Translator,
    user: User, services: Services,
) -> None:  # fmt: skip
    draft = await draft_of(state)
    if not draft:
        await present(query, time_screen(t))
        return
    op, arg = callback_data.op, callback_data.arg
    if op == "w" and arg in {"all", "wd"}:
        draft["days"] = list(EVERY_DAY if arg == "all" else WEEKDAYS)
    elif op == "w":
        draft["days"] = []
        await save_draft(state, draft)
        await present(query, pick_screen(t, draft))
        return
    elif op == "k":
        day = int(arg) if arg.isdigit() and int(arg) < 7 else None
        days = set(draft.get("days") or [])
        if day is not None:
            days ^= {day}
        draft["days"] = sorted(days)
        await save_draft(state, draft)
        await present(query, pick_screen(t, draft))
        return
    elif not draft.get("days"):  # "K" with nothing chosen
        callback_answer.text = t.plain("digest.days_none")
        return
    await save_draft(state, draft)
    await state.set_state(DigestDialog.timezone)
    await present(query, zone_screen(t, user))


def zone_screen(t: Translator, user: User) -> Screen:
    zones = [zone for zone in COMMON_ZONES if zone != user.timezone]
    buttons = []
    if user.timezone:
        label = t.plain("digest.timezone_yours", timezone=user.timezone)
        buttons.append(button(label, DigestCb(op="z", arg=user.timezone).pack()))
    buttons += [button(zone, DigestCb(op="z", arg=zone).pack()) for zone in zones]
    return Screen(
        t("digest.ask_timezone"), markup(*rows_of(buttons, 2), cancel_row(t.plain("b.cancel")))
    )


async def on_zone_button(
    query: CallbackQuery,
    callback_answer: CallbackAnswer, callback_data: DigestCb, state: FSMContext, t: Translator,
    user: User, services: Services,
) -> None:  # fmt: skip
    await set_zone(query, callback_data.arg, state, t, user, services)


async def on_zone_typed(
    message: Message, state: FSMContext, t: Translator, user: User, services: Services
) -> None:
    await set_zone(message, (message.text or "").strip(), state, t, user, services)


async def set_zone(
    event: Event, value: str, state: FSMContext, t: Translator, user: User, services: Services
) -> None:
    zone = zone_or_none(value)
    if zone is None:
        text = t("digest.bad_timezone", value=value[:60])
        await present(event, Screen(text, zone_screen(t, user).keyboard))
        return
    draft = await draft_of(state)
    draft["tz"] = zone.key
    await save_draft(state, draft)
    trackers = await services.trackers.list(user.id)
    if len(trackers) > 1:
        await state.set_state(DigestDialog.tracker)
        await present(event, tracker_screen(t, trackers, user))
        return
    if trackers:
        draft["tracker"] = trackers[0].id
        await save_draft(state, draft)
    await show_card(event, state, t, user, services)


def tracker_screen(t: Translator, trackers: list[Tracker], user: User) -> Screen:
    buttons = [
        button(
            t.plain("digest.tracker_active", name=tracker.name)
            if tracker.id == user.active_tracker_id
            else tracker.name,
            DigestCb(op="r", id=tracker.id).pack(),
        )
        for tracker in trackers
    ]
    return Screen(
        t("digest.ask_tracker"), markup(*rows_of(buttons, 1), cancel_row(t.plain("b.cancel")))
    )


async def on_tracker_button(
    query: CallbackQuery,
    callback_answer: CallbackAnswer, callback_data: DigestCb, state: FSMContext, t: Translator,
    user: User, services: Services,
) -> None:  # fmt: skip
    tracker = await services.trackers.get(user.id, callback_data.id)  # re-checked: forgeable
    if tracker is None:
        callback_answer.text = t.plain("digest.gone")
        return
    draft = await draft_of(state)
    draft["tracker"] = tracker.id
    await save_draft(state, draft)
    await show_card(query, state, t, user, services)


async def show_card(
    event: Event, state: FSMContext, t: Translator, user: User, services: Services
) -> None:
    await state.set_state(DigestDialog.confirm)
    draft = await draft_of(state)
    tracker = await services.trackers.get(user.id, int(draft.get("tracker") or 0))
    period = "digest.period_today" if draft.get("period") == "today" else "digest.period_yesterday"
    text = t(
        "digest.confirm",
        time=draft.get("time", ""),
        days=days_label(t, draft.get("days") or []),
        timezone=draft.get("tz") or "UTC",
        tracker=tracker.name if tracker else "?",
        period=t.plain(period),
        chart=t.plain("digest.confirm_chart") if draft.get("chart", True) else "",
        target=target_label(t, int(draft.get("chat") or 0), chat_of(event)),
    )
    chart = "digest.toggle_chart_on" if draft.get("chart", True) else "digest.toggle_chart_off"
    here = int(draft.get("chat") or 0) == chat_of(event)
    target = ("digest.target_other", "ask") if here else ("digest.target_this", "here")
    keyboard = markup(
        [
            button(t.plain(chart), DigestCb(op="c").pack()),
            button(
                t.plain("digest.toggle_period", period=t.plain(period)), DigestCb(op="y").pack()
            ),
        ],
        [button(t.plain(target[0]), DigestCb(op="g", arg=target[1]).pack())],
        [button(t.plain("digest.save"), DigestCb(op="s").pack())],
        cancel_row(t.plain("b.cancel")),
    )
    await present(event, Screen(text, keyboard))


async def on_card_toggle(
    query: CallbackQuery,
    callback_answer: CallbackAnswer, callback_data: DigestCb, state: FSMContext, t: Translator,
    user: User, services: Services,
) -> None:  # fmt: skip
    draft = await draft_of(state)
    if not draft:
        await present(query, await list_screen(t, user, services, chat_of(query)))
        return
    if callback_data.op == "c":
        draft["chart"] = not draft.get("chart", True)
    elif callback_data.op == "y":
        draft["period"] = "yesterday" if draft.get("period") == "today" else "today"
    elif callback_data.arg == "here":
        draft["chat"] = chat_of(query)
    else:
        await state.set_state(DigestDialog.target)
        await present(
            query, Screen(t("digest.ask_target"), markup(cancel_row(t.plain("b.cancel"))))
        )
        return
    await save_draft(state, draft)
    await show_card(query, state, t, user, services)


async def on_target_typed(
    message: Message, state: FSMContext, t: Translator, user: User, services: Services, bot: Bot
) -> None:
    value = (message.text or "").strip()
    try:
        chat_id = int(value)
    except ValueError:
        await message.answer(t("digest.bad_target", value=value[:40]))
        return
    problem = await target_problem(bot, chat_id, user.id)
    if problem is not None:
        await message.answer(t(problem, chat=chat_id))
        return
    draft = await draft_of(state)
    draft["chat"] = chat_id
    await save_draft(state, draft)
    await show_card(message, state, t, user, services)


async def target_problem(bot: Bot, chat_id: int, user_id: int) -> str | None:
    """None when the user administers ``chat_id`` and the bot is in it; else the text key."""
    try:
        member = await bot.get_chat_member(chat_id, user_id)
    except TelegramAPIError:
        return "digest.target_not_admin"
    if member.status not in ADMIN_STATUSES:
        return "digest.target_not_admin"
    try:
        me = await bot.get_chat_member(chat_id, bot.id)
    except TelegramAPIError:
        return "digest.target_no_bot"
    return None if me.status in MEMBER_STATUSES else "digest.target_no_bot"


async def on_save(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    state: FSMContext,
    t: Translator,
    user: User,
    services: Services,
) -> None:
    draft = await draft_of(state)
    zone = zone_or_none(draft.get("tz") or "UTC")
    tracker = await services.trackers.get(user.id, int(draft.get("tracker") or 0))
    if not draft or zone is None or tracker is None:
        await present(query, await list_screen(t, user, services, chat_of(query)))
        return
    schedule = {"time": draft.get("time", "09:00"), "days": list(days_of(draft))}
    spec = {"chart": bool(draft.get("chart", True)), "period": draft.get("period", "yesterday")}
    repo = repository(services)
    digest = await repo.create(
        user.id, int(draft.get("chat") or chat_of(query)), tracker.id, schedule, zone.key, spec
    )
    if digest is None:
        callback_answer.text = t.plain("digest.gone")
        return
    # a slot already due when the digest is made is not a "missed" one: start from the next
    current = due_slot(schedule, zone.key, services.clock())
    if current is not None:
        await repo.claim_slot(digest.id, current.key)
    if draft.get("edit"):
        await repo.delete(user.id, int(draft["edit"]))
    await state.clear()
    when = when_label(t, schedule, zone.key, services)
    screen = await list_screen(t, user, services, chat_of(query))
    await present(
        query, Screen(t("digest.saved", when=when) + "\n\n" + screen.text, screen.keyboard)
    )
