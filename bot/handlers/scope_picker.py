"""The scope picker: everything, a campaign group, or chosen campaigns, read from a tracker
(through the short cache) and paged. A digest's card and the live feed's settings both open
it; each is a :class:`ScopeHost` that says how the picker's buttons are packed, where the
current scope and the campaigns ticked so far live, and what "back" and "chosen" show.

The picker's own steps (``Step``) are ``o`` the scope screen (``arg``: ``all`` everything,
``grp`` groups page ``id``, ``cmp`` the campaigns, ``card`` back; empty: the screen), ``G``
group ``id`` chosen, ``m`` campaigns page ``id``, ``M`` tick or untick campaign ``id`` (``arg``:
the page), ``F`` the ticked campaigns done. The digest's buttons are these ops as they are;
another host maps them to its own. An unreachable tracker gets Retry and Back, and nothing is
changed.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiogram.types import InlineKeyboardButton

from bot.handlers.turn import Turn
from bot.i18n import Html, Translator
from bot.services.calls import perform
from bot.ui.errors import describe
from bot.ui.format import cut
from bot.ui.keyboards import Page, button, markup, page_of, rows_of
from bot.ui.screens import Screen
from keitaro import KeitaroError
from storage import Tracker

Scope = dict[str, Any]
Row = dict[str, Any]
Step = Literal["o", "G", "m", "M", "F"]

#: the scope that counts the whole tracker
EVERYTHING: Scope = {"kind": "all"}
#: the length of a group or campaign name on a button
NAME_ON_BUTTON = 40


def scope_label(t: Translator, scope: Scope) -> str:
    if scope.get("kind", "all") == "all":
        return t.plain("digest.scope_all")
    return str(scope.get("label") or "?")


def campaigns_label(t: Translator, chosen: list[Row]) -> str:
    """The one campaign's name, or "3 campaigns"."""
    if len(chosen) == 1:
        return cut(str(chosen[0].get("name") or f"#{chosen[0]['id']}"), NAME_ON_BUTTON)
    return t.plain("digest.scope_count", count=len(chosen))


@dataclass
class Picking:
    """What the picker works on: the tracker, its current scope, the campaigns ticked so far."""

    tracker_id: int
    scope: Scope
    picked: list[int] = field(default_factory=list)


class ScopeHost(ABC):
    """The screen the picker was opened from, for one update (``turn``)."""

    #: the scope screen's title (takes ``scope``) and the "could not read" text (``tracker``,
    #: ``reason``): the host's words for what it counts or tells
    title_key = "digest.scope_title"
    failed_key = "digest.scope_failed"

    def __init__(self, turn: Turn) -> None:
        self.turn = turn

    @abstractmethod
    def data(self, step: Step, *, id: int = 0, arg: str = "") -> str:
        """The callback data of the picker's button for ``step``."""

    @abstractmethod
    async def picking(self) -> Picking | None:
        """The tracker and scope being edited; None once the host has shown why not (a
        finished dialog, a tracker that is not the user's)."""

    @abstractmethod
    async def keep_picked(self, picked: list[int]) -> None:
        """Remember the campaigns ticked so far (between pages and presses)."""

    @abstractmethod
    async def chosen(self, scope: Scope, tracker_id: int) -> None:
        """Store the chosen scope (and forget the ticks), then show the host's screen."""

    @abstractmethod
    async def back(self) -> None:
        """The host's screen, as it was."""

    async def gone(self) -> None:
        """The tracker was removed meanwhile."""
        self.turn.toast("digest.tracker_gone")
        await self.back()


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


def back_row(host: ScopeHost) -> list[InlineKeyboardButton]:
    return [button(host.turn.t.plain("digest.back"), host.data("o"))]


def scope_screen(host: ScopeHost, scope: Scope) -> Screen:
    t = host.turn.t
    keyboard = markup(
        [button(t.plain("digest.scope_everything"), host.data("o", arg="all"))],
        [button(t.plain("digest.scope_group"), host.data("o", arg="grp"))],
        [button(t.plain("digest.scope_campaigns"), host.data("o", arg="cmp"))],
        [button(t.plain("digest.back"), host.data("o", arg="card"))],
    )
    return Screen(t(host.title_key, scope=scope_label(t, scope)), keyboard)


def read_failed(host: ScopeHost, tracker: str, error: KeitaroError, retry: str) -> Screen:
    """The tracker did not give the list: why, and Retry / Back; nothing is changed."""
    t = host.turn.t
    text = t(host.failed_key, tracker=tracker, reason=Html(describe(t, error)))
    retry_button = button(f"🔄 {t.plain('b.retry')}", retry)
    return Screen(text, markup([retry_button, *back_row(host)]))


@dataclass
class Listing:
    """The tracker's groups or campaigns, as the screens page through them."""

    tracker: Tracker
    rows: list[Row]


async def tracker_list(
    host: ScopeHost, tracker_id: int, action: str, params: dict[str, Any], retry: str
) -> Listing | None:
    """``action``'s rows on the tracker (from the short cache); None once the reason is on
    the screen (tracker gone, or unreachable: with Retry and Back)."""
    turn = host.turn
    services = turn.services
    tracker = await services.trackers.get(turn.user.id, tracker_id)
    client = await services.clients.client(tracker) if tracker else None
    if tracker is None or client is None:
        await host.gone()
        return None
    try:
        result = await perform(
            services, client, tracker, action, params, bot=turn.bot, chat_id=turn.chat,
            cached=True,
        )  # fmt: skip
    except KeitaroError as error:
        await turn.show(read_failed(host, tracker.name, error, retry))
        return None
    data = result.data if isinstance(result.data, list) else []
    rows = [row for row in data if isinstance(row, dict) and isinstance(row.get("id"), int)]
    return Listing(tracker, rows)


async def groups_of(host: ScopeHost, tracker_id: int, retry: str) -> Listing | None:
    return await tracker_list(host, tracker_id, "groups.list", {"type": "campaigns"}, retry)


async def campaigns_of(host: ScopeHost, tracker_id: int, retry: str) -> Listing | None:
    listing = await tracker_list(host, tracker_id, "campaigns.list", {}, retry)
    if listing is not None:  # running ones first, then by name: the order of the pages
        listing.rows.sort(
            key=lambda row: (row.get("state") != "active", str(row.get("name") or "").casefold())
        )
    return listing


def groups_screen(host: ScopeHost, scope: Scope, listing: Listing, number: int) -> Screen:
    t = host.turn.t
    if not listing.rows:
        text = t("digest.scope_no_groups", tracker=listing.tracker.name)
        return Screen(text, markup(back_row(host)))
    current = scope.get("id") if scope.get("kind") == "group" else None
    page = page_of(listing.rows, number)
    buttons = [
        button(
            ("• " if row["id"] == current else "")
            + cut(str(row.get("name") or f"#{row['id']}"), NAME_ON_BUTTON),
            host.data("G", id=row["id"]),
        )
        for row in page.items
    ]
    nav = nav_row(page, lambda n: host.data("o", arg="grp", id=n))
    text = t("digest.scope_groups_title", tracker=listing.tracker.name, page=page_note(t, page))
    return Screen(text, markup(*rows_of(buttons, 1), nav, back_row(host)))


def campaigns_screen(host: ScopeHost, picked: list[int], listing: Listing, number: int) -> Screen:
    t = host.turn.t
    if not listing.rows:
        text = t("digest.scope_no_campaigns", tracker=listing.tracker.name)
        return Screen(text, markup(back_row(host)))
    ticked = set(picked)
    page = page_of(listing.rows, number)
    toggles = []
    for row in page.items:
        mark = "✅ " if row["id"] in ticked else "▫️ "
        paused = "" if row.get("state", "active") == "active" else "⏸ "
        name = cut(str(row.get("name") or f"#{row['id']}"), NAME_ON_BUTTON)
        data = host.data("M", id=row["id"], arg=str(page.number))
        toggles.append(button(f"{mark}{paused}{name}", data))
    nav = nav_row(page, lambda n: host.data("m", id=n))
    done = [button(t.plain("digest.scope_done", count=len(ticked)), host.data("F"))]
    text = t(
        "digest.scope_campaigns_title",
        tracker=listing.tracker.name, chosen=len(ticked), page=page_note(t, page),
    )  # fmt: skip
    return Screen(text, markup(*rows_of(toggles, 1), nav, done, back_row(host)))


# ----- the steps: each host's handler calls one of these ---------------------------------


async def open_scope(host: ScopeHost, arg: str, number: int) -> None:
    """Step ``o``: the scope screen, or everything, the groups page, the campaigns, back."""
    picking = await host.picking()
    if picking is None:
        return
    if arg == "all":
        await host.chosen(dict(EVERYTHING), picking.tracker_id)
    elif arg == "card":
        await host.back()
    elif arg == "grp":
        listing = await groups_of(host, picking.tracker_id, host.data("o", arg=arg, id=number))
        if listing is not None:
            await host.turn.show(groups_screen(host, picking.scope, listing, number))
    elif arg == "cmp":  # starting from the campaigns already chosen
        scope = picking.scope
        picked = list(scope.get("ids") or []) if scope.get("kind") == "campaigns" else []
        await host.keep_picked(picked)
        await show_campaign_page(host, picking.tracker_id, picked, 0)
    else:
        await host.turn.show(scope_screen(host, picking.scope))


async def choose_group(host: ScopeHost, group_id: int) -> None:
    """Step ``G``: the group, if the tracker still has it."""
    picking = await host.picking()
    if picking is None:
        return
    listing = await groups_of(host, picking.tracker_id, host.data("G", id=group_id))
    if listing is None:
        return
    found = [row for row in listing.rows if row["id"] == group_id]
    if not found:  # deleted in the tracker since the page was shown, or forged
        host.turn.toast("digest.scope_missing")
        await host.turn.show(groups_screen(host, picking.scope, listing, 0))
        return
    label = cut(str(found[0].get("name") or f"#{group_id}"), NAME_ON_BUTTON)
    scope = {"kind": "group", "id": group_id, "label": label}
    await host.chosen(scope, listing.tracker.id)


async def show_campaign_page(
    host: ScopeHost, tracker_id: int, picked: list[int], number: int
) -> None:
    listing = await campaigns_of(host, tracker_id, host.data("m", id=number))
    if listing is not None:
        await host.turn.show(campaigns_screen(host, picked, listing, number))


async def campaign_page(host: ScopeHost, number: int) -> None:
    """Step ``m``: another page of the campaigns, the ticks kept."""
    picking = await host.picking()
    if picking is not None:
        await show_campaign_page(host, picking.tracker_id, picking.picked, number)


async def toggle_campaign(host: ScopeHost, campaign_id: int, page: str) -> None:
    """Step ``M``: tick or untick a campaign the tracker has."""
    picking = await host.picking()
    if picking is None:
        return
    number = int(page) if page.isdigit() else 0
    retry = host.data("M", id=campaign_id, arg=page)
    listing = await campaigns_of(host, picking.tracker_id, retry)
    if listing is None:
        return
    picked = picking.picked
    if any(row["id"] == campaign_id for row in listing.rows):
        picked = sorted(set(picked) ^ {campaign_id})
        await host.keep_picked(picked)
    else:
        host.turn.toast("digest.scope_missing")
    await host.turn.show(campaigns_screen(host, picked, listing, number))


async def campaigns_done(host: ScopeHost) -> None:
    """Step ``F``: the ticked campaigns that still exist become the scope."""
    picking = await host.picking()
    if picking is None:
        return
    if not picking.picked:
        host.turn.toast("digest.scope_none")
        return
    listing = await campaigns_of(host, picking.tracker_id, host.data("F"))
    if listing is None:
        return
    picked = set(picking.picked)
    chosen = [row for row in listing.rows if row["id"] in picked]  # gone ones drop out
    if not chosen:
        host.turn.toast("digest.scope_none")
        await host.turn.show(campaigns_screen(host, [], listing, 0))
        return
    ids = sorted(row["id"] for row in chosen)
    scope = {"kind": "campaigns", "ids": ids, "label": campaigns_label(host.turn.t, chosen)}
    await host.chosen(scope, listing.tracker.id)
