"""``/click <sub_id>``: a click's trail — where it came from and went, and what became of it
(its conversions and how their status changed)."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.forms.readable import status_word
from bot.handlers import menu
from bot.handlers.states import ClickLookup
from bot.i18n import Html, Translator
from bot.services.clicklog import LOOKBACK_DAYS, conversions_of, find_click
from bot.ui import format as fmt
from bot.ui.callbacks import TID_MARK, BrowseCb, ConversionCb
from bot.ui.conversions import STATUS_ICONS
from bot.ui.countries import country_label
from bot.ui.errors import describe
from bot.ui.keyboards import button, cancel_row, markup, menu_button
from bot.ui.screens import Screen, present
from keitaro import KeitaroClient, KeitaroError
from storage import Tracker, User

Row = dict[str, Any]
#: conversions listed in the trail (a message holds 4 096 characters)
SHOWN_CONVERSIONS = 20


def create_router() -> Router:
    router = Router(name="clicks")
    router.message.register(on_click_command, Command("click"))
    router.message.register(on_sub_id, ClickLookup.sub_id, F.text & ~F.text.startswith("/"))
    router.message.register(on_other, StateFilter(ClickLookup), ~F.text.startswith("/"))
    return router


async def on_click_command(
    message: Message, command: CommandObject, state: FSMContext, t: Translator, user: User,
    tracker: Tracker | None, client: KeitaroClient | None,
) -> None:  # fmt: skip
    if tracker is None or client is None:
        await present(message, await menu.main_screen(t=t, tracker=None))
        return
    words = (command.args or "").split()
    if not words:
        await state.set_state(ClickLookup.sub_id)
        await present(message, Screen(t("click.ask"), markup(cancel_row(t.plain("b.cancel")))))
        return
    await present(message, await trail_screen(t, user, client, words[0]))


async def on_sub_id(
    message: Message, state: FSMContext, t: Translator, user: User, client: KeitaroClient | None
) -> None:
    await state.clear()
    words = (message.text or "").split()
    if client is None or not words:
        await present(message, await menu.main_screen(t=t, tracker=None))
        return
    await present(message, await trail_screen(t, user, client, words[0]))


async def on_other(message: Message, t: Translator) -> None:
    keyboard = markup(cancel_row(t.plain("b.cancel")))
    await present(message, Screen(f"{t('fallback.in_dialog')}\n{t('click.ask')}", keyboard))


async def trail_screen(t: Translator, user: User, client: KeitaroClient, sub_id: str) -> Screen:
    """The click and its conversions; an unknown click or a failing log says so."""
    back = markup([menu_button(f"« {t.plain('b.menu')}")])
    try:
        click = await find_click(client, sub_id, user.timezone)
    except KeitaroError as error:
        return Screen(f"❌ {describe(t, error)}", back)
    if click is None:
        return Screen(t("click.not_found", sub_id=sub_id, days=LOOKBACK_DAYS), back)
    lines = click_lines(t, sub_id, click)
    rows: list[Row] = []
    try:
        rows = await conversions_of(client, sub_id, timezone=user.timezone)
    except KeitaroError as error:
        lines.append(t("click.conversions_failed", reason=Html(describe(t, error))))
    else:
        lines.append("")
        lines += conversion_lines(t, rows)
    return Screen("\n".join(lines), trail_keyboard(t, sub_id, click, rows))


def trail_keyboard(t: Translator, sub_id: str, click: Row, rows: list[Row]) -> InlineKeyboardMarkup:
    """What a buyer does next with a click: record a conversion for it, change the status of
    one it has, open its campaign."""
    keys: list[list[InlineKeyboardButton]] = []
    record = ConversionCb(op="ck", arg=sub_id).pack()
    if len(record.encode()) <= 64:
        keys.append([button(t.plain("click.b.record"), record)])
        for row in rows[:3]:
            tid = str(row.get("tid") or "")
            data = ConversionCb(op="cs", arg=f"{sub_id}{TID_MARK}{tid}").pack()
            if tid and len(data.encode()) <= 64:
                label = t.plain("click.b.status", id=row.get("conversion_id", "?"))
                keys.append([button(label, data)])
    campaign = click.get("campaign_id")
    if isinstance(campaign, int) and campaign > 0:
        opened = BrowseCb(op="c", view="cm", id=campaign).pack()
        keys.append([button(t.plain("click.b.campaign"), opened)])
    keys.append([menu_button(f"« {t.plain('b.menu')}")])
    return markup(*keys)


def click_lines(t: Translator, sub_id: str, click: Row) -> list[str]:
    def name(key: str) -> str:
        value = click.get(key)
        ident = click.get(f"{key}_id")
        if value and ident:
            return f"{value} (#{ident})"
        return str(value or "—")

    land = country_label(click.get("country_code"), t.language, click.get("country"))
    place = (land, click.get("city"))
    country = ", ".join(str(v) for v in place if v) or "—"
    lines = [
        t("click.title", sub_id=sub_id),
        t("click.when", time=click.get("datetime") or "—", country=country),
        t("click.campaign", name=name("campaign")),
        t("click.stream", name=name("stream")),
        t("click.landing", name=name("landing")),
        t("click.offer", name=name("offer")),
        t("click.source", name=name("ts")),
        t(
            "click.device",
            device=click.get("device_type") or "—",
            os=click.get("os") or "—",
            browser=click.get("browser") or "—",
        ),
        t("click.ip", ip=click.get("ip") or "—"),
    ]
    if click.get("is_bot"):
        lines.append(t("click.bot"))
    return lines


def conversion_lines(t: Translator, rows: list[Row]) -> list[str]:
    """One line per conversion, newest first, with its status history: ``lead → sale``."""
    if not rows:
        return [t("click.no_conversions")]
    lines = [t("click.conversions", count=len(rows))]
    for row in rows[:SHOWN_CONVERSIONS]:
        status = str(row.get("status") or "—")
        history = f"{STATUS_ICONS.get(status, '▫️')} {fmt.esc(status_word(t, status))}"
        previous = row.get("previous_status")
        if previous and previous != status:
            history = f"{fmt.esc(status_word(t, previous))} → {history}"
        original = row.get("original_status")
        if original and str(original).lower() != status.lower():
            history += f" ({t('click.original', status=original)})"
        line = t(
            "click.conversion",
            id=row.get("conversion_id", "?"),
            history=Html(history),
            revenue=Html(fmt.money(row.get("revenue", 0))),
            time=row.get("postback_datetime") or "—",
        )
        if row.get("tid"):
            line += " · " + t("cv.summary_tid", tid=row["tid"])
        lines.append(line)
    if len(rows) > SHOWN_CONVERSIONS:
        lines.append("…")
    return lines
