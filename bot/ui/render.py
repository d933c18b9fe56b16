"""Turning tracker data into HTML lines, cards and tables that fit Telegram's limits."""

from __future__ import annotations

from typing import Any

from bot.i18n import Translator
from bot.ui import format as fmt
from bot.ui.views import EntityView, Field, TableView
from keitaro.guesses import campaign_base

LINE_LIMIT = 90
#: a card's "all fields" page: what fits comfortably in one message
FIELDS_PER_PAGE = 25
MONEY_COLUMNS = frozenset({"revenue", "cost", "profit", "payout", "cpc", "epc", "cpa"})
NUMBER_COLUMNS = frozenset({"clicks", "conversions", "leads", "sales", "rejected"})


def dig(row: dict[str, Any], key: str) -> Any:
    """``row["preferences"]["language"]`` for ``"preferences.language"``."""
    value: Any = row
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def entity_line(view: EntityView, row: dict[str, Any]) -> str:
    icon = fmt.state_icon(row.get("state")) if "state" in row else "▫️"
    title = fmt.esc(fmt.cut(view.title(row), LINE_LIMIT))
    return f"{icon} <code>#{row.get('id', '?')}</code> {title}"


def tracking_link(row: dict[str, Any], base: str | None = None) -> str | None:
    """The campaign's link to give the traffic source: its domain (``base``, the tracker's
    own address, when it has none), its alias and the tracking parameters that have a macro
    (``?sub1={ad.id}``), as Keitaro's own campaign page shows."""
    domain, alias = row.get("domain") or base, row.get("alias")
    if not isinstance(domain, str) or not domain or not isinstance(alias, str) or not alias:
        return None
    link = (domain if domain.endswith("/") else domain + "/") + alias
    parameters = row.get("parameters")
    if isinstance(parameters, dict):
        pairs = [
            f"{p['name']}={p['placeholder']}"
            for p in parameters.values()
            if isinstance(p, dict) and p.get("name") and p.get("placeholder")
        ]
        if pairs:
            link += "?" + "&".join(pairs)
    return link


#: card fields holding structures that have a readable form (one line per item)
READABLE_LISTS = frozenset({"offers", "landings", "filters", "postbacks"})


def readable_list(t: Translator, key: str, items: list[Any]) -> str:
    from bot.forms import readable  # the forms' words for these structures

    lines: list[str]
    if key in readable.SHARE_FIELDS:
        lines = readable.share_lines(t, key, items, {})
    elif key == "filters":
        lines = [readable.filter_line(t, i) for i in items if isinstance(i, dict)]
    else:
        lines = [readable.postback_line(t, i) for i in items if isinstance(i, dict)]
    shown = [f"\n   · {fmt.esc(fmt.cut(line, 120))}" for line in lines[:10]]
    if len(lines) > 10:
        shown.append(f"\n   · … +{len(lines) - 10}")
    return "".join(shown) or "—"


def today_suffix(t: Translator, row: dict[str, Any] | None) -> str:
    """`` · today +$12.30 · ROI 🟢 35%`` after a list row; nothing without traffic today."""
    if not row or not (row.get("clicks") or row.get("cost") or row.get("revenue")):
        return ""
    from bot.stats.ratios import based  # ROI without spend is "—"

    profit = fmt.money(row.get("profit") or 0, "USD", signed=True)
    return " · " + t("list.today", profit=profit, roi=fmt.roi(based(row, "roi")))


def field_line(
    t: Translator, field: Field, row: dict[str, Any], base: str | None = None
) -> str | None:
    if field.kind == "link":
        link = tracking_link(row, base)
        return f"🔗 {t(field.label)}: <code>{fmt.esc(link)}</code>" if link else None
    raw = dig(row, field.key)
    if raw is None or raw == "" or (field.kind == "ref" and not raw):
        return None
    if field.kind == "state":
        shown = f"{fmt.state_icon(raw)} {t(f'state.{raw}') if raw else '—'}"
    elif field.kind == "money":
        currency = row.get(field.currency_key or "") or None
        shown = fmt.money(raw, currency)
    elif field.kind == "list" and isinstance(raw, list) and field.key in READABLE_LISTS:
        shown = readable_list(t, field.key, raw) if raw else "—"
    elif field.kind == "list" and isinstance(raw, list):
        shown = ", ".join(fmt.esc(fmt.cut(str(v), 40)) for v in raw[:30]) if raw else "—"
    elif (choice := choice_word(t, field.key, raw)) is not None:
        shown = fmt.esc(choice)
    else:
        shown = fmt.value(raw)
    return f"{t(field.label)}: {shown}"


#: card keys whose form field has another name
FORM_NAMES = {"schema": "schema_"}


def choice_word(t: Translator, key: str, raw: Any) -> str | None:
    """A value the forms offer as a choice, in the same words (``regular`` → "Regular")."""
    if not isinstance(raw, str):
        return None
    found = f"fc.{FORM_NAMES.get(key, key)}.{raw}"
    return t.plain(found) if found in t.catalog else None


def card_text(
    t: Translator, view: EntityView, row: dict[str, Any], tracker_url: str | None = None
) -> str:
    """The card; ``tracker_url`` makes the tracking link of a campaign without a domain."""
    title = fmt.esc(fmt.cut(view.title(row), 200))
    base = campaign_base(tracker_url) if tracker_url else None
    lines = [f"{view.icon} <b>{title}</b> <code>#{row.get('id', '?')}</code>"]
    lines += [line for field in view.card if (line := field_line(t, field, row, base))]
    return "\n".join(lines)


def fields_page(row: dict[str, Any], page: int) -> tuple[list[str], int]:
    """Every field of an entity, ``FIELDS_PER_PAGE`` a page; returns lines and page count."""
    items = sorted(row.items())
    pages = max(1, -(-len(items) // FIELDS_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    chunk = items[page * FIELDS_PER_PAGE : (page + 1) * FIELDS_PER_PAGE]
    return [f"<b>{fmt.esc(key)}</b>: {fmt.value(value, 120)}" for key, value in chunk], pages


def cell(column: str, value: Any, t: Translator | None = None) -> str:
    if column == "status" and t is not None and value:
        from bot.forms.readable import status_word  # the forms' words for Keitaro's statuses

        return fmt.esc(status_word(t, value))
    if column in MONEY_COLUMNS:
        return fmt.money(value)
    if column == "roi":
        return fmt.roi(value)
    if column in NUMBER_COLUMNS:
        return fmt.number(value)
    return fmt.value(value, 60)


def table_line(
    view: TableView, row: Any, *, totals: bool = False, t: Translator | None = None
) -> str:
    """One row on one line; ``totals`` leaves out the (empty) dimension cells of a summary;
    with ``t``, statuses read in the buyer's language."""
    if not isinstance(row, dict):
        return fmt.esc(fmt.cut(str(row), LINE_LIMIT * 2))
    columns = view.columns or tuple(row)
    cells = [
        cell(column, row.get(column), t)
        for column in columns
        if column in row and not (totals and row.get(column) is None)
    ]
    return " · ".join(cells) if cells else fmt.value(row, LINE_LIMIT)


def table_rows(view: TableView, data: Any) -> tuple[list[Any], int | None, dict[str, Any] | None]:
    """The rows of an answer, the server's total (grids) and the summary, by the view's shape."""
    if view.shape == "grid" and isinstance(data, dict):
        return list(data.get("rows") or []), data.get("total"), data.get("summary")
    if view.shape == "lines" and isinstance(data, dict):
        text = str(data.get("value") or "")
        return [line for line in text.replace(",", "\n").split() if line], None, None
    if view.shape == "mapping" and isinstance(data, dict):
        return [f"{key}: {value}" for key, value in data.items()], None, None
    if view.shape == "tree" and isinstance(data, dict):
        return _files(data), None, None
    if isinstance(data, list):
        return data, None, None
    if isinstance(data, dict):
        for key in ("items", "data", "rows"):
            if isinstance(data.get(key), list):
                return data[key], None, None
    return [], None, None


def _files(node: dict[str, Any]) -> list[str]:
    found = [str(node["path"])] if node.get("type") == "file" and node.get("path") else []
    for child in node.get("children") or []:
        if isinstance(child, dict):
            found += _files(child)
    return found
