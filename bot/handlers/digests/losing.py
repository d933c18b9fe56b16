"""The "⏸ Pause losing" button under a delivered digest: only its owner may press it. The
campaigns that lost money in the digest's period are read again and listed with their
losses as a toggle list: preselected are those that lost with at least ``MIN_SPEND`` spent
and are not profitable over the last 7 days (those are shown, marked, and left unticked).
Exactly the ticked ones are paused on confirmation, each one's outcome said, with Undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.types import CallbackQuery

from bot.config import Settings
from bot.digests.buttons import (
    PAUSE_AGAIN,
    PAUSE_NO,
    PAUSE_UNDO,
    PAUSE_YES,
    pause_data,
    toggle_data,
)
from bot.digests.compose import digest_period, digest_summary, title_of
from bot.handlers.digests.common import Turn, repository
from bot.handlers.digests.listing import default_digest
from bot.handlers.scope_picker import Row
from bot.i18n import Html, Translator
from bot.services.calls import perform
from bot.stats.periods import period_of
from bot.stats.render import campaign_line
from bot.ui import format as fmt
from bot.ui.callbacks import DigestCb
from bot.ui.errors import describe
from bot.ui.keyboards import button, markup, rows_of
from bot.ui.screens import Screen
from keitaro import ApiResult, KeitaroClient, KeitaroError
from storage import Tracker
from storage.models import Digest

#: losing campaigns listed (and offered as toggles) in the "pause them?" question
PAUSE_LISTED = 20
#: a loss counts for preselection only with at least this much spent in the period (USD);
#: ``PAUSE_MIN_SPEND`` in the settings
MIN_SPEND = Settings.model_fields["pause_min_spend"].default
#: money in digests is in USD, as in /stats (the API does not say the tracker's currency)
CURRENCY = "USD"


async def owned_digest(turn: Turn, callback_data: DigestCb) -> Digest | None:
    """The digest the button is for, when the presser owns it; None after saying why not.

    ``arg`` names the owner only to answer a teammate in a group chat politely; the digest
    itself is looked up among the presser's own, so a forged ``arg`` reaches nothing.
    """
    if callback_data.arg.split("-")[0] != str(turn.user.id):
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

    tracker: Tracker | None
    title: str
    rows: list[Row]
    paused: int = 0
    #: campaign id → its profit over the last 7 days (what the threshold also looks at)
    week: dict[int, float] | None = None


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
    week = await week_profits(call, digest.timezone, now, running[:PAUSE_LISTED])
    return Losing(tracker, title, running, len(worst) - len(running), week)


async def week_profits(call: Any, timezone: str, now: Any, rows: list[Row]) -> dict[int, float]:
    """Each campaign's profit over the last 7 days; empty when the report cannot be read
    (then nothing is marked profitable, and nothing is preselected without its spend)."""
    ids = [int(row["campaign_id"]) for row in rows]
    if not ids:
        return {}
    params = {
        "range": period_of("7d", timezone, now).as_range(),
        "dimensions": ["campaign_id"],
        "measures": ["profit"],
        "filters": [{"name": "campaign_id", "operator": "IN_LIST", "expression": ids}],
    }
    try:
        answer = (await call("reports.build", params)).data
    except KeitaroError:
        return {}
    found: dict[int, float] = {}
    for row in answer.get("rows") or [] if isinstance(answer, dict) else []:
        if isinstance(row, dict) and isinstance(row.get("campaign_id"), int):
            try:
                found[row["campaign_id"]] = float(row.get("profit") or 0)
            except (TypeError, ValueError):
                continue
    return found


def preselected(row: Row, week: dict[int, float], min_spend: float) -> bool:
    """A loss over the minimum spend, from a campaign that is not profitable over 7 days."""
    try:
        profit, cost = float(row.get("profit") or 0), float(row.get("cost") or 0)
    except (TypeError, ValueError):
        return False
    return profit < 0 and cost >= min_spend and week.get(int(row["campaign_id"]), 0) <= 0


def pending_rows(losing: Losing, min_spend: float) -> list[dict[str, Any]]:
    """What the question shows, kept with it so a toggle redraws it without asking again."""
    week = losing.week or {}
    return [
        {
            "id": int(row["campaign_id"]),
            "line": campaign_line(row, CURRENCY),
            "week": week.get(int(row["campaign_id"])),
            "small": float(row.get("cost") or 0) < min_spend,
        }
        for row in losing.rows[:PAUSE_LISTED]
    ]


def pause_question(
    t: Translator,
    digest: Digest,
    losing: Losing,
    rows: list[dict[str, Any]],
    chosen: set[int],
    min_spend: float,
) -> Screen:
    """Each running losing campaign with its loss, a toggle each, and Pause the ticked."""
    if not losing.rows:
        key = "digest.pause_all_paused" if losing.paused else "digest.pause_nothing"
        return Screen(t(key, title=losing.title, count=losing.paused))
    lines = [t("digest.pause_choose", title=losing.title), ""]
    keys = []
    for n, row in enumerate(rows, 1):
        mark = "☑️" if row["id"] in chosen else "⬜"
        line = f"{mark} {n}. {row['line']}"
        if row.get("week") is not None and row["week"] > 0:
            week = Html(fmt.money(row["week"], CURRENCY, signed=True))
            line += "\n      " + t("digest.pause_week_profit", profit=week)
        elif row.get("small"):
            line += "\n      " + t("digest.pause_small", spend=Html(fmt.money(min_spend)))
        lines.append(line)
        keys.append(button(f"{mark} {n}", toggle_data(digest, row["id"])))
    count = len(losing.rows)
    if count > PAUSE_LISTED:
        lines.append(t("digest.pause_more", count=count - PAUSE_LISTED))
    if losing.paused:
        lines += ["", t("digest.pause_already", count=losing.paused)]
    lines += ["", t("digest.pause_rule", spend=Html(fmt.money(min_spend)))]
    yes = t.plain("digest.pause_yes", count=len(chosen))
    keyboard = markup(
        *rows_of(keys, 5),
        [button(yes, pause_data(PAUSE_YES, digest))],
        [button(t.plain("digest.pause_no"), pause_data(PAUSE_NO, digest))],
    )
    return Screen("\n".join(lines), keyboard)


async def ask_to_pause(turn: Turn, digest: Digest, *, in_place: bool, note: str = "") -> None:
    """List the losing campaigns as they are now and remember exactly those for the
    confirmation, which counts only from this message and for a short while."""
    losing = await read_losing(turn, digest, in_place=in_place)
    if losing is None:
        return
    min_spend = turn.services.settings.pause_min_spend
    rows = pending_rows(losing, min_spend)
    week = losing.week or {}
    chosen = [
        int(r["campaign_id"]) for r in losing.rows[:PAUSE_LISTED] if preselected(r, week, min_spend)
    ]
    names = {str(row["campaign_id"]): str(row.get("campaign") or "") for row in losing.rows}
    await turn.pause_store().update_data(
        pause={"digest": digest.id, "ids": [r["id"] for r in rows], "chosen": chosen,
               "names": names, "rows": rows, "title": losing.title, "paused": losing.paused}
    )  # fmt: skip
    screen = pause_question(turn.t, digest, losing, rows, set(chosen), min_spend)
    if note:
        screen = Screen(f"{note}\n\n{screen.text}", screen.keyboard)
    message = await (turn.show(screen) if in_place else turn.post(screen))
    await turn.asked(message, f"pause-losing:{digest.id}")


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
    if not await turn.confirmed(f"pause-losing:{digest.id}"):
        # an old question: the losing campaigns then may be earning now; list them again
        await ask_to_pause(turn, digest, in_place=True, note=t("confirm.again"))
        return
    names: dict[str, str] = pending.get("names") or {}
    chosen = [int(i) for i in pending.get("chosen") or [] if int(i) in pending["ids"]]
    if not chosen:
        turn.toast("digest.pause_none_chosen", alert=True)
        return
    outcome = await switch_all(turn, digest, "campaigns.disable", chosen, names)
    if outcome is None:
        return
    paused, lines = outcome
    # what Undo may resume: exactly the campaigns this press paused
    await store.update_data(pause={"digest": digest.id, "undo": paused, "names": names})
    head = t("digest.pause_done", paused=len(paused), count=len(chosen))
    keyboard = None
    if paused:
        undo = button(t.plain("digest.pause_undo"), pause_data(PAUSE_UNDO, digest))
        keyboard = markup([undo])
    await turn.show(Screen("\n".join([head, *lines]), keyboard))


async def on_pause_toggled(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    """Tick or untick one campaign of the question, redrawn in place from what it showed."""
    turn = Turn.of(query, data)
    digest = await owned_digest(turn, callback_data)
    if digest is None:
        return
    store = turn.pause_store()
    pending = (await store.get_data()).get("pause") or {}
    _, _, wanted = callback_data.arg.partition("-")
    if pending.get("digest") != digest.id or not wanted.isdigit() or not pending.get("rows"):
        turn.toast("digest.pause_stale")
        return
    campaign_id = int(wanted)
    if campaign_id not in pending["ids"]:
        turn.toast("stale.button")
        return
    chosen = set(pending.get("chosen") or [])
    chosen ^= {campaign_id}
    pending["chosen"] = sorted(chosen)
    await store.update_data(pause=pending)
    losing = Losing(
        tracker=None,  # the question only needs its rows
        title=str(pending.get("title") or ""),
        rows=[{"campaign_id": r["id"]} for r in pending["rows"]],
        paused=int(pending.get("paused") or 0),
    )
    min_spend = turn.services.settings.pause_min_spend
    screen = pause_question(turn.t, digest, losing, pending["rows"], chosen, min_spend)
    await turn.show(screen)


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
