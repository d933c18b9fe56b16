"""🌙 Quiet hours for alerts (one setting a user, for all their rules): a preset, off, or
typed as ``22:30-07:00`` (read by ``bot.handlers.quiet_hours``, shared with the live feed).
An offer at its cap and the tracker going down are told even then (``rules.URGENT``).

``q`` asks (``t``: the tracker whose list « Back returns to), ``Q`` a preset (``arg``).
"""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message

from bot.handlers.alerts.common import own_tracker, zone_of
from bot.handlers.alerts.listing import list_cb, list_screen, quiet_words
from bot.handlers.quiet_hours import OFF, is_off, preset_hours, preset_label, read_quiet
from bot.handlers.states import AlertDialog
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.ui.callbacks import AlertCb
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen
from storage import Tracker

#: the presets offered here (``HHMM-HHMM``)
PRESETS = ("2300-0800", "0000-0700")
#: the FSM data key: the tracker whose list the answer returns to
DATA_KEY = "alert_quiet"


def quiet_screen(t: Translator, tracker_id: int, quiet: dict[str, str] | None, zone: str) -> Screen:
    presets = [
        button(preset_label(arg), AlertCb(op="Q", t=tracker_id, arg=arg).pack()) for arg in PRESETS
    ]
    off = button(t.plain("alerts.b_quiet_off"), AlertCb(op="Q", t=tracker_id, arg=OFF).pack())
    back = button(t.plain("alerts.b_back"), list_cb(tracker_id))
    text = t("alerts.quiet_ask", hours=quiet_words(t, quiet, zone), zone=zone)
    return Screen(text, markup(presets, [off], [back]))


async def on_ask(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    tracker = await own_tracker(turn, callback_data.t)
    if tracker is None:
        return
    await turn.state.set_state(AlertDialog.quiet)
    await turn.state.update_data({DATA_KEY: tracker.id})
    quiet = await turn.services.alerts.quiet(turn.user.id)
    await turn.show(quiet_screen(turn.t, tracker.id, quiet, zone_of(turn.user)))


async def saved(turn: Turn, tracker: Tracker, quiet: dict[str, str] | None) -> None:
    await turn.services.alerts.set_quiet(turn.user.id, quiet)
    await turn.state.set_state(None)
    await turn.show(await list_screen(turn, tracker, note=turn.t("alerts.quiet_saved")))


async def on_preset(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    tracker = await own_tracker(turn, callback_data.t)
    if tracker is None:
        return
    if callback_data.arg == OFF:
        await saved(turn, tracker, None)
        return
    quiet = preset_hours(callback_data.arg, PRESETS)
    if quiet is None:  # forged
        turn.toast("stale.button", alert=True)
        return
    await saved(turn, tracker, quiet)


async def on_typed(message: Message, **data: Any) -> None:
    turn = Turn.of(message, data)
    tracker_id = int((await turn.state.get_data()).get(DATA_KEY) or 0)
    tracker = await own_tracker(turn, tracker_id)
    if tracker is None:
        await turn.state.set_state(None)
        return
    text = message.text or ""
    if is_off(text):
        await saved(turn, tracker, None)
        return
    quiet = read_quiet(text)
    if quiet is None:
        refusal = turn.t("alerts.quiet_bad", value=text.strip()[:40])
        current = await turn.services.alerts.quiet(turn.user.id)
        screen = quiet_screen(turn.t, tracker.id, current, zone_of(turn.user))
        await turn.show(Screen(f"{refusal}\n\n{screen.text}", screen.keyboard))
        return
    await saved(turn, tracker, quiet)
