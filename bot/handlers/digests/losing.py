"""The "⏸ Pause losing" button under a delivered digest: only its owner may press it. The
campaigns that lost money in the digest's period are read again and listed with their
losses, and exactly those are paused on confirmation, each one's outcome said.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.types import CallbackQuery

from bot.digests.buttons import PAUSE_AGAIN, PAUSE_NO, PAUSE_UNDO, PAUSE_YES, pause_data
from bot.digests.compose import digest_period, digest_summary, title_of
from bot.handlers.digests.common import Row, Turn, repository
from bot.handlers.digests.listing import default_digest
from bot.i18n import Html, Translator
from bot.services.calls import perform
from bot.stats.render import campaign_line
from bot.ui.callbacks import DigestCb
from bot.ui.errors import describe
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen
from keitaro import ApiResult, KeitaroClient, KeitaroError
from storage import Tracker
from storage.models import Digest

#: losing campaigns named in the "pause them?" question; all of them are paused
PAUSE_LISTED = 20
#: money in digests is in USD, as in /stats (the API does not say the tracker's currency)
CURRENCY = "USD"


async def owned_digest(turn: Turn, callback_data: DigestCb) -> Digest | None:
    """The digest the button is for, when the presser owns it; None after saying why not.

    ``arg`` names the owner only to answer a teammate in a group chat politely; the digest
    itself is looked up among the presser's own, so a forged ``arg`` reaches nothing.
    """
    if callback_data.arg != str(turn.user.id):
        turn.toast("digest.owner_only", alert=True)
        return None
    if callback_data.id == 0:  # the unsaved one of "/digest now": the active tracker's
        if turn.user.active_tracker_id is None:
            turn.toast("digest.no_tracker")
            return None
        tracker_id = turn.user.active_tracker_id
        return default_digest(turn.user, tracker_id, turn.chat, turn.services.clock())
    digest = await repository(turn.services).get(turn.user.id, callback_data.id)
    if digest is None:
        turn.toast("digest.gone")
    return digest


@dataclass
class Losing:
    """The owner's tracker for a digest, and the campaigns that lost money in its period:
    the running ones (``rows``) and how many of them are paused already."""

    tracker: Tracker
    title: str
    rows: list[Row]
    paused: int = 0


async def read_losing(turn: Turn, digest: Digest, *, in_place: bool) -> Losing | None:
    """The digest's losing campaigns read now (period, time zone, scope as the digest has
    them) with their current state; None once a failure is on the screen, with Retry."""
    services, t = turn.services, turn.t
    tracker = await services.trackers.get(digest.owner_id, digest.tracker_id)
    client = await services.clients.client(tracker) if tracker else None
    if tracker is None or client is None:
        turn.toast("digest.tracker_gone", alert=True)
        return None

    async def call(action: str, params: dict[str, Any]) -> ApiResult:
        return await perform(
            services, client, tracker, action, params, bot=turn.bot, chat_id=turn.chat
        )

    now = services.clock()
    scope = str(digest.spec.get("scope") or "")
    title = title_of(t, digest_period(digest.spec, digest.timezone, now), tracker.name, scope)
    try:
        summary = await digest_summary(call, digest.spec, digest.timezone, now)
        campaigns = (await call("campaigns.list", {})).data
    except KeitaroError as error:
        text = t("digest.pause_failed", tracker=tracker.name, reason=Html(describe(t, error)))
        retry = button(f"🔄 {t.plain('b.retry')}", pause_data(PAUSE_AGAIN, digest))
        screen = Screen(text, markup([retry]))
        await (turn.show(screen) if in_place else turn.post(screen))
        return None
    states = {row.get("id"): row.get("state") for row in campaigns if isinstance(row, dict)}
    worst = [row for row in summary.worst if row.get("campaign_id") in states]
    running = [row for row in worst if states[row["campaign_id"]] == "active"]
    return Losing(tracker, title, running, len(worst) - len(running))


def pause_question(t: Translator, digest: Digest, losing: Losing) -> Screen:
    """Each running losing campaign with its loss, and Pause / Keep."""
    if not losing.rows:
        key = "digest.pause_all_paused" if losing.paused else "digest.pause_nothing"
        return Screen(t(key, title=losing.title, count=losing.paused))
    count = len(losing.rows)
    lines = [t("digest.pause_ask", count=count, title=losing.title), ""]
    lines += [f"• {campaign_line(row, CURRENCY)}" for row in losing.rows[:PAUSE_LISTED]]
    if count > PAUSE_LISTED:
        lines.append(t("digest.pause_more", count=count - PAUSE_LISTED))
    if losing.paused:
        lines += ["", t("digest.pause_already", count=losing.paused)]
    keyboard = markup(
        [button(t.plain("digest.pause_yes", count=count), pause_data(PAUSE_YES, digest))],
        [button(t.plain("digest.pause_no"), pause_data(PAUSE_NO, digest))],
    )
    return Screen("\n".join(lines), keyboard)


async def ask_to_pause(turn: Turn, digest: Digest, *, in_place: bool, note: str = "") -> None:
    """List the losing campaigns as they are now and remember exactly those for the
    confirmation, which counts only from this message and for a short while."""
    losing = await read_losing(turn, digest, in_place=in_place)
    if losing is None:
        return
    ids = [int(row["campaign_id"]) for row in losing.rows]
    names = {str(row["campaign_id"]): str(row.get("campaign") or "") for row in losing.rows}
    await turn.pause_store().update_data(pause={"digest": digest.id, "ids": ids, "names": names})
    screen = pause_question(turn.t, digest, losing)
    if note:
        screen = Screen(f"{note}\n\n{screen.text}", screen.keyboard)
    message = await (turn.show(screen) if in_place else turn.post(screen))
    turn.asked(message, f"pause-losing:{digest.id}")


async def on_pause_losing(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    """The question, each losing campaign with its loss: a new message under the digest
    (``L``, the digest stays as it was), or this message again (``R``, Retry)."""
    turn = Turn.of(query, data)
    digest = await owned_digest(turn, callback_data)
    if digest is not None:
        await ask_to_pause(turn, digest, in_place=callback_data.op == PAUSE_AGAIN)


async def switch_one(
    turn: Turn, tracker: Tracker, client: KeitaroClient, action: str, campaign_id: int
) -> str | None:
    """``campaigns.disable`` (or ``enable``, for Undo) through the owner's client: None when
    done, else the reason."""
    try:
        await perform(
            turn.services, client, tracker, action, {"id": campaign_id},
            bot=turn.bot, chat_id=turn.chat,
        )  # fmt: skip
    except KeitaroError as error:
        return describe(turn.t, error)
    return None


async def switch_all(
    turn: Turn, digest: Digest, action: str, ids: list[int], names: dict[str, str]
) -> tuple[list[int], list[str]] | None:
    """Run ``action`` on each campaign: the ids it worked for and a line per campaign; None
    (after a pop-up) when the digest's tracker is gone."""
    tracker = await turn.services.trackers.get(digest.owner_id, digest.tracker_id)
    client = await turn.services.clients.client(tracker) if tracker else None
    if tracker is None or client is None:
        turn.toast("digest.tracker_gone", alert=True)
        return None
    done, lines = [], []
    for campaign_id in ids:
        name = names.get(str(campaign_id)) or f"#{campaign_id}"
        reason = await switch_one(turn, tracker, client, action, int(campaign_id))
        if reason is None:
            done.append(int(campaign_id))
            lines.append(turn.t("digest.pause_ok_line", name=name))
        else:
            lines.append(turn.t("digest.pause_fail_line", name=name, reason=Html(reason)))
    return done, lines


async def on_pause_confirmed(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    """Pause exactly the campaigns the question listed, and say how each one went."""
    turn = Turn.of(query, data)
    t = turn.t
    digest = await owned_digest(turn, callback_data)
    if digest is None:
        return
    store = turn.pause_store()
    pending = (await store.get_data()).get("pause") or {}
    if pending.get("digest") != digest.id or not pending.get("ids"):
        turn.toast("digest.pause_stale")  # answered already, or another question since
        await ask_to_pause(turn, digest, in_place=True)
        return
    if not turn.confirmed(f"pause-losing:{digest.id}"):
        # an old question: the losing campaigns then may be earning now; list them again
        await ask_to_pause(turn, digest, in_place=True, note=t("confirm.again"))
        return
    names: dict[str, str] = pending.get("names") or {}
    outcome = await switch_all(turn, digest, "campaigns.disable", list(pending["ids"]), names)
    if outcome is None:
        return
    paused, lines = outcome
    # what Undo may resume: exactly the campaigns this press paused
    await store.update_data(pause={"digest": digest.id, "undo": paused, "names": names})
    head = t("digest.pause_done", paused=len(paused), count=len(pending["ids"]))
    keyboard = None
    if paused:
        undo = button(t.plain("digest.pause_undo"), pause_data(PAUSE_UNDO, digest))
        keyboard = markup([undo])
    await turn.show(Screen("\n".join([head, *lines]), keyboard))


async def on_pause_undone(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    """Undo: resume the campaigns the last Pause paused (and only those)."""
    turn = Turn.of(query, data)
    digest = await owned_digest(turn, callback_data)
    if digest is None:
        return
    store = turn.pause_store()
    pending = (await store.get_data()).get("pause") or {}
    if pending.get("digest") != digest.id or not pending.get("undo"):
        turn.toast("digest.pause_stale")
        return
    names: dict[str, str] = pending.get("names") or {}
    outcome = await switch_all(turn, digest, "campaigns.enable", list(pending["undo"]), names)
    if outcome is None:
        return
    resumed, lines = outcome
    await store.update_data(pause=None)
    head = turn.t("digest.pause_undone", resumed=len(resumed), count=len(pending["undo"]))
    await turn.show(Screen("\n".join([head, *lines])))


async def on_pause_kept(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    digest = await owned_digest(turn, callback_data)
    if digest is None:
        return
    await turn.pause_store().update_data(pause=None)
    await turn.show(Screen(turn.t("digest.pause_kept")))
