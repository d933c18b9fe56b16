"""🚫 Blacklist from a report: a row grouped by sub ID or IP, opened, shows the campaigns that
value brought traffic to, and one tap puts it on that campaign's blacklist (Keitaro's report
labels, ``blacklist.set``), with ↩️ Undo. Nothing is typed and no JSON is seen."""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardButton

from bot.handlers.stats import CURRENCY, Ask, now
from bot.stats import builder as spec_of
from bot.stats.builder import Spec
from bot.stats.table import numbers
from bot.ui import format as fmt
from bot.ui.callbacks import ReportCb
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen
from keitaro import KeitaroError
from keitaro.guesses import label_items

#: campaigns offered for one value: the ones it brought the most clicks to
TOP_CAMPAIGNS = 6
MEASURES = ["clicks", "conversions", "cost", "profit"]


def rb(op: str, v: str = "", n: int = 0) -> str:
    return ReportCb(op=op, v=v, n=n).pack()


def value_name(ask: Ask, group: str, value: str) -> str:
    """``Sub ID 2 «abc»`` / ``IP «1.2.3.4»``."""
    kind = "IP" if group == "ip" else ask.t.plain("flt.sub_id", n=group.removeprefix("sub_id_"))
    return f"{kind} «{fmt.cut(value, 60)}»"


async def campaigns_of(ask: Ask, spec: Spec, group: str, value: str) -> list[dict[str, Any]]:
    """The campaigns ``value`` brought traffic to in the report's period, busiest first."""
    period = spec_of.period_for(spec, ask.timezone, now())
    result = await ask.call(
        "reports.build",
        {
            "range": period.as_range(),
            "dimensions": ["campaign_id", "campaign"],
            "measures": MEASURES,
            "filters": [{"name": group, "operator": "EQUALS", "expression": value}],
            "sort": [{"name": "clicks", "order": "DESC"}],
            "limit": TOP_CAMPAIGNS,
        },
    )
    rows = result.data.get("rows") if isinstance(result.data, dict) else None
    return [r for r in rows or [] if isinstance(r, dict) and isinstance(r.get("campaign_id"), int)]


def back(ask: Ask) -> list[InlineKeyboardButton]:
    return [button(f"« {ask.t.plain('rb.report')}", rb("r")), ask.menu()]


async def open_value(ask: Ask, spec: Spec, token: str) -> Screen | None:
    """A sub ID or IP row tapped: its numbers and 🚫 per campaign; None for a row that is no
    longer in the report (a stale button)."""
    from bot.handlers.reports import fetch  # the report screen imports this module

    group = str(spec.get("group"))
    try:
        rows, _ = await fetch(ask, spec)
        row = next(
            (r for r in rows if r.get(group) not in (None, "")
             and spec_of.value_token(str(r[group])) == token),
            None,
        )  # fmt: skip
        if row is None:
            return None
        value = str(row[group])
        campaigns = await campaigns_of(ask, spec, group, value)
    except KeitaroError as error:
        return ask.failure(error, rb("r"))
    t = ask.t
    names = {measure: t.plain(f"rb.short.{measure}") for measure in MEASURES}
    spec["opened"] = {"kind": group, "v": value, "label": value,
                      "campaigns": {str(c["campaign_id"]): str(c.get("campaign") or "")
                                    for c in campaigns}}  # fmt: skip
    lines = [
        f"<b>{fmt.esc(value_name(ask, group, value))}</b>",
        numbers(row, MEASURES, CURRENCY, names),
        "",
        t("bl.in_campaigns" if campaigns else "bl.no_campaigns"),
    ]
    keys = []
    for c in campaigns:
        name = fmt.cut(str(c.get("campaign") or f"#{c['campaign_id']}"), 40)
        lines.append(f"• {fmt.esc(name)} — {numbers(c, MEASURES, CURRENCY, names)}")
        label = t.plain("bl.b.block", name=fmt.cut(name, 24))
        keys.append([button(label, rb("k", n=c["campaign_id"]))])
    return Screen("\n".join(lines), markup(*keys, back(ask)))


async def set_label(ask: Ask, spec: Spec, campaign_id: int, *, undo: bool) -> Screen | None:
    """Blacklist the opened value in one of its campaigns (or take it off again)."""
    opened = spec.get("opened")
    if not isinstance(opened, dict) or opened.get("kind") not in spec_of.LABELED:
        return None
    names = opened.get("campaigns") or {}
    if str(campaign_id) not in names:  # only a campaign the screen offered
        return None
    group, value = str(opened["kind"]), str(opened["v"])
    params = {
        "campaign_id": campaign_id,
        "ref_name": group,
        "items": label_items(value, None if undo else "blacklist"),
    }
    try:
        result = await ask.call("blacklist.set", params, cached=False)
    except KeitaroError as error:
        return ask.failure(error, rb("u" if undo else "k", n=campaign_id))
    t = ask.t
    what = value_name(ask, group, value)
    campaign = fmt.cut(names[str(campaign_id)] or f"#{campaign_id}", 60)
    key = "bl.unblocked" if undo else "bl.blocked"
    text = t(key, what=what, campaign=campaign)
    keys: list[list[InlineKeyboardButton]] = []
    if not undo:
        keys.append([button(t.plain("act.undo"), rb("u", n=campaign_id))])
    keys.append([ask.details_button(result)])
    keys.append(back(ask))
    return Screen(text, markup(*keys))
