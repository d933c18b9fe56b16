"""What the live feed says: a notification per event, the summaries (a burst, quiet hours,
"while I was away"), the tracker failing and back, and the daily reconciliation."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.forms.readable import status_word
from bot.i18n import Html, Translator
from bot.live.events import Event, Row, parse_log_time
from bot.ui import format as fmt
from bot.ui.callbacks import LiveCb, StatsCb
from bot.ui.countries import country_label
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen

ICONS = {"lead": "⏳", "sale": "💰", "rejected": "❌", "rebill": "🔄"}
OTHER_ICON = "🏷"
#: how many of the biggest events a summary lists
BIGGEST = 5
#: the sub_ids a notification shows at most (the ones that are set), three to a line
SUB_IDS_SHOWN = 30
SUB_IDS_A_LINE = 3
#: conversions a reconciliation names when some were not told
MISSED_NAMED = 5
#: a sub_id's value on a phone line
SUB_ID_LENGTH = 24
#: a click id longer than this cannot ride in a button (64 bytes of callback data)
CLICK_ID_ON_BUTTON = 40


def icon(status: str) -> str:
    return ICONS.get(status, OTHER_ICON)


def country(data: dict[str, Any], language: str) -> str:
    """ "🇩🇪 Германия", or nothing when the log has no country."""
    code = str(data.get("country_code") or "").strip()
    return fmt.esc(country_label(code, language, data.get("country"))) if code else ""


def _name(value: Any, ident: Any) -> str:
    name = fmt.cut(str(value or "").strip(), 60)
    if name and ident:
        return f"{fmt.esc(name)} (#{fmt.esc(ident)})"
    return fmt.esc(name) if name else (f"#{fmt.esc(ident)}" if ident else "—")


def _signed_revenue(event: Event, currency: str) -> str:
    """The money an event moves: ``+$45.00``, ``−$45.00`` for money taken back, nothing for
    a lead without revenue."""
    row = event.row
    if not row.revenue and row.status != "rejected":
        return ""
    if row.status == "rejected":
        taken = event.previous_revenue if event.previous_revenue is not None else row.revenue
        return fmt.money(-abs(taken), currency) if taken else fmt.money(0, currency)
    return fmt.money(row.revenue, currency, signed=True)


def headline(t: Translator, event: Event, currency: str) -> str:
    row = event.row
    money = _signed_revenue(event, currency)
    if event.overwritten_sale:
        return t("lvm.overwritten", money=fmt.money(event.previous_revenue or 0, currency))
    if event.is_change:
        before, after = status_word(t, event.previous), status_word(t, row.status)
        return f"🔁 <b>{fmt.esc(before)} → {fmt.esc(after)}</b> {money}".rstrip()
    return f"{icon(row.status)} <b>{fmt.esc(status_word(t, row.status))}</b> {money}".rstrip()


def _clock(value: Any, zone: str) -> str:
    moment = parse_log_time(value)
    return fmt.local_time(moment, zone) if moment else "—"


def detail_lines(t: Translator, event: Event, zone: str) -> list[str]:
    data = event.row.data
    lines = [f"📂 {_name(data.get('campaign'), data.get('campaign_id'))}"]
    where = [
        _name(data.get("offer"), data.get("offer_id")) if data.get("offer") else "",
        country(data, t.language),
        fmt.esc(fmt.cut(str(data.get("ts") or ""), 40)),
    ]
    if any(where):
        lines.append("🎯 " + " · ".join(part for part in where if part))
    subs = [
        f"{name}: {fmt.esc(fmt.cut(str(data[name]), SUB_ID_LENGTH))}"
        for name in (f"sub_id_{n}" for n in range(1, 31))
        if str(data.get(name) or "").strip()
    ]
    subs = subs[:SUB_IDS_SHOWN]
    lines += [
        "🏷 " + " · ".join(subs[at : at + SUB_IDS_A_LINE])
        for at in range(0, len(subs), SUB_IDS_A_LINE)
    ]
    lines.append(
        t(
            "lvm.times",
            click=_clock(data.get("click_datetime"), zone),
            conversion=_clock(data.get("postback_datetime"), zone),
            zone=zone,
        )
    )
    if data.get("sub_id"):
        lines.append(f"🆔 <code>{fmt.esc(data['sub_id'])}</code>")
    return lines


def notification(
    t: Translator, tracker_id: int, tracker_name: str, event: Event, zone: str, currency: str
) -> Screen:
    """One event: what happened, where the money came from, and what to do about it."""
    lines = [headline(t, event, currency), *detail_lines(t, event, zone)]
    text = "\n".join([*lines, _tracker_line(t, tracker_name)])
    return Screen(text, event_keyboard(t, tracker_id, event))


def _tracker_line(t: Translator, name: str) -> str:
    return t("lvm.on_tracker", tracker=name)


def event_keyboard(t: Translator, tracker_id: int, event: Event) -> InlineKeyboardMarkup:
    campaign = event.row.campaign_id
    sub_id = str(event.row.data.get("sub_id") or "")

    def press(key: str, op: str, **values: Any) -> InlineKeyboardButton:
        return button(t.plain(key), LiveCb(op=op, t=tracker_id, **values).pack())

    first = []
    if campaign:
        first.append(press("lvm.b_campaign", "c", id=campaign))
    if sub_id and len(sub_id) <= CLICK_ID_ON_BUTTON and ":" not in sub_id:
        first.append(press("lvm.b_click", "k", arg=sub_id))
    rows = [first] if first else []
    if campaign:
        rows.append(
            [press("lvm.b_mute_hour", "m", id=campaign), press("lvm.b_mute_day", "M", id=campaign)]
        )
    return markup(*rows)


# ----- summaries ------------------------------------------------------------------------------


def latest_per_conversion(events: list[Event]) -> list[Event]:
    """One event per conversion, its latest: a lead that became a sale in the same summary
    counts as one sale, not as a lead and a sale."""
    latest: dict[int, Event] = {}
    for event in events:
        known = latest.get(event.row.conversion_id)
        if known is None or event.row.postback_at >= known.row.postback_at:
            latest[event.row.conversion_id] = event
    return list(latest.values())


def _totals(t: Translator, events: list[Event], currency: str) -> list[str]:
    """A line per status: how many, and their money."""
    by_status: dict[str, list[Event]] = {}
    for event in latest_per_conversion(events):
        by_status.setdefault(event.row.status, []).append(event)
    known = list(ICONS)
    order = sorted(by_status, key=lambda s: (known.index(s) if s in known else len(known), s))
    lines = []
    for status in order:
        group = by_status[status]
        total = sum(event.row.revenue for event in group)
        money = fmt.money(-total if status == "rejected" else total, currency)
        lines.append(f"{icon(status)} {fmt.esc(status_word(t, status))}: {len(group)} · {money}")
    changes = sum(1 for event in events if event.is_change)
    if changes:
        lines.append(t("lvm.changes", n=changes))
    return lines


def _biggest(t: Translator, events: list[Event], zone: str, currency: str) -> list[str]:
    ranked = sorted(latest_per_conversion(events), key=lambda e: abs(e.row.revenue), reverse=True)[
        :BIGGEST
    ]
    if not ranked:
        return []
    lines = [t("lvm.biggest")]
    for event in ranked:
        data = event.row.data
        place = country(data, t.language)
        parts = [
            f"{icon(event.row.status)} {_signed_revenue(event, currency)}",
            fmt.esc(fmt.cut(str(data.get("campaign") or f"#{event.row.campaign_id}"), 40)),
            place,
            _clock(data.get("postback_datetime"), zone),
        ]
        lines.append(" · ".join(part for part in parts if part))
    return lines


def summary(
    t: Translator,
    kind: str,
    tracker_name: str,
    events: list[Event],
    zone: str,
    currency: str,
    *,
    since: datetime | None = None,
    skipped: int = 0,
    skipped_before: datetime | None = None,
) -> Screen:
    """Many events as one message: ``burst`` (a minute's flood), ``quiet`` (held during quiet
    hours), ``away`` (missed while the bot was down)."""
    title = t(
        f"lvm.summary_{kind}",
        n=len(latest_per_conversion(events)),
        tracker=tracker_name,
        since=fmt.local_time(since, zone) if since else "—",
    )
    lines = [title, *_totals(t, events, currency), *_biggest(t, events, zone, currency)]
    if skipped:
        lines.append(
            t(
                "lvm.skipped",
                n=skipped,
                before=fmt.local_time(skipped_before, zone) if skipped_before else "—",
            )
        )
    keyboard = markup(
        [button(t.plain("lvm.b_today"), StatsCb(op="n", p="today").pack())],
    )
    return Screen("\n".join(lines), keyboard)


# ----- the tracker and the day -------------------------------------------------------------------


def failing(t: Translator, tracker_name: str, since: datetime, zone: str, reason: str) -> str:
    return t(
        "lvm.failing",
        tracker=tracker_name,
        since=fmt.local_time(since, zone),
        reason=Html(reason),
    )


def recovered(t: Translator, tracker_name: str, since: datetime, zone: str) -> str:
    return t("lvm.recovered", tracker=tracker_name, since=fmt.local_time(since, zone))


def reconciliation(
    t: Translator,
    tracker_name: str,
    recorded: int,
    sales: int,
    sales_money: float,
    told: int,
    currency: str,
    missed: Iterable[tuple[str, int]],
    overlap: int = 15,
    named: Iterable[tuple[str, Row]] = (),
) -> str:
    """ "Keitaro recorded 41 conversions yesterday (12 sales, $1,204); you were notified of
    41", and for a mismatch, a line per reason and the first few it was not told of."""
    lines = [
        t(
            "lvm.reconciled",
            tracker=tracker_name,
            n=recorded,
            sales=sales,
            money=fmt.money(sales_money, currency),
            told=told,
        )
    ]
    lines += [
        t(f"lvm.missed_{reason}", n=count, minutes=overlap) for reason, count in missed if count
    ]
    examples = [missed_line(t, row, currency) for _reason, row in named]
    if examples:
        lines += ["", t("lvm.missed_named"), *examples[:MISSED_NAMED]]
    return "\n".join(lines)


def missed_line(t: Translator, row: Row, currency: str) -> str:
    """ "💰 Sale +$40.00 · Keto DE (#12) · 3b7k2a9f1c8e": one conversion not told."""
    data = row.data
    parts = [
        f"{icon(row.status)} {fmt.esc(status_word(t, row.status))} "
        f"{fmt.money(row.revenue, currency, signed=True)}",
        _name(data.get("campaign"), data.get("campaign_id")),
    ]
    click = str(data.get("sub_id") or "").strip()
    if click:
        parts.append(f"<code>{fmt.esc(fmt.cut(click, CLICK_ID_ON_BUTTON))}</code>")
    return "• " + " · ".join(parts)
