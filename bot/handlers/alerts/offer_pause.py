"""⏸ Pause an offer's streams, from an alert about the offer (a cap reached, a loss).

Keitaro has no "pause an offer": traffic reaches an offer through streams. The button lists
the streams that sent the offer clicks today (by the tracker's own report), says that a
stream also stops its other offers, and asks (✖️ No forgets the question); "Pause N
streams" pauses exactly those, each reported, with ↩️ Undo resuming exactly the ones it
paused. The question is answered only from its own screen and within the confirmations'
time (``bot.services.confirm``): a week-old button asks again, with the streams as they
are then. The streams asked about are kept beside the dialogs (the FSM data under their own
key), so a restart in between loses nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.alerts.entities import id_of, kind_of
from bot.handlers.alerts.buttons import pressed
from bot.handlers.turn import Turn
from bot.stats.periods import period_of
from bot.ui import format as fmt
from bot.ui.callbacks import AlertCb
from bot.ui.errors import describe
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen
from keitaro import KeitaroClient, KeitaroError
from storage.alerts import StoredRule

#: the question's purpose for ``bot.services.confirm``
PURPOSE = "alert-offer-pause"
#: streams listed at most (the rest are paused too, and counted)
SHOWN = 15
NAME = 40


def side_store(turn: Turn) -> FSMContext:
    """Beside the dialogs: an alert dialog's Cancel must not forget this question."""
    key = replace(turn.state.key, destiny="alert_offer_pause")
    return FSMContext(storage=turn.state.storage, key=key)


async def streams_of_offer(
    client: KeitaroClient, offer_id: int, timezone: str, now: Any
) -> list[dict[str, Any]]:
    """The streams that sent the offer clicks today, busiest first."""
    result = await client.call(
        "reports.build",
        {
            "range": period_of("today", timezone, now).as_range(),
            "dimensions": ["stream_id", "stream", "campaign_id", "campaign"],
            "measures": ["clicks", "cost", "profit"],
            "filters": [{"name": "offer_id", "operator": "EQUALS", "expression": offer_id}],
            "sort": [{"name": "clicks", "order": "DESC"}],
            "limit": 500,
        },
    )
    rows = result.data.get("rows") if isinstance(result.data, dict) else None
    return [r for r in rows or [] if isinstance(r, dict) and isinstance(r.get("stream_id"), int)]


async def _client(turn: Turn, tracker_id: int) -> KeitaroClient | None:
    tracker = await turn.services.trackers.get(turn.user.id, tracker_id)
    client = await turn.services.clients.client(tracker) if tracker is not None else None
    if client is None:
        turn.toast("alerts.tracker_gone", alert=True)
    return client


async def on_ask(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    """The streams the offer's traffic comes through, and the question (a new message)."""
    turn = Turn.of(query, data)
    found = await pressed(turn, callback_data)
    if found is None or not isinstance(query.message, Message):
        return
    stored, _rule, entity = found
    offer_id = id_of(entity)
    if kind_of(entity) != "offer" or offer_id is None:
        turn.toast("alerts.not_yours", alert=True)
        return
    await ask(turn, stored, offer_id, in_place=False)


async def ask(
    turn: Turn, stored: StoredRule, offer_id: int, *, in_place: bool, note: str = ""
) -> None:
    """Read the offer's streams as they are now and ask about exactly those: a new message
    under the alert, or (a late or stale press) the question's own message again."""
    client = await _client(turn, stored.tracker_id)
    if client is None:
        return
    t = turn.t
    say = turn.show if in_place else turn.post
    try:
        rows = await streams_of_offer(client, offer_id, turn.user.timezone or "UTC",
                                      turn.services.clock())  # fmt: skip
    except KeitaroError as error:
        await say(Screen(f"❌ {describe(t, error, client.host)}", None))
        return
    if not rows:
        await say(Screen(t("alerts.offer.none"), None))
        return
    names = {str(r["stream_id"]): _name(r) for r in rows}
    await side_store(turn).update_data(
        pending={"rule": stored.id, "offer": offer_id, "streams": list(names), "names": names}
    )
    lines = [note] if note else []
    lines.append(t("alerts.offer.ask", n=len(rows)))
    lines += [
        t("alerts.offer.line", name=names[str(r["stream_id"])], clicks=fmt.number(r.get("clicks")))
        for r in rows[:SHOWN]
    ]
    if len(rows) > SHOWN:
        lines.append(t("alerts.offer.more", n=len(rows) - SHOWN))
    yes = AlertCb(op="O", r=stored.id, t=stored.tracker_id, arg=str(offer_id))
    no = AlertCb(op="N", r=stored.id, t=stored.tracker_id, arg=str(offer_id))
    keyboard = markup(
        [button(t.plain("alerts.offer.yes", n=len(rows)), yes.pack())],
        [button(t.plain("alerts.offer.no"), no.pack())],
    )
    message = await say(Screen("\n".join(lines), keyboard))
    await turn.asked(message, PURPOSE)


def _name(row: dict[str, Any]) -> str:
    stream = str(row.get("stream") or f"#{row.get('stream_id')}")
    campaign = str(row.get("campaign") or "")
    return fmt.cut(f"{campaign} — {stream}" if campaign else stream, NAME * 2)


async def on_confirm(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    """Pause exactly the streams the question listed; Undo resumes those that paused."""
    await _switch(query, callback_data, data, pause=True)


async def on_undo(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    await _switch(query, callback_data, data, pause=False)


async def on_cancel(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    """✖️ No: forget the question; the streams stay as they are."""
    turn = Turn.of(query, data)
    store = side_store(turn)
    pending = (await store.get_data()).get("pending") or {}
    if pending.get("rule") == callback_data.r and str(pending.get("offer")) == callback_data.arg:
        await store.update_data(pending={})
    await turn.show(Screen(turn.t("alerts.offer.cancelled"), None))


async def _switch(
    query: CallbackQuery, callback_data: AlertCb, data: dict[str, Any], *, pause: bool
) -> None:
    turn = Turn.of(query, data)
    stored = await turn.services.alerts.get(turn.user.id, callback_data.r)
    if stored is None:
        turn.toast("alerts.not_yours", alert=True)
        return
    store = side_store(turn)
    pending = (await store.get_data()).get("pending") or {}
    key = "streams" if pause else "paused"
    if pending.get("rule") != stored.id or str(pending.get("offer")) != callback_data.arg:
        turn.toast("alerts.offer.stale", alert=True)
        return
    if pause and not await turn.confirmed(PURPOSE):
        # an old question: the offer's traffic may run through other streams now
        offer_id = int(callback_data.arg) if callback_data.arg.isdigit() else 0
        await ask(turn, stored, offer_id, in_place=True, note=turn.t("confirm.again"))
        return
    client = await _client(turn, stored.tracker_id)
    if client is None:
        return
    t, names = turn.t, pending.get("names") or {}
    action = "streams.disable" if pause else "streams.enable"
    done, lines = [], []
    for stream_id in pending.get(key) or []:
        name = str(names.get(str(stream_id)) or f"#{stream_id}")
        try:
            await client.call(action, {"id": int(stream_id)})
        except KeitaroError as error:
            lines.append(t("alerts.offer.failed", name=name, reason=describe(t, error)))
            continue
        done.append(stream_id)
        lines.append(t("alerts.offer.ok" if pause else "alerts.offer.resumed", name=name))
    await store.update_data(pending={**pending, "paused": done if pause else []})
    head = t("alerts.offer.done" if pause else "alerts.offer.undone", n=len(done))
    keyboard = None
    if pause and done:
        undo = AlertCb(op="U", r=stored.id, t=stored.tracker_id, arg=callback_data.arg)
        keyboard = markup([button(t.plain("alerts.offer.undo"), undo.pack())])
    await turn.show(Screen("\n".join([head, *lines]), keyboard))
