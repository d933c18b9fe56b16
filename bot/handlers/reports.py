"""The report builder: period, grouping and metrics picked with buttons, rows paged by ten.

The spec is JSON in the user's stats data (``report``), saved presets beside it
(``presets``); buttons carry only codes and ids, so each tap re-reads the spec and the report
(from the short cache when paging).
"""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message

from bot.handlers import report_labels
from bot.handlers.states import StatsDialog
from bot.handlers.stats import (
    CURRENCY,
    Ask,
    ask_of,
    now,
    period_title,
    presets_of,
    send_chart,
    send_document,
    stats_screen,
)
from bot.i18n import Html, Translator
from bot.stats import PERIODS
from bot.stats import builder as spec_of
from bot.stats.builder import (
    CUSTOM,
    GROUPS,
    LABELED,
    MAX_PICKED,
    METRICS,
    PICKABLE,
    SORTS,
    SUB_IDS,
    TIME_GROUPS,
    Spec,
)
from bot.stats.export import report_csv
from bot.stats.names import group_word, preset_name
from bot.stats.table import row_line, total_line
from bot.ui import format as fmt
from bot.ui.callbacks import ReportCb, StatsCb
from bot.ui.countries import country_label
from bot.ui.keyboards import PAGE_SIZE, button, markup, page_of, rows_of
from bot.ui.screens import Screen, present
from keitaro import KeitaroError


async def spec_data(ask: Ask) -> Spec:
    spec = (await ask.store.get_data()).get("report")
    return spec if isinstance(spec, dict) else spec_of.new_spec()


async def keep(ask: Ask, spec: Spec) -> None:
    await ask.store.update_data(report=spec)


async def fetch(ask: Ask, spec: Spec) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The report's rows and totals (cached briefly, so paging and sorting are instant)."""
    period = spec_of.period_for(spec, ask.timezone, now())
    result = await ask.call("reports.build", spec_of.report_params(spec, period))
    rows = [row for row in result.data.get("rows") or [] if isinstance(row, dict)]
    return rows, result.data.get("summary") or {}


def rb(op: str, v: str = "", n: int = 0) -> str:
    return ReportCb(op=op, v=v, n=n).pack()


def group_name(ask: Ask, group: str) -> str:
    if group in SUB_IDS:
        return ask.t.plain("flt.sub_id", n=group.removeprefix("sub_id_"))
    return "IP" if group == "ip" else ask.t.plain(f"rb.g.{group}")


def kind_name(ask: Ask, kind: str) -> str:
    return ask.t.plain(f"rb.f.{kind}")


def filters_text(ask: Ask, spec: Spec) -> str:
    """``Campaign: Camp A · Country: DE`` for the report's header; empty when unfiltered."""
    return " · ".join(
        f"{kind_name(ask, kind)}: {item.get('label') or item['v']}"
        for kind, item in spec_of.where(spec).items()
    )


def short_names(t: Translator) -> dict[str, str]:
    """The measures' short names in report rows (``clicks``/``клики``)."""
    return {name: t.plain(f"rb.short.{name}") for name in PICKABLE}


def metrics_name(ask: Ask, spec: Spec) -> str:
    key = str(spec.get("metrics") or "default")
    return ask.t.plain(f"rb.m.{key}" if key in METRICS or key == CUSTOM else "rb.m.default")


async def report_screen(ask: Ask, spec: Spec, page: int = 0) -> Screen:
    try:
        rows, totals = await fetch(ask, spec)
    except KeitaroError as error:
        return ask.failure(error, rb("r", n=page))
    t = ask.t
    period = spec_of.period_for(spec, ask.timezone, now())
    group = str(spec.get("group"))
    shown = spec_of.shown(spec)
    head = t(
        "rb.title",
        title=spec.get("title") or t.plain("rb.report"),
        period=period_title(t, period).removeprefix("📊 ").split(",")[0],
        zone=period.timezone,
        group=group_name(ask, group),
        metrics=metrics_name(ask, spec),
    )
    lines = [head]
    active = spec_of.where(spec)
    if active:
        lines.append(t("rb.where", filters=filters_text(ask, spec)))
    current = page_of(rows, page, PAGE_SIZE)
    start = current.number * PAGE_SIZE
    lines.append("")
    if not rows:
        lines.append(t("rb.empty"))
    else:
        first, last = start + 1, start + len(current.items)
        lines.append(t("rb.rows", first=first, last=last, total=current.total))
        names = short_names(t)
        lines += [row_line(start + i + 1, row, group, shown, CURRENCY, names, t.language)
                  for i, row in enumerate(current.items)]  # fmt: skip
        lines += ["", t("rb.total", values=Html(total_line(totals, shown, CURRENCY, names)))]
    keyboard: list[list[InlineKeyboardButton]] = []
    drills = [
        button(str(start + i + 1), rb("d", v=str(value)))
        for i, row in enumerate(current.items)
        if (value := spec_of.row_value(group, row)) is not None
    ]
    if group in LABELED:  # a sub ID or an IP: opened, it can be blacklisted
        drills = [
            button(f"🚫 {start + i + 1}", rb("d", v=spec_of.value_token(str(row[group]))))
            for i, row in enumerate(current.items)
            if row.get(group) not in (None, "")
        ]
    if drills:
        lines.append(t("rb.label_hint" if group in LABELED else "rb.drill_hint"))
        keyboard += rows_of(drills, 5)
    nav = []
    if current.number > 0:
        nav.append(button("◀️", rb("r", n=current.number - 1)))
    if current.number < current.count - 1:
        nav.append(button("▶️", rb("r", n=current.number + 1)))
    keyboard.append(nav)
    if group not in TIME_GROUPS:
        sorts = [sort_button(ask, name, spec.get("sort") == name) for name in SORTS]
        keyboard += rows_of(sorts, 2)
    filters = t.plain("rb.b.filters_n", n=len(active)) if active else t.plain("rb.b.filters")
    keyboard.append(
        [
            button(t.plain("rb.b.period"), rb("P")),
            button(t.plain("rb.b.group"), rb("G")),
            button(t.plain("rb.b.metrics"), rb("M")),
        ]
    )
    keyboard.append([button(filters, rb("W")), button(t.plain("stats.b.chart"), rb("c"))])
    keyboard.append(
        [button(t.plain("stats.b.csv"), rb("e")), button(t.plain("rb.b.save"), rb("S"))]
    )
    last_row = [button(t.plain("rb.b.stats"), StatsCb(op="v", p=period_key(spec)).pack())]
    parent = spec_of.parent_of(spec)
    if parent is not None:
        back = str(parent.get("title") or t.plain("rb.report"))
        last_row.insert(0, button(t.plain("rb.b.up", name=fmt.cut(back, 24)), rb("B")))
    keyboard.append(last_row)
    return Screen("\n".join(lines), markup(*keyboard))


def sort_button(ask: Ask, name: str, chosen: bool) -> InlineKeyboardButton:
    text = ask.t.plain("rb.b.sort", by=ask.t.plain(f"rb.s.{name}"))
    return button(f"✓ {text}" if chosen else text, rb("s", v=name))


def period_key(spec: Spec) -> str:
    return str(spec.get("period")) if spec.get("period") in PERIODS else "today"


def back_row(ask: Ask) -> list[InlineKeyboardButton]:
    return [button(ask.t.plain("rb.b.back"), rb("r"))]


def period_screen(ask: Ask, spec: Spec) -> Screen:
    t = ask.t
    current = spec.get("period")
    buttons = [
        button(("• " if key == current else "") + t.plain(f"stats.p.{key}"), rb("p", v=key))
        for key in PERIODS
    ]
    buttons.append(button(t.plain("rb.b.dates"), rb("p", v="custom")))
    return Screen(t("rb.pick_period"), markup(*rows_of(buttons, 3), back_row(ask)))


def group_screen(ask: Ask, spec: Spec, subs: bool) -> Screen:
    current = spec.get("group")
    choices = LABELED if subs else GROUPS
    buttons = [
        button(("• " if key == current else "") + group_word(ask.t, key), rb("g", v=key))
        for key in choices
    ]
    if not subs:
        buttons.append(button(ask.t.plain("rb.b.sub_ids"), rb("G", n=1)))
    title = ask.t("rb.pick_sub" if subs else "rb.pick_group")
    return Screen(title, markup(*rows_of(buttons, 3), back_row(ask)))


def metrics_screen(ask: Ask, spec: Spec) -> Screen:
    """Presets first; then every number as a toggle, so any mix can be shown."""
    t = ask.t
    current, picked = spec.get("metrics"), spec_of.shown(spec)
    presets = [
        button(("• " if key == current else "") + t.plain(f"rb.m.{key}"), rb("m", v=key))
        for key in METRICS
    ]
    toggles = [
        button(("✅ " if name in picked else "▫️ ") + t.plain(f"rb.me.{name}"), rb("t", v=name))
        for name in PICKABLE
    ]
    lines = [t("rb.pick_metrics", most=MAX_PICKED)] + [
        f"<b>{fmt.esc(t.plain(f'rb.m.{key}'))}</b>: "
        + fmt.esc(", ".join(t.plain(f"rb.me.{name}") for name in names))
        for key, names in METRICS.items()
    ]
    keyboard = [*rows_of(presets, 3), *rows_of(toggles, 3), back_row(ask)]
    return Screen("\n".join(lines), markup(*keyboard))


async def on_build(query: CallbackQuery, callback_data: StatsCb, **data: Any) -> None:
    """From /stats: a new report for the period on screen, or a saved preset."""
    ask = await ask_of(query, data)
    if ask is None:
        return
    if callback_data.op == "o":
        presets = await presets_of(ask)
        if not 0 <= callback_data.n < len(presets):
            await present(query, await stats_screen(ask, "today"))
            return
        spec = dict(presets[callback_data.n])
    else:
        spec = spec_of.new_spec(callback_data.p)
    await keep(ask, spec)
    await present(query, await report_screen(ask, spec))


async def on_report(query: CallbackQuery, callback_data: ReportCb, **data: Any) -> None:
    ask = await ask_of(query, data)
    if ask is None:
        return
    spec = await spec_data(ask)
    op, value = callback_data.op, callback_data.v
    screen: Screen | None = None
    if await ask.state.get_state() == StatsDialog.dates.state:  # "« Report" instead of dates
        await ask.state.set_state(None)
    if op == "P":
        screen = period_screen(ask, spec)
    elif op == "p" and value == "custom":
        await ask.state.set_state(StatsDialog.dates)
        screen = Screen(ask.t("rb.ask_dates"), markup(back_row(ask)))
    elif op == "p" and value in PERIODS:
        spec.update(period=value, first=None, last=None)
    elif op == "G":
        screen = group_screen(ask, spec, subs=callback_data.n == 1)
    elif op == "g" and spec_of.valid_group(value):
        spec["group"] = value
    elif op == "M":
        screen = metrics_screen(ask, spec)
    elif op == "m" and value in METRICS:
        spec["metrics"] = value
    elif op == "t":
        refused = spec_of.toggle_metric(spec, value)
        if refused is not None:
            alert(data, ask.t.plain(refused, most=MAX_PICKED))
        await keep(ask, spec)
        screen = metrics_screen(ask, spec)
    elif op == "s" and value in SORTS:
        spec["sort"] = value
    elif op == "d" and spec.get("group") in LABELED:
        screen = await report_labels.open_value(ask, spec, value)
        if screen is not None:
            await keep(ask, spec)
    elif op == "d":
        screen = await open_row(ask, spec, value or str(callback_data.n))
    elif op in ("k", "u"):
        screen = await report_labels.set_label(ask, spec, callback_data.n, undo=op == "u")
        if screen is None:
            alert(data, ask.t.plain("stale.button"))
    elif op == "o" and (child := spec_of.open_as(spec, value)) is not None:
        if value == "chart":  # the trend arrives as a photo; the choice stays on screen
            await chart(ask, child)
            return
        spec = child
    elif op == "B" and (parent := spec_of.parent_of(spec)) is not None:
        spec = parent
    elif op == "c":
        await chart(ask, spec)
        return
    elif op == "e":
        await export(ask, spec)
        return
    elif op == "S":
        presets = spec_of.save_preset(await presets_of(ask), spec)
        await ask.store.update_data(presets=presets)
        alert(data, ask.t.plain("rb.saved", name=preset_name(ask.t, spec)))
    if screen is None:
        await keep(ask, spec)
        screen = await report_screen(ask, spec, callback_data.n if op == "r" else 0)
    await present(query, screen)


def alert(data: dict[str, Any], text: str) -> None:
    """Say ``text`` in the tap's answer (the little pop-up), not in the chat."""
    answer = data.get("callback_answer")
    if answer is not None:
        answer.text = text[:190]


async def open_row(ask: Ask, spec: Spec, value: str) -> Screen | None:
    """A row's number tapped: how to look at it (by day, by offer, its chart). Only a row of
    this very report can be opened; anything else leaves the report as it is."""
    group = str(spec.get("group"))
    try:
        rows, _ = await fetch(ask, spec)
    except KeitaroError as error:
        return ask.failure(error, rb("r"))
    row = next((row for row in rows if str(spec_of.row_value(group, row)) == value), None)
    if row is None:
        return None
    kind = spec_of.DRILLS[group]
    name = fmt.cut(str(row.get(group) or value), 60)
    if group == "country":
        name = country_label(value, ask.t.language, row.get(group))
    spec["opened"] = {"kind": kind, "v": spec_of.row_value(group, row), "label": name}
    await keep(ask, spec)
    t = ask.t
    text = t(
        "rb.opened",
        kind=t.plain(f"rb.f.{kind}"),
        name=name,
        values=Html(total_line(row, spec_of.shown(spec), CURRENCY, short_names(t))),
    )
    views = [
        button(t.plain(f"rb.b.by_{view}"), rb("o", v=view))
        for view in spec_of.DRILL_VIEWS
        if view != kind
    ]
    keyboard = [*rows_of(views, 2), [button(t.plain("rb.b.trend"), rb("o", v="chart"))]]
    return Screen(text, markup(*keyboard, back_row(ask)))


async def chart(ask: Ask, spec: Spec) -> None:
    """The report's period by day (one day: by hour), with its filters: a campaign's trend."""
    period = spec_of.period_for(spec, ask.timezone, now())
    filters = spec_of.report_filters(spec)
    name = str(spec.get("title") or "") or filters_text(ask, spec)
    await send_chart(ask, period, filters=filters, name=name)


async def export(ask: Ask, spec: Spec) -> None:
    try:
        rows, totals = await fetch(ask, spec)
    except KeitaroError as error:
        await ask.bot.send_message(ask.chat_id, ask.failure(error, "").text)
        return
    period = spec_of.period_for(spec, ask.timezone, now())
    columns = spec_of.dimensions(spec) + spec_of.shown(spec)
    name = f"report-{spec.get('group')}-{period.first.isoformat()}-{period.last.isoformat()}.csv"
    caption = ask.t("stats.csv_caption", title=preset_name(ask.t, spec), rows=len(rows))
    await send_document(ask, report_csv(rows, columns, totals), name, caption)


async def on_dates(message: Message, **data: Any) -> None:
    ask = await ask_of(message, data)
    if ask is None:
        return
    dates = spec_of.read_dates(message.text or "")
    if dates is None:
        await message.answer(ask.t("rb.bad_dates", text=fmt.cut(message.text or "", 60)))
        return
    if (dates[1] - dates[0]).days >= spec_of.MAX_DAYS:
        await message.answer(ask.t("rb.dates_too_long", days=spec_of.MAX_DAYS))
        return
    await ask.state.set_state(None)
    spec = await spec_data(ask)
    spec.update(period="custom", first=dates[0].isoformat(), last=dates[1].isoformat())
    await keep(ask, spec)
    await present(message, await report_screen(ask, spec))


def create_router() -> Router:
    router = Router(name="reports")
    router.callback_query.register(on_build, StatsCb.filter(F.op.in_({"b", "o"})))
    router.callback_query.register(on_report, ReportCb.filter())
    router.message.register(on_dates, StatsDialog.dates, F.text & ~F.text.startswith("/"))
    return router
