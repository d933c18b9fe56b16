"""The buttons under an alert (``bot.alerts.messages``): mute the rule for that entity an
hour (``m``) or until tomorrow 00:00 in the owner's time zone (``M``), unmute (``u``), and
the entity's numbers (``s``: a campaign's card; an offer's, a source's or a country's report
filtered to it). ✏️ (``e``) is the dialog's (``bot.handlers.alerts.dialog.on_edit``).

The alert stays as it is: muting changes only its mute row (``bot.handlers.notice_buttons``,
shared with the live feed), a card or a report comes as a new message below it. Every press
is checked against the presser's own rules: another user's rule id, a deleted rule or an
entity that does not unpack get "This is not your rule" and nothing else.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message

from bot.alerts.entities import id_of, kind_of, unpack
from bot.alerts.messages import mute_row
from bot.alerts.rules import Rule
from bot.handlers.alerts.common import rule_of, zone_of
from bot.handlers.notice_buttons import (
    MUTE_OPS,
    UNMUTE,
    campaign_card_below,
    mute_until,
    swap_row,
)
from bot.handlers.report_filters import pick
from bot.handlers.stats import Ask
from bot.handlers.turn import Turn
from bot.stats import builder
from bot.ui import format as fmt
from bot.ui.callbacks import AlertCb
from storage.alerts import StoredRule

#: an alert's entity kind → the report builder's filter of it
REPORT_FILTERS = {"offer": "offer", "source": "ts", "country": "country"}
NAME = 40


async def pressed(turn: Turn, callback_data: AlertCb) -> tuple[StoredRule, Rule, str] | None:
    """The presser's rule and the entity the button names; None (and refused) otherwise."""
    stored = await turn.services.alerts.get(turn.user.id, callback_data.r)
    rule = rule_of(stored) if stored is not None else None
    entity = unpack(callback_data.arg)
    if stored is None or rule is None or entity is None:
        turn.toast("alerts.not_yours", alert=True)
        return None
    return stored, rule, entity


def is_mute_button(data: str | None) -> bool:
    if not data or not data.startswith(f"{AlertCb.__prefix__}{AlertCb.__separator__}"):
        return False
    return AlertCb.unpack(data).op in MUTE_OPS | {UNMUTE}


async def entity_name(turn: Turn, rule_id: int, entity: str) -> str:
    """The entity as the watcher last saw it named, else as stored (``campaign:12``)."""
    state = (await turn.services.alerts.states([rule_id])).get((rule_id, entity))
    return fmt.cut(str(state.data.get("name") or entity) if state else entity, NAME)


async def on_mute(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    found = await pressed(turn, callback_data)
    if found is None or not isinstance(query.message, Message):
        return
    stored, _rule, entity = found
    alerts, t = turn.services.alerts, turn.t
    name = await entity_name(turn, stored.id, entity)
    muted = callback_data.op != UNMUTE
    if muted:
        zone = zone_of(turn.user)
        until = mute_until(callback_data.op, turn.services.clock(), zone)
        await alerts.mute(turn.user.id, stored.id, entity, until)
        turn.toast("alerts.muted", name=name, until=fmt.local_time(until, zone))
    else:
        await alerts.unmute(turn.user.id, stored.id, entity)
        turn.toast("alerts.unmuted", name=name)
    row = mute_row(t, stored.id, stored.tracker_id, entity, muted=muted)
    keyboard = swap_row(query.message.reply_markup, is_mute_button, row)
    if keyboard is not None:
        await query.message.edit_reply_markup(reply_markup=keyboard)


async def on_stats(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    """The entity's numbers below the alert, on the rule's tracker (made the active one)."""
    turn = Turn.of(query, data)
    found = await pressed(turn, callback_data)
    if found is None or not isinstance(query.message, Message):
        return
    stored, rule, entity = found
    tracker = await turn.services.trackers.get(turn.user.id, stored.tracker_id)
    if tracker is None:
        turn.toast("alerts.tracker_gone", alert=True)
        return
    kind = kind_of(entity)
    if kind == "campaign" and id_of(entity) is not None:
        await campaign_card_below(query.message, tracker, int(id_of(entity) or 0), data)
        return
    if kind not in REPORT_FILTERS:
        turn.toast("alerts.no_stats", alert=True)
        return
    if turn.user.active_tracker_id != tracker.id:
        await turn.services.users.set_active_tracker(turn.user.id, tracker.id)
    client = await turn.services.clients.client(tracker)
    if client is None:
        turn.toast("alerts.tracker_gone", alert=True)
        return
    ask = Ask(query, turn.t, turn.user, tracker, client, turn.services, turn.bot, turn.state)
    spec = builder.new_spec("yesterday" if rule.window == "yesterday" else "today")
    spec["group"] = "campaign"
    screen = await pick(ask, spec, REPORT_FILTERS[kind], entity.partition(":")[2])
    await turn.post(screen)
