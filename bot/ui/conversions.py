"""The conversion dialog's screens: steps, the click it found, the card, and the outcome.

Every dynamic value goes through the translator (which escapes it) or ``fmt``; callback data
carries only codes (a status, a currency, a step) and random tokens.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from aiogram.types import InlineKeyboardButton

from bot.forms.readable import status_word
from bot.i18n import Html, Translator
from bot.services.clicklog import LOOKBACK_DAYS
from bot.services.conversion_draft import (
    COMMON_CURRENCIES,
    EXTRAS,
    FIELDS,
    STATUSES,
    STEPS,
    Draft,
)
from bot.ui import format as fmt
from bot.ui.callbacks import CancelCb, ConversionCb, DetailsCb
from bot.ui.countries import country_label
from bot.ui.keyboards import button, cancel_row, markup, menu_button, rows_of
from bot.ui.screens import Screen

STATUS_ICONS = {"lead": "🕓", "sale": "💰", "rejected": "⛔", "rebill": "🔁"}
#: the ``arg`` of Send that sends although an earlier attempt may have gone through
FORCE = "force"


def cb(op: str, arg: str = "") -> str:
    return ConversionCb(op=op, arg=arg).pack()


def details_button(t: Translator, token: str | None) -> list[InlineKeyboardButton] | None:
    if not token:
        return None
    return [button(f"⋯ {t.plain('b.details')}", DetailsCb(token=token).pack())]


# --- pieces -----------------------------------------------------------------------------------


def amount(draft: Draft) -> str:
    """``12.50 USD``; ``12.50`` in the tracker's currency; the offer's payout when empty."""
    if draft.revenue is None:
        return ""
    try:
        shown = fmt.number(Decimal(draft.revenue), 2)
    except InvalidOperation:
        shown = fmt.esc(draft.revenue)
    return f"{shown} {fmt.esc(draft.currency)}" if draft.currency else shown


def summary(t: Translator, draft: Draft) -> str:
    """``click 3b7k2a9f1c8e · sale · 12.50 USD`` (HTML)."""
    parts = [t("cv.summary_click", click_id=draft.click_id or "—")]
    parts.append(fmt.esc(status_word(t, draft.status)) if draft.status else t("cv.status_default"))
    parts.append(amount(draft) or t("cv.offer_payout"))
    line = " · ".join(parts)
    if draft.tid:
        line += "\n" + t("cv.summary_tid", tid=draft.tid)
    if draft.comment:
        line += "\n" + t("cv.summary_comment", comment=fmt.cut(draft.comment, 300))
    if draft.extra:
        shown = ", ".join(f"{k}={v}" for k, v in draft.extra.items())
        line += "\n" + t("cv.summary_extra", params=fmt.cut(shown, 300))
    return line


def click_line(t: Translator, draft: Draft, problem: str | None = None) -> str:
    """What the click log said about the click id."""
    if problem:
        return t("cv.click_unchecked", reason=Html(problem))
    if not draft.checked:
        return ""
    click = draft.click
    if click is None:
        return t("cv.click_missing", click_id=draft.click_id or "", days=LOOKBACK_DAYS)
    return t(
        "cv.click_found",
        campaign=click.get("campaign") or f"#{click.get('campaign_id', '?')}",
        time=str(click.get("datetime") or "—")[:16],
        country=country_label(click.get("country_code"), t.language, click.get("country")) or "—",
    )


# --- the steps ----------------------------------------------------------------------------------


def step_screen(t: Translator, draft: Draft, step: str, note: str = "") -> Screen:
    """The question of ``step`` with its buttons, after an optional note (an error, the click)."""
    head = ""
    if step in STEPS:
        head = t("cv.title", n=STEPS.index(step) + 1, of=len(STEPS)) + " "
    text = head + t(f"cv.ask_{step}")
    if step == EXTRAS:
        text = f"{summary(t, draft)}\n\n{text}"
    if note:
        text = f"{note}\n\n{text}"
    return Screen(text, markup(*step_rows(t, draft, step)))


def step_rows(t: Translator, draft: Draft, step: str) -> list[list[InlineKeyboardButton]]:
    rows: list[list[InlineKeyboardButton]] = []
    if step == "status":
        rows = rows_of([button(t.plain(f"cv.status_{s}"), cb("st", s)) for s in STATUSES], 4)
    elif step == "revenue":
        rows = [[button(t.plain("cv.b_skip_revenue"), cb("sk", "revenue"))]]
    elif step == "currency":
        codes = list(COMMON_CURRENCIES)
        if draft.tracker_currency and draft.tracker_currency not in codes:
            codes.append(draft.tracker_currency)
        rows = [[button(code, cb("cu", code)) for code in codes]]
        rows.append([button(t.plain("cv.b_skip"), cb("sk", "currency"))])
    elif step == EXTRAS:
        rows = [
            [
                button(t.plain("cv.b_add_tid"), cb("ad", "tid")),
                button(t.plain("cv.b_add_comment"), cb("ad", "comment")),
            ],
            [button(f"✔️ {t.plain('cv.b_done')}", cb("dn"))],
        ]
    if draft.back_to_card and step != EXTRAS:
        rows.append([button(f"« {t.plain('cv.b_card')}", cb("cd"))])
    rows.append(cancel_row(t.plain("b.cancel")))
    return rows


def missing_click_screen(t: Translator, draft: Draft) -> Screen:
    """The click log has no such click: type another id, or go on with this one."""
    rows = [
        [button(f"➡️ {t.plain('cv.b_anyway')}", cb("go"))],
        cancel_row(t.plain("b.cancel")),
    ]
    return Screen(f"{click_line(t, draft)}\n\n{t('cv.ask_click_again')}", markup(*rows))


# --- the card -------------------------------------------------------------------------------


def card(t: Translator, draft: Draft, note: str = "", *, retry: bool = False) -> Screen:
    """Everything that will be sent, and [Send] [Change] [Cancel]."""
    lines = [t("cv.card_title"), summary(t, draft)]
    about_click = click_line(t, draft)
    if about_click:
        lines.append(about_click)
    if draft.status and draft.status.lower() not in STATUSES:
        lines.append(t("cv.custom_status", status=draft.status))
    text = "\n".join(lines)
    if note:
        text = f"{note}\n\n{text}"
    send = t.plain("cv.b_retry") if retry else t.plain("cv.b_send")
    rows = [
        [
            button(f"✅ {send}", cb("ok")),
            button(f"✏️ {t.plain('cv.b_change')}", cb("ch")),
            button(t.plain("b.cancel"), CancelCb().pack()),
        ]
    ]
    return Screen(text, markup(*rows))


def change_screen(t: Translator, draft: Draft) -> Screen:
    """Which value to change; the card comes back after it."""
    buttons = [button(t.plain(f"cv.field_{name}"), cb("ed", name)) for name in FIELDS]
    rows = rows_of(buttons, 3)
    rows.append([button(f"« {t.plain('cv.b_card')}", cb("cd"))])
    return Screen(f"{summary(t, draft)}\n\n{t('cv.ask_change')}", markup(*rows))


def resume_screen(t: Translator, draft: Draft) -> Screen:
    rows = [
        [
            button(f"▶️ {t.plain('cv.b_resume')}", cb("re")),
            button(f"🆕 {t.plain('cv.b_new')}", cb("nw")),
        ]
    ]
    return Screen(f"{t('cv.unfinished')}\n{summary(t, draft)}", markup(*rows))


def postback_key_screen(t: Translator, draft: Draft, note: str = "") -> Screen:
    text = f"{summary(t, draft)}\n\n{t('cv.ask_postback_key')}"
    if note:
        text = f"{note}\n\n{text}"
    return Screen(text, markup(cancel_row(t.plain("b.cancel"))))


# --- after sending --------------------------------------------------------------------------


def sent_screen(t: Translator, line: str, details: str | None) -> Screen:
    return Screen(
        f"{t('cv.sent')}\n{line}",
        markup(details_button(t, details), [menu_button(t.plain("b.menu"))]),
    )


def recorded_screen(
    t: Translator, line: str, row: dict[str, Any], currency: str | None, details: str | None
) -> Screen:
    raw = str(row.get("status") or "")
    status = status_word(t, raw) if raw else "—"
    original = str(row.get("original_status") or "")
    if original and original.lower() != raw.lower():
        status = f"{status} ({original})"
    text = t(
        "cv.recorded",
        id=row.get("conversion_id", "?"),
        status=status,
        revenue=Html(fmt.money(row.get("revenue", 0), currency)),
        campaign=row.get("campaign") or "—",
    )
    return Screen(
        f"{text}\n{line}", markup(details_button(t, details), [menu_button(t.plain("b.menu"))])
    )


def not_yet_screen(t: Translator, line: str, token: str, details: str | None) -> Screen:
    rows = [[button(f"🔄 {t.plain('cv.b_check_again')}", cb("rc", token))]]
    rows.append([menu_button(t.plain("b.menu"))])
    return Screen(f"{t('cv.not_yet')}\n{line}", markup(*rows, details_button(t, details)))


# --- an earlier attempt (a crash or a timeout while sending) ---------------------------------


def doubt_screen(t: Translator, draft: Draft, when: str, checked: str) -> Screen:
    """The tracker does not show the earlier postback: look again, send anyway, or leave it.
    ``checked`` (when the tracker was last asked) shows that "Check again" did look."""
    rows = [
        [button(t.plain("writes.b.check"), cb("ok"))],
        [button(t.plain("writes.b.send_anyway"), cb("ok", FORCE))],
        cancel_row(t.plain("b.cancel")),
    ]
    text = f"{t('writes.unclear', when=when)}\n{t('writes.checked', when=checked)}"
    return Screen(f"{text}\n\n{summary(t, draft)}", markup(*rows))


def already_screen(
    t: Translator, line: str, row: dict[str, Any] | None, currency: str | None, when: str
) -> Screen:
    """The earlier postback was recorded: nothing was sent again."""
    head = t("writes.already", when=when)
    if not row:
        return Screen(f"{head}\n{line}", markup([menu_button(t.plain("b.menu"))]))
    recorded = recorded_screen(t, line, row, currency, None)
    return Screen(f"{head}\n\n{recorded.text}", recorded.keyboard)
