"""The scope pickers behind the card's scope button: everything, a campaign group, or chosen
campaigns, read from the draft's tracker (through the short cache) and paged. Each choice
goes back to the card; an unreachable tracker gets Retry and Back, the draft untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiogram.types import CallbackQuery, InlineKeyboardButton

from bot.handlers.digests.common import (
    EVERYTHING,
    NAME_ON_BUTTON,
    Row,
    Turn,
    campaigns_label,
    scope_label,
)
from bot.handlers.digests.dialog import show_card
from bot.handlers.digests.listing import show_list
from bot.i18n import Html, Translator
from bot.services.calls import perform
from bot.ui.callbacks import DigestCb
from bot.ui.errors import describe
from bot.ui.format import cut
from bot.ui.keyboards import Page, button, markup, page_of, rows_of
from bot.ui.screens import Screen
from keitaro import KeitaroError
from storage import Tracker

if TYPE_CHECKING:
    pass


def scope_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    keyboard = markup(
        [button(t.plain("digest.scope_everything"), DigestCb(op="o", arg="all").pack())],
        [button(t.plain("digest.scope_group"), DigestCb(op="o", arg="grp").pack())],
        [button(t.plain("digest.scope_campaigns"), DigestCb(op="o", arg="cmp").pack())],
        [button(t.plain("digest.back"), DigestCb(op="o", arg="card").pack())],
    )
    text = t("digest.scope_title", scope=scope_label(t, draft.get("scope") or EVERYTHING))
    return Screen(text, keyboard)


def nav_row(page: Page[Any], data: Callable[[int], str]) -> list[InlineKeyboardButton]:
    """◀️ ▶️ to the neighbouring pages that exist."""
    row = []
    if page.number > 0:
        row.append(button("◀️", data(page.number - 1)))
    if page.number < page.count - 1:
        row.append(button("▶️", data(page.number + 1)))
    return row


def page_note(t: Translator, page: Page[Any]) -> str:
    if page.count < 2:
        return ""
    return t.plain("digest.page", page=page.number + 1, pages=page.count)


def read_failed(t: Translator, tracker: str, error: KeitaroError, retry: str, back: str) -> Screen:
    """The tracker did not give the list: why, and Retry / Back; the draft is untouched."""
    text = t("digest.scope_failed", tracker=tracker, reason=Html(describe(t, error)))
    keyboard = markup(
        [button(f"🔄 {t.plain('b.retry')}", retry), button(t.plain("digest.back"), back)]
    )
    return Screen(text, keyboard)


@dataclass
class Listing:
    """The draft tracker's groups or campaigns, as the screens page through them."""

    tracker: Tracker
    rows: list[Row]


async def tracker_list(
    turn: Turn, draft: dict[str, Any], action: str, params: dict[str, Any], retry: str, back: str
) -> Listing | None:
    """``action``'s rows on the draft's tracker (from the short cache); None once the reason
    is on the screen (tracker gone, or unreachable: with Retry and Back)."""
    services = turn.services
    tracker = await services.trackers.get(turn.user.id, int(draft.get("tracker") or 0))
    client = await services.clients.client(tracker) if tracker else None
    if tracker is None or client is None:
        turn.toast("digest.tracker_gone")
        await show_card(turn)
        return None
    try:
        result = await perform(
            services, client, tracker, action, params, bot=turn.bot, chat_id=turn.chat,
            cached=True,
        )  # fmt: skip
    except KeitaroError as error:
        await turn.show(read_failed(turn.t, tracker.name, error, retry, back))
        return None
    data = result.data if isinstance(result.data, list) else []
    rows = [row for row in data if isinstance(row, dict) and isinstance(row.get("id"), int)]
    return Listing(tracker, rows)


async def groups_of(turn: Turn, draft: dict[str, Any], retry: str) -> Listing | None:
    back = DigestCb(op="o").pack()
    return await tracker_list(turn, draft, "groups.list", {"type": "campaigns"}, retry, back)


async def campaigns_of(turn: Turn, draft: dict[str, Any], retry: str) -> Listing | None:
    listing = await tracker_list(turn, draft, "campaigns.list", {}, retry, DigestCb(op="o").pack())
    if listing is not None:  # running ones first, then by name: the order of the pages
        listing.rows.sort(
            key=lambda row: (row.get("state") != "active", str(row.get("name") or "").casefold())
        )
    return listing


def groups_screen(t: Translator, draft: dict[str, Any], listing: Listing, number: int) -> Screen:
    back = [button(t.plain("digest.back"), DigestCb(op="o").pack())]
    if not listing.rows:
        return Screen(t("digest.scope_no_groups", tracker=listing.tracker.name), markup(back))
    scope = draft.get("scope") or EVERYTHING
    current = scope.get("id") if scope.get("kind") == "group" else None
    page = page_of(listing.rows, number)
    buttons = [
        button(
            ("• " if row["id"] == current else "")
            + cut(str(row.get("name") or f"#{row['id']}"), NAME_ON_BUTTON),
            DigestCb(op="G", id=row["id"]).pack(),
        )
        for row in page.items
    ]
    nav = nav_row(page, lambda n: DigestCb(op="o", arg="grp", id=n).pack())
    text = t("digest.scope_groups_title", tracker=listing.tracker.name, page=page_note(t, page))
    return Screen(text, markup(*rows_of(buttons, 1), nav, back))


def campaigns_screen(t: Translator, draft: dict[str, Any], listing: Listing, number: int) -> Screen:
    back = [button(t.plain("digest.back"), DigestCb(op="o").pack())]
    if not listing.rows:
        return Screen(t("digest.scope_no_campaigns", tracker=listing.tracker.name), markup(back))
    picked = set(draft.get("picked") or [])
    page = page_of(listing.rows, number)
    toggles = []
    for row in page.items:
        mark = "✅ " if row["id"] in picked else "▫️ "
        paused = "" if row.get("state", "active") == "active" else "⏸ "
        name = cut(str(row.get("name") or f"#{row['id']}"), NAME_ON_BUTTON)
        data = DigestCb(op="M", id=row["id"], arg=str(page.number)).pack()
        toggles.append(button(f"{mark}{paused}{name}", data))
    nav = nav_row(page, lambda n: DigestCb(op="m", id=n).pack())
    done = [button(t.plain("digest.scope_done", count=len(picked)), DigestCb(op="F").pack())]
    text = t(
        "digest.scope_campaigns_title",
        tracker=listing.tracker.name, chosen=len(picked), page=page_note(t, page),
    )  # fmt: skip
    return Screen(text, markup(*rows_of(toggles, 1), nav, done, back))


async def dialog_draft(turn: Turn) -> dict[str, Any] | None:
    """The draft, or None after showing the list: a button of a finished or lost dialog."""
    draft = await turn.draft()
    if draft:
        return draft
    await show_list(turn)
    return None


async def on_scope(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    """The scope screen (``arg`` empty), or: ``all`` everything, ``grp`` groups page ``id``,
    ``cmp`` the campaigns (starting from the ones already chosen), ``card`` back."""
    turn = Turn.of(query, data)
    draft = await dialog_draft(turn)
    if draft is None:
        return
    arg = callback_data.arg
    if arg in {"all", "card"}:
        if arg == "all":
            draft["scope"] = dict(EVERYTHING)
            await turn.save(draft)
        await show_card(turn)
    elif arg == "grp":
        listing = await groups_of(turn, draft, callback_data.pack())
        if listing is not None:
            await turn.show(groups_screen(turn.t, draft, listing, callback_data.id))
    elif arg == "cmp":
        scope = draft.get("scope") or EVERYTHING
        draft["picked"] = list(scope.get("ids") or []) if scope.get("kind") == "campaigns" else []
        await turn.save(draft)
        await show_campaign_page(turn, draft, 0)
    else:
        await turn.show(scope_screen(turn.t, draft))


async def on_group(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    draft = await dialog_draft(turn)
    if draft is None:
        return
    listing = await groups_of(turn, draft, callback_data.pack())
    if listing is None:
        return
    found = [row for row in listing.rows if row["id"] == callback_data.id]
    if not found:  # deleted in the tracker since the page was shown, or forged
        turn.toast("digest.scope_missing")
        await turn.show(groups_screen(turn.t, draft, listing, 0))
        return
    label = cut(str(found[0].get("name") or f"#{callback_data.id}"), NAME_ON_BUTTON)
    draft["scope"] = {"kind": "group", "id": callback_data.id, "label": label}
    draft["scope_tracker"] = listing.tracker.id
    await turn.save(draft)
    await show_card(turn)


async def show_campaign_page(turn: Turn, draft: dict[str, Any], number: int) -> None:
    listing = await campaigns_of(turn, draft, DigestCb(op="m", id=number).pack())
    if listing is not None:
        await turn.show(campaigns_screen(turn.t, draft, listing, number))


async def on_campaign_page(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    draft = await dialog_draft(turn)
    if draft is not None:
        await show_campaign_page(turn, draft, callback_data.id)


async def on_campaign_toggle(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    draft = await dialog_draft(turn)
    if draft is None:
        return
    number = int(callback_data.arg) if callback_data.arg.isdigit() else 0
    listing = await campaigns_of(turn, draft, callback_data.pack())
    if listing is None:
        return
    if any(row["id"] == callback_data.id for row in listing.rows):
        picked = set(draft.get("picked") or []) ^ {callback_data.id}
        draft["picked"] = sorted(picked)
        await turn.save(draft)
    else:
        turn.toast("digest.scope_missing")
    await turn.show(campaigns_screen(turn.t, draft, listing, number))


async def on_campaigns_done(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    draft = await dialog_draft(turn)
    if draft is None:
        return
    if not draft.get("picked"):
        turn.toast("digest.scope_none")
        return
    listing = await campaigns_of(turn, draft, callback_data.pack())
    if listing is None:
        return
    picked = set(draft.get("picked") or [])
    chosen = [row for row in listing.rows if row["id"] in picked]  # gone ones drop out
    if not chosen:
        turn.toast("digest.scope_none")
        await turn.show(campaigns_screen(turn.t, draft, listing, 0))
        return
    ids = sorted(row["id"] for row in chosen)
    draft["scope"] = {"kind": "campaigns", "ids": ids, "label": campaigns_label(turn.t, chosen)}
    draft["scope_tracker"] = listing.tracker.id
    draft.pop("picked", None)
    await turn.save(draft)
    await show_card(turn)
