"""The report builder's filters: campaign, offer, traffic source, country and campaign group.

Choices come from the tracker itself (its campaigns, offers, sources and campaign groups; for
countries, the ones with traffic in the report's period), ten to a page, or found by typing
part of a name. A button carries only the kind and the id, and the id is looked up again on
the tap, so a stale or forged button can only pick something this tracker really has.
"""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message

from bot.handlers.reports import back_row, keep, kind_name, rb, report_screen, spec_data
from bot.handlers.states import StatsDialog
from bot.handlers.stats import Ask, ask_of, now
from bot.stats import builder as spec_of
from bot.stats.builder import FILTERS, Spec
from bot.ui import format as fmt
from bot.ui.callbacks import ReportCb
from bot.ui.countries import country_label
from bot.ui.keyboards import PAGE_SIZE, button, markup, page_of, rows_of
from bot.ui.screens import Screen, present
from keitaro import KeitaroError

#: ops of ReportCb this module answers
OPS = frozenset({"W", "A", "F", "f", "x", "R"})
CHOICE = 32
Choice = tuple[str, str]  # (value as text, label)


def filters_screen(ask: Ask, spec: Spec) -> Screen:
    t = ask.t
    active = spec_of.where(spec)
    lines = [t("rb.filters_title")]
    if not active:
        lines.append(t("rb.filters_none"))
    keyboard: list[list[InlineKeyboardButton]] = []
    for kind, item in active.items():
        name = fmt.cut(str(item.get("label") or item["v"]), CHOICE)
        lines.append(t("rb.filter_line", kind=kind_name(ask, kind), value=name))
        keyboard.append([button(t.plain("rb.b.remove", kind=kind_name(ask, kind)), rb("x", kind))])
    adds = [
        button(t.plain("rb.b.add", kind=kind_name(ask, kind)), rb("A", kind))
        for kind in FILTERS
        if kind not in active
    ]
    keyboard += rows_of(adds, 2)
    keyboard.append(back_row(ask))
    return Screen("\n".join(lines), markup(*keyboard))


async def choices(ask: Ask, spec: Spec, kind: str) -> list[Choice]:
    """What ``kind`` can be set to on this tracker (raises KeitaroError when it cannot say)."""
    source = FILTERS[kind]
    if source.action is None:  # countries: those with traffic in the period, busiest first
        period = spec_of.period_for(spec, ask.timezone, now())
        result = await ask.call(
            "reports.build",
            {"range": period.as_range(), "dimensions": ["country_code", "country"],
             "measures": ["clicks"], "sort": [{"name": "clicks", "order": "DESC"}],
             "limit": 300},
        )  # fmt: skip
        rows = [row for row in result.data.get("rows") or [] if isinstance(row, dict)]
        found = [
            (str(row.get("country_code") or ""), str(row.get("country") or "")) for row in rows
        ]
        return [
            (code, country_label(code, ask.t.language, name))
            for code, name in found
            if spec_of.COUNTRY.match(code)
        ]
    result = await ask.call(source.action, dict(source.params) or None)
    items = result.data if isinstance(result.data, list) else []
    return [
        (str(item["id"]), str(item.get("name") or f"#{item['id']}"))
        for item in items
        if isinstance(item, dict) and isinstance(item.get("id"), int)
    ]


def matching(found: list[Choice], query: str) -> list[Choice]:
    """Choices whose name contains ``query`` (any case), or whose id is ``#query``."""
    needle = query.strip().lower().removeprefix("#")
    if not needle:
        return found
    return [
        (value, name) for value, name in found if needle in name.lower() or needle == value.lower()
    ]


async def picker_screen(ask: Ask, spec: Spec, kind: str, page: int) -> Screen:
    t = ask.t
    query = str((spec.get("pick") or {}).get("q") or "")
    try:
        found = matching(await choices(ask, spec, kind), query)
    except KeitaroError as error:
        return ask.failure(error, rb("F", kind, page))
    current = page_of(found, page, PAGE_SIZE)
    picks = [
        button(fmt.cut(name, CHOICE), rb("f", f"{kind}.{value}")) for value, name in current.items
    ]
    keyboard = rows_of(picks, 2)
    nav = []
    if current.number > 0:
        nav.append(button("◀️", rb("F", kind, current.number - 1)))
    if current.number < current.count - 1:
        nav.append(button("▶️", rb("F", kind, current.number + 1)))
    keyboard += [nav, [button(t.plain("rb.b.filters"), rb("W"))]]
    if not found:
        text = t("rb.pick_none", kind=kind_name(ask, kind), text=fmt.cut(query, 40))
    else:
        text = t(
            "rb.pick",
            kind=kind_name(ask, kind),
            page=current.number + 1,
            pages=current.count,
            total=current.total,
        )
    return Screen(text, markup(*keyboard))


async def pick(ask: Ask, spec: Spec, kind: str, text: str) -> Screen:
    """Set the filter if the tracker still has that choice; else show the choices again."""
    value = spec_of.filter_value(kind, text)
    try:
        found = dict(await choices(ask, spec, kind)) if value is not None else {}
    except KeitaroError as error:
        return ask.failure(error, rb("W"))
    if value is None or str(value) not in found:
        screen = await picker_screen(ask, spec, kind, 0)
        return Screen(ask.t("rb.pick_gone") + "\n\n" + screen.text, screen.keyboard)
    spec_of.set_filter(spec, kind, value, found[str(value)])
    spec.pop("pick", None)
    await keep(ask, spec)
    return await report_screen(ask, spec)


async def on_filter(query: CallbackQuery, callback_data: ReportCb, **data: Any) -> None:
    ask = await ask_of(query, data)
    if ask is None:
        return
    spec = await spec_data(ask)
    op, value = callback_data.op, callback_data.v
    kind, _, chosen = value.partition(".")
    if kind not in FILTERS and op != "W":
        op = "W"
    if op == "R":  # from a card: that campaign's (offer's, source's) last 7 days by day
        spec = spec_of.new_spec("7d")
        spec["group"] = "day"
        screen = await pick(ask, spec, kind, str(callback_data.n))
    elif op == "A":  # a fresh picker: typed text now searches this kind
        spec["pick"] = {"kind": kind, "q": ""}
        await keep(ask, spec)
        await ask.state.set_state(StatsDialog.search)
        screen = await picker_screen(ask, spec, kind, 0)
    elif op == "F":
        screen = await picker_screen(ask, spec, kind, callback_data.n)
    elif op == "f":
        await ask.state.set_state(None)
        screen = await pick(ask, spec, kind, chosen)
    elif op == "x":
        spec_of.drop_filter(spec, kind)
        await keep(ask, spec)
        screen = filters_screen(ask, spec)
    else:
        await ask.state.set_state(None)
        screen = filters_screen(ask, spec)
    await present(query, screen)


async def on_search(message: Message, **data: Any) -> None:
    """Typed text while a picker is open: the choices whose name contains it."""
    ask = await ask_of(message, data)
    if ask is None:
        return
    spec = await spec_data(ask)
    picking = spec.get("pick") or {}
    kind = str(picking.get("kind") or "")
    if kind not in FILTERS:
        await ask.state.set_state(None)
        await present(message, filters_screen(ask, spec))
        return
    spec["pick"] = {"kind": kind, "q": (message.text or "")[:60]}
    await keep(ask, spec)
    await present(message, await picker_screen(ask, spec, kind, 0))


def create_router() -> Router:
    router = Router(name="report_filters")
    router.callback_query.register(on_filter, ReportCb.filter(F.op.in_(OPS)))
    router.message.register(on_search, StatsDialog.search, F.text & ~F.text.startswith("/"))
    return router
