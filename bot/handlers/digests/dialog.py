"""The new-digest dialog (also edit: a draft filled from the digest, saved as a new one that
replaces it), from the time to Save.

It asks only what it must, each step one tap with a sensible default — time, days, time zone
(the user's), tracker (only when there are several) — then a card where the scope (``scope``),
the content, the period and the target chat can be changed before Save. The draft is JSON in
the dialog's data, so a restart resumes it. A group chat is accepted only when Telegram says
the user is an administrator there and the bot a member.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiogram.types import CallbackQuery, Message

from bot.digests.schedule import (
    EVERY_DAY,
    WEEKDAYS,
    days_of,
    due_slot,
    parse_time,
    zone_or_none,
)
from bot.digests.scope import scope_filters
from bot.handlers.chat_target import read_target, target_label, target_problem
from bot.handlers.digests.common import (
    Turn,
    days_label,
    repository,
    scope_of_spec,
    use_tracker,
    when_label,
)
from bot.handlers.digests.listing import list_screen, show_list
from bot.handlers.scope_picker import EVERYTHING, NAME_ON_BUTTON, scope_label
from bot.handlers.states import DigestDialog
from bot.i18n import Translator
from bot.stats.periods import zone_named
from bot.ui.callbacks import DigestCb
from bot.ui.format import cut
from bot.ui.keyboards import button, cancel_row, markup, rows_of
from bot.ui.screens import Screen
from storage import Tracker, User

if TYPE_CHECKING:
    pass

TIME_BUTTONS = ("08:00", "09:00", "10:00")
COMMON_ZONES = ("Europe/Moscow", "Europe/Berlin", "UTC")


async def on_new(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    """A fresh draft (new) or one filled from an existing digest (edit, saved as a new one
    that replaces it)."""
    turn = Turn.of(query, data)
    user, services = turn.user, turn.services
    tracker: Tracker | None = data.get("tracker")
    if tracker is None and not await services.trackers.list(user.id):
        await turn.show(Screen(turn.t("digest.no_tracker")))
        return
    draft: dict[str, Any] = {
        "time": "09:00", "days": list(EVERY_DAY), "tz": user.timezone or "",
        "tracker": tracker.id if tracker else 0, "chart": True, "ranking": True,
        "period": "yesterday", "chat": turn.chat, "edit": 0, "scope": dict(EVERYTHING),
        "scope_tracker": tracker.id if tracker else 0,
    }  # fmt: skip
    if callback_data.op == "e":
        digest = await repository(services).get(user.id, callback_data.id)
        if digest is None:
            turn.toast("digest.gone")
            return
        spec = digest.spec
        draft.update(
            time=digest.schedule.get("time", "09:00"), days=list(days_of(digest.schedule)),
            tz=digest.timezone, tracker=digest.tracker_id, chart=spec.get("chart", True),
            ranking=spec.get("ranking", True), period=spec.get("period", "yesterday"),
            chat=digest.chat_id, edit=digest.id, scope=scope_of_spec(spec),
            scope_tracker=digest.tracker_id,
        )  # fmt: skip
        await turn.save(draft)  # an edit: its card, one setting at a time
        await show_card(turn)
        return
    await turn.state.set_state(DigestDialog.time)
    await turn.save(draft)
    await turn.show(time_screen(turn.t))


def time_screen(t: Translator) -> Screen:
    times = [
        button(label, DigestCb(op="t", arg=label.replace(":", "")).pack()) for label in TIME_BUTTONS
    ]
    return Screen(t("digest.ask_time"), markup(times, cancel_row(t.plain("b.cancel"))))


async def on_time_button(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    await set_time(Turn.of(query, data), callback_data.arg)


async def on_time_typed(message: Message, **data: Any) -> None:
    await set_time(Turn.of(message, data), message.text or "")


async def set_time(turn: Turn, value: str) -> None:
    t = turn.t
    parsed = parse_time(value)
    if parsed is None:
        await turn.show(Screen(t("digest.bad_time", value=value[:40]), time_screen(t).keyboard))
        return
    draft = await turn.draft()
    draft["time"] = parsed.strftime("%H:%M")
    await turn.save(draft)
    if draft.get("edit"):  # one setting changed: back to the card
        await show_card(turn)
        return
    await turn.state.set_state(DigestDialog.days)
    await turn.show(days_screen(t, draft))


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


async def on_days(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    t = turn.t
    draft = await turn.draft()
    if not draft:
        await turn.show(time_screen(t))
        return
    op, arg = callback_data.op, callback_data.arg
    if op == "w" and arg in {"all", "wd"}:
        draft["days"] = list(EVERY_DAY if arg == "all" else WEEKDAYS)
    elif op == "w":
        draft["days"] = []
        await turn.save(draft)
        await turn.show(pick_screen(t, draft))
        return
    elif op == "k":
        day = int(arg) if arg.isdigit() and int(arg) < 7 else None
        days = set(draft.get("days") or [])
        if day is not None:
            days ^= {day}
        draft["days"] = sorted(days)
        await turn.save(draft)
        await turn.show(pick_screen(t, draft))
        return
    elif not draft.get("days"):  # "K" with nothing chosen
        turn.toast("digest.days_none")
        return
    await turn.save(draft)
    if draft.get("edit"):
        await show_card(turn)
        return
    await turn.state.set_state(DigestDialog.timezone)
    await turn.show(zone_screen(t, turn.user))


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


async def on_zone_button(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    await set_zone(Turn.of(query, data), callback_data.arg)


async def on_zone_typed(message: Message, **data: Any) -> None:
    await set_zone(Turn.of(message, data), (message.text or "").strip())


async def set_zone(turn: Turn, value: str) -> None:
    t, user = turn.t, turn.user
    zone = zone_or_none(zone_named(value) or value)  # europe/moscow is Europe/Moscow
    if zone is None:
        text = t("digest.bad_timezone", value=value[:60])
        await turn.show(Screen(text, zone_screen(t, user).keyboard))
        return
    draft = await turn.draft()
    draft["tz"] = zone.key
    await turn.save(draft)
    if draft.get("edit"):
        await show_card(turn)
        return
    trackers = await turn.services.trackers.list(user.id)
    if len(trackers) > 1:
        await turn.state.set_state(DigestDialog.tracker)
        await turn.show(tracker_screen(t, trackers, user))
        return
    reset = bool(trackers) and use_tracker(draft, trackers[0].id)
    await turn.save(draft)
    await show_card(turn, reset=reset)


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


async def on_tracker_button(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    tracker = await turn.services.trackers.get(turn.user.id, callback_data.id)  # forgeable
    if tracker is None:
        turn.toast("digest.gone")
        return
    draft = await turn.draft()
    reset = use_tracker(draft, tracker.id)
    await turn.save(draft)
    await show_card(turn, reset=reset)


def card_keyboard(t: Translator, draft: dict[str, Any], here: bool, period: str) -> Any:
    chart = "digest.toggle_chart_on" if draft.get("chart", True) else "digest.toggle_chart_off"
    ranking = (
        "digest.toggle_ranking_on" if draft.get("ranking", True) else "digest.toggle_ranking_off"
    )
    scope = cut(scope_label(t, draft.get("scope") or EVERYTHING), NAME_ON_BUTTON)
    target = ("digest.target_other", "ask") if here else ("digest.target_this", "here")
    settings = None
    if draft.get("edit"):  # an edit changes one setting at a time, from here
        settings = [
            button(t.plain("digest.b.time", time=draft.get("time", "")), DigestCb(op="h").pack()),
            button(t.plain("digest.b.days"), DigestCb(op="a").pack()),
            button(t.plain("digest.b.zone"), DigestCb(op="i").pack()),
            button(t.plain("digest.b.tracker"), DigestCb(op="Q").pack()),
        ]
    return markup(
        settings,
        [button(t.plain("digest.scope_button", scope=scope), DigestCb(op="o").pack())],
        [
            button(t.plain(chart), DigestCb(op="c").pack()),
            button(t.plain(ranking), DigestCb(op="b").pack()),
        ],
        [button(t.plain("digest.toggle_period", period=t.plain(period)), DigestCb(op="y").pack())],
        [button(t.plain(target[0]), DigestCb(op="g", arg=target[1]).pack())],
        [button(t.plain("digest.save"), DigestCb(op="s").pack())],
        cancel_row(t.plain("b.cancel")),
    )


async def show_card(turn: Turn, *, reset: bool = False) -> None:
    """The draft before Save; ``reset`` adds why the scope went back to everything."""
    t = turn.t
    await turn.state.set_state(DigestDialog.confirm)
    draft = await turn.draft()
    tracker = await turn.services.trackers.get(turn.user.id, int(draft.get("tracker") or 0))
    period = "digest.period_today" if draft.get("period") == "today" else "digest.period_yesterday"
    text = t(
        "digest.confirm",
        time=draft.get("time", ""),
        days=days_label(t, draft.get("days") or []),
        timezone=draft.get("tz") or "UTC",
        tracker=tracker.name if tracker else "?",
        scope=scope_label(t, draft.get("scope") or EVERYTHING),
        period=t.plain(period),
        ranking=t.plain("digest.confirm_ranking") if draft.get("ranking", True) else "",
        chart=t.plain("digest.confirm_chart") if draft.get("chart", True) else "",
        target=target_label(t, int(draft.get("chat") or 0), turn.chat),
    )
    if draft.get("edit"):  # the same card, titled as the edit it is
        text = t("digest.edit_title") + "\n" + text.split("\n", 1)[1]
    if reset:
        text = f"{t('digest.scope_reset')}\n\n{text}"
    here = int(draft.get("chat") or 0) == turn.chat
    await turn.show(Screen(text, card_keyboard(t, draft, here, period)))


async def on_setting(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    """From an edit's card: ask one setting (time, days, time zone, tracker), then the card
    again."""
    turn = Turn.of(query, data)
    draft = await turn.draft()
    if not draft.get("edit"):
        turn.toast("stale.button")
        return
    if callback_data.op == "h":
        await turn.state.set_state(DigestDialog.time)
        await turn.show(time_screen(turn.t))
    elif callback_data.op == "a":
        await turn.state.set_state(DigestDialog.days)
        await turn.show(days_screen(turn.t, draft))
    elif callback_data.op == "Q":
        trackers = await turn.services.trackers.list(turn.user.id)
        await turn.state.set_state(DigestDialog.tracker)
        await turn.show(tracker_screen(turn.t, trackers, turn.user))
    else:
        await turn.state.set_state(DigestDialog.timezone)
        await turn.show(zone_screen(turn.t, turn.user))


async def on_card_toggle(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    draft = await turn.draft()
    if not draft:
        await show_list(turn)
        return
    if callback_data.op == "c":
        draft["chart"] = not draft.get("chart", True)
    elif callback_data.op == "b":
        draft["ranking"] = not draft.get("ranking", True)
    elif callback_data.op == "y":
        draft["period"] = "yesterday" if draft.get("period") == "today" else "today"
    elif callback_data.arg == "here":
        draft["chat"] = turn.chat
    elif callback_data.arg == "card":  # back from "which chat?" with the draft as it was
        pass
    else:
        await turn.state.set_state(DigestDialog.target)
        back = markup([button(turn.t.plain("digest.back"), DigestCb(op="g", arg="card").pack())])
        await turn.show(Screen(turn.t("digest.ask_target"), back))
        return
    await turn.save(draft)
    await show_card(turn)


async def on_tap_expected(message: Message, **data: Any) -> None:
    """Text typed where the step wants a tap (days, tracker, the card): say so, keep the
    dialog and its draft (the buttons above still work)."""
    await message.answer(data["t"]("digest.use_buttons"))


async def on_target_typed(message: Message, **data: Any) -> None:
    turn = Turn.of(message, data)
    typed = await read_target(turn.t, turn.bot, message.text or "", turn.user.id)
    if typed.refusal:
        await message.answer(typed.refusal)
        return
    draft = await turn.draft()
    draft["chat"] = typed.chat_id
    await turn.save(draft)
    await show_card(turn)


def digest_spec(draft: dict[str, Any], tracker_id: int) -> dict[str, Any]:
    """What the composer reads: content, period, and the scope as report filters."""
    spec: dict[str, Any] = {
        "chart": bool(draft.get("chart", True)),
        "period": draft.get("period", "yesterday"),
        "ranking": bool(draft.get("ranking", True)),
    }
    scope = draft.get("scope") or EVERYTHING
    filters = scope_filters(scope) if draft.get("scope_tracker") == tracker_id else []
    if filters:
        spec["filters"], spec["scope"] = filters, str(scope.get("label") or "")
    return spec


async def on_save(query: CallbackQuery, **data: Any) -> None:
    turn = Turn.of(query, data)
    user, services = turn.user, turn.services
    draft = await turn.draft()
    zone = zone_or_none(draft.get("tz") or "UTC")
    tracker = await services.trackers.get(user.id, int(draft.get("tracker") or 0))
    if not draft or zone is None or tracker is None:
        await show_list(turn)
        return
    schedule = {"time": draft.get("time", "09:00"), "days": list(days_of(draft))}
    repo = repository(services)
    chat = int(draft.get("chat") or turn.chat)
    if chat != user.id:  # a group (this one or another): only its administrators send there
        problem = await target_problem(turn.bot, chat, user.id)
        if problem is not None:
            turn.toast(problem, alert=True, chat=chat)
            await show_card(turn)
            return
    digest = await repo.create(
        user.id, chat, tracker.id, schedule, zone.key, digest_spec(draft, tracker.id)
    )
    if digest is None:
        turn.toast("digest.gone")
        return
    # a slot already due when the digest is made is not a "missed" one: start from the next
    current = due_slot(schedule, zone.key, services.clock())
    if current is not None:
        await repo.claim_slot(digest.id, current.key)
    if draft.get("edit"):
        await repo.delete(user.id, int(draft["edit"]))
    await turn.state.clear()
    when = when_label(turn.t, schedule, zone.key, services)
    screen = await list_screen(turn.t, user, services, turn.chat)
    text = turn.t("digest.saved", when=when) + "\n\n" + screen.text
    await turn.show(Screen(text, screen.keyboard))
