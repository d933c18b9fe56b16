"""A period's numbers as a message: totals with their change, then who earns and who loses."""

from __future__ import annotations

from typing import Any

from bot.i18n import Html, Translator
from bot.stats.ratios import based
from bot.stats.summary import Summary
from bot.ui import format as fmt

LINE = 60


def change(value: float | None) -> str:
    """``▲ 8%`` / ``▼ 12%``; nothing when there is no base to compare with."""
    if value is None:
        return ""
    arrow = "▲" if value >= 0 else "▼"
    return f" ({arrow}{fmt.NBSP}{abs(value):.0f}%)"


def chart_names(t: Translator) -> dict[str, str]:
    """The chart legend's words in the user's language (``partial``: the note on today so far)."""
    names = ("revenue", "cost", "profit", "roi", "partial")
    return {name: t.plain(f"chart.{name}") for name in names}


def money_change(summary: Summary, measure: str, currency: str) -> str:
    """`` (▲ $96)``: profit changes by an amount (a percent of a loss reads backwards);
    nothing when the previous period had no numbers."""
    now, then = summary.totals.get(measure), summary.before.get(measure)
    if now is None or then is None or not summary.before.get("clicks"):
        return ""
    delta = now - then
    arrow = "▲" if delta >= 0 else "▼"
    return f" ({arrow}{fmt.NBSP}{fmt.money(abs(delta), currency)})"


def profit_icon(profit: float | None) -> str:
    """🟢 at or above zero, 🔴 below, ⚪ when the tracker's number could not be read."""
    if profit is None:
        return "⚪"
    return "🟢" if profit >= 0 else "🔴"


def campaign_line(row: dict[str, Any], currency: str) -> str:
    name = fmt.esc(fmt.cut(str(row.get("campaign") or f"#{row.get('campaign_id', '?')}"), LINE))
    profit = fmt.money(row.get("profit", 0), currency, signed=True)
    return f"{name} {profit} · ROI {fmt.roi(based(row, 'roi'))}"


def compared_with(t: Translator, summary: Summary) -> str:
    """What ▲/▼ compare with: "▲▼ vs yesterday to 14:00", "▲▼ vs 23.11–29.11"."""
    before = summary.previous
    until = t.plain("stats.vs_until", time=before.until.strftime("%H:%M")) if before.until else ""
    if before.first == before.last and summary.period.key == "today":
        what = t.plain("stats.vs_yesterday")
    elif before.first == before.last:
        what = f"{before.first:%d.%m}"
    else:
        what = f"{before.first:%d.%m}–{before.last:%d.%m}"
    return t("stats.vs", what=what + until)


def summary_text(
    t: Translator,
    summary: Summary,
    title: str,
    currency: str = "USD",
    *,
    ranking: bool = True,
    top: int | None = None,
) -> str:
    """The totals with their change; then, when ``ranking``, the best and the losing
    campaigns (at most ``top`` of each, all the summary has when None)."""
    s, c = summary.totals, summary.change
    lines = [
        f"<b>{fmt.esc(title)}</b>",
        t(
            "stats.clicks",
            clicks=Html(fmt.number(s.get("clicks"))),
            clicks_change=change(c("clicks")),
            unique=Html(fmt.number(s.get("campaign_unique_clicks"))),
        ),
        t(
            "stats.conversions",
            conversions=Html(fmt.number(s.get("conversions"))),
            leads=Html(fmt.number(s.get("leads"))),
            sales=Html(fmt.number(s.get("sales"))),
            rejected=Html(fmt.number(s.get("rejected"))),
        ),
        t(
            "stats.money",
            revenue=Html(fmt.money(s.get("revenue"), currency)),
            cost=Html(fmt.money(s.get("cost"), currency)),
        ),
        t(
            "stats.profit",
            icon=profit_icon(s.get("profit")),
            profit=Html(fmt.money(s.get("profit"), currency, signed=True)),
            profit_change=money_change(summary, "profit", currency),
            roi=Html(fmt.percent(based(s, "roi"))),
            cr=Html(fmt.percent(based(s, "cr"), 1)),
            epc=Html(fmt.money(based(s, "epc"), currency)),
        ),
    ]
    if c("clicks") is not None or money_change(summary, "profit", currency):
        lines.append(f"<i>{compared_with(t, summary)}</i>")
    best, worst = (summary.best[:top], summary.worst[:top]) if ranking else ([], [])
    if best:
        lines += ["", t("stats.best")] + [campaign_line(r, currency) for r in best]
    if worst:
        lines += ["", t("stats.worst")] + [campaign_line(r, currency) for r in worst]
    if not s.get("clicks") and not s.get("conversions"):
        lines += ["", t("stats.no_traffic")]
    return "\n".join(lines)
