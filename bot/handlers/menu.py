"""The main menu: today's money on top, the resources one tap away, edited in place."""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message

from bot.i18n import Html, Translator
from bot.services.calls import perform
from bot.stats import ratios
from bot.ui import format as fmt
from bot.ui.callbacks import (
    AlertCb,
    BrowseCb,
    DigestCb,
    LiveCb,
    MenuCb,
    StatsCb,
    TimezoneCb,
    TrackerCb,
)
from bot.ui.errors import describe
from bot.ui.keyboards import button, markup, menu_button, rows_of
from bot.ui.screens import Screen, present
from bot.ui.views import FILTER_VIEWS, MAIN_MENU, MORE_MENU, SETTINGS_VIEWS, VIEWS, EntityView
from keitaro import KeitaroClient, KeitaroError
from storage import Tracker, User

log = logging.getLogger(__name__)
TODAY_MEASURES = ["clicks", "conversions", "revenue", "cost", "profit", "roi"]


def create_router() -> Router:
    router = Router(name="menu")
    router.message.register(on_menu, Command("menu"))
    router.message.register(on_settings, Command("settings"))
    router.callback_query.register(on_menu_button, MenuCb.filter())
    return router


def view_button(t: Translator, code: str) -> InlineKeyboardButton:
    if code == "settings":
        return button(f"⚙️ {t.plain('r.tracker_settings')}", MenuCb(screen="tsettings").pack())
    if code == "fl":
        return button(f"🧩 {t.plain('r.filters')}", MenuCb(screen="filters").pack())
    view = VIEWS[code]
    if code == "rp":  # the Stats button opens /stats, not the raw report table
        return button(f"{view.icon} {t.plain(view.label)}", StatsCb(op="v").pack())
    op = "l" if isinstance(view, EntityView) else "t"
    return button(f"{view.icon} {t.plain(view.label)}", BrowseCb(op=op, view=code).pack())


async def today_line(
    t: Translator, user: User, tracker: Tracker, client: KeitaroClient, services: Any
) -> str:
    """Today's profit, ROI, clicks and conversions, or why they could not be read."""
    params = {
        "range": {"interval": "today", "timezone": user.timezone or "UTC"},
        "dimensions": [],
        "measures": TODAY_MEASURES,
        "summary": True,
        "limit": 1,
    }
    try:
        result = await perform(services, client, tracker, "reports.build", params, cached=True)
    except KeitaroError as error:
        return t("menu.today_failed", reason=Html(describe(t, error)))
    totals = result.data.get("summary") or (result.data["rows"] or [{}])[0]
    return t(
        "menu.today",
        profit=Html(fmt.money(totals.get("profit", 0), signed=True)),
        roi=Html(fmt.roi(ratios.based(totals, "roi"))),  # no spend: "—", not 🟢 0%
        clicks=Html(fmt.number(totals.get("clicks", 0))),
        conversions=Html(fmt.number(totals.get("conversions", 0))),
    )


async def main_screen(
    *,
    t: Translator,
    tracker: Tracker | None,
    client: KeitaroClient | None = None,
    user: User | None = None,
    services: Any = None,
    **_: Any,
) -> Screen:
    if tracker is None or client is None or user is None:
        keyboard = markup([button(t.plain("b.connect"), TrackerCb(op="a").pack())])
        return Screen(t("menu.no_tracker"), keyboard)
    if tracker.name == client.host:
        header = t("menu.header_host", host=client.host)
    else:
        header = t("menu.header", name=tracker.name, host=client.host)
    today = await today_line(t, user, tracker, client, services)
    buttons = [view_button(t, code) for code in MAIN_MENU]
    rows = rows_of(buttons, 2)
    rows.append(watch_row(t, tracker.id))
    rows.append(
        [
            button(f"⋯ {t.plain('b.more')}", MenuCb(screen="more").pack()),
            button(f"⚙️ {t.plain('b.settings')}", MenuCb(screen="settings").pack()),
        ]
    )
    return Screen(f"{header}\n{today}", markup(*rows))


def watch_row(t: Translator, tracker_id: int) -> list[InlineKeyboardButton]:
    """What watches the money while the buyer does not look: alert rules, the live feed,
    the digests, one tap from the menu."""
    return [
        button(t.plain("menu.b.alerts"), AlertCb(op="l", t=tracker_id).pack()),
        button(t.plain("menu.b.live"), LiveCb(op="s", t=tracker_id).pack()),
        button(t.plain("menu.b.digests"), DigestCb(op="l").pack()),
    ]


def list_screen(t: Translator, title: str, codes: tuple[str, ...]) -> Screen:
    rows = rows_of([view_button(t, code) for code in codes], 2)
    rows.append([menu_button(f"« {t.plain('b.menu')}")])
    return Screen(title, markup(*rows))


def settings_screen(t: Translator) -> Screen:
    rows = [
        [button(f"🔑 {t.plain('b.trackers')}", TrackerCb(op="l").pack())],
        [button(f"🌐 {t.plain('b.language')}", MenuCb(screen="lang").pack())],
        [button(t.plain("tz.button"), TimezoneCb(op="a").pack())],
        [menu_button(f"« {t.plain('b.menu')}")],
    ]
    return Screen(t("settings.title"), markup(*rows))


async def on_menu(message: Message, **data: Any) -> None:
    await present(message, await main_screen(**data))


async def on_settings(message: Message, t: Translator) -> None:
    await present(message, settings_screen(t))


async def on_menu_button(
    query: CallbackQuery, callback_data: MenuCb, t: Translator, bot: Bot, **data: Any
) -> None:
    screen_name = callback_data.screen
    if screen_name == "more":
        screen = list_screen(t, t("menu.more"), MORE_MENU)
    elif screen_name == "tsettings":
        screen = list_screen(t, t("menu.tracker_settings"), SETTINGS_VIEWS)
    elif screen_name == "filters":
        screen = list_screen(t, t("menu.filters"), FILTER_VIEWS)
    elif screen_name == "settings":
        screen = settings_screen(t)
    elif screen_name == "lang":
        from bot.handlers.start import language_screen

        screen = language_screen(t)
    else:
        screen = await main_screen(t=t, **data)
    await present(query, screen)
