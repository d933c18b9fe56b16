"""A form's values in words, for the confirmation, "now" lines and cards: a stream's offers
as "Offer A — 60%", its filters as "Country: DE, AT", postbacks as "GET · sale → URL",
never as JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.forms import texts
from bot.forms.fields import FieldSpec
from bot.i18n import Translator
from bot.ui import format as fmt

#: fields holding traffic shares → the key of the entity each row names and its picker view
SHARE_FIELDS: dict[str, tuple[str, str]] = {
    "offers": ("offer_id", "of"),
    "landings": ("landing_id", "lp"),
}


def entity_name(names: Mapping[str, str], view: str, entity_id: Any) -> str:
    """ "Offer A (#3)" when the form has seen its name, else "#3"."""
    name = names.get(f"{view}:{entity_id}")
    return f"{name} (#{entity_id})" if name else f"#{entity_id}"


def share_lines(t: Translator, field: str, rows: list[Any], names: Mapping[str, str]) -> list[str]:
    """One line per offer or landing: its name, its share, and whether it is paused."""
    key, view = SHARE_FIELDS[field]
    lines = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        line = f"{entity_name(names, view, row.get(key))} — {row.get('share', 100)}%"
        if row.get("state") == "disabled":
            line += " " + t.plain("ed.paused_row")
        lines.append(line)
    return lines


def filter_kind(t: Translator, name: str) -> str:
    """A stream filter's kind in words ("Country", "Sub ID 3"), its key where unknown."""
    if name.startswith("sub_id_") and name[7:].isdigit():
        return t.plain("flt.sub_id", n=name[7:])
    if name == "sub_id":  # the kind before its number is chosen
        return t.plain("flt.sub_id_any")
    key = f"flt.{name}"
    return t.plain(key) if key in t.catalog else name


def filter_value(t: Translator, value: Any) -> str:
    """A filter's value as the buyer reads it: "мобильный" for ``mobile``; codes, names and
    what the catalog does not know stay as they are."""
    key = f"flv.{value}"
    return t.plain(key) if key in t.catalog else str(value)


def filter_line(t: Translator, rule: Mapping[str, Any]) -> str:
    """ "Country: DE, AT" or "Country is not: DE"."""
    kind = filter_kind(t, str(rule.get("name") or ""))
    payload = rule.get("payload")
    if isinstance(payload, list):
        values = ", ".join(filter_value(t, v) for v in payload)
    elif payload in (None, "", {}):
        values = ""
    else:
        values = str(payload)
    reject = rule.get("mode") == "reject"
    if not values:  # bots, proxies: the visitors that are, or all but them
        return f"{kind}: {t.plain('flt.excluded' if reject else 'flt.only')}"
    verb = t.plain("flt.reject" if reject else "flt.accept")
    return f"{kind} {verb}: {values}"


def status_word(t: Translator, status: Any) -> str:
    key = f"cv.status_{status}"
    return t.plain(key) if key in t.catalog else str(status)


def postback_line(t: Translator, postback: Mapping[str, Any]) -> str:
    """ "GET · sale, lead → https://ts.example/pb?cid={subid}"."""
    statuses = ", ".join(status_word(t, s) for s in postback.get("statuses") or [])
    url = fmt.cut(str(postback.get("url") or ""), 120)
    return f"{postback.get('method') or 'GET'} · {statuses or '—'} → {url}"


def lines_of(t: Translator, spec: FieldSpec, value: Any, names: Mapping[str, str]) -> list[str]:
    """A list or mapping value as lines of plain text (not escaped)."""
    if spec.name in SHARE_FIELDS and isinstance(value, list):
        return share_lines(t, spec.name, value, names)
    if spec.name == "filters" and isinstance(value, list):
        return [filter_line(t, r) for r in value if isinstance(r, dict)]
    if spec.name == "postbacks" and isinstance(value, list):
        return [postback_line(t, p) for p in value if isinstance(p, dict)]
    if isinstance(value, Mapping):
        return [f"{k} → {_scalar(t, spec, v)}" for k, v in value.items()]
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return [", ".join(_scalar(t, spec, v) for v in value)]
        return [_compact(v) for v in value]
    return [_scalar(t, spec, value)]


def _scalar(t: Translator, spec: FieldSpec, value: Any) -> str:
    if isinstance(value, dict | list):
        return _compact(value)
    if isinstance(value, bool) or value is None or spec.kind == "choice":
        return texts.choice(t, spec, value)
    if value in ("blacklist", "whitelist"):
        return t.plain(f"fc.label_name.{value}")
    return str(value)


def _compact(value: Any) -> str:
    """A nested structure with no better form: ``key value`` pairs, one level deep."""
    if isinstance(value, dict):
        return "; ".join(f"{k} {_compact(v)}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, list):
        return ", ".join(_compact(v) for v in value)
    return str(value)


def readable(
    t: Translator, spec: FieldSpec, value: Any, names: Mapping[str, str], *, plain: bool = False
) -> str:
    """The value as the bot shows it: HTML (escaped, several lines indented) unless ``plain``."""
    if isinstance(value, bytes):  # a download: the file itself is sent as a document
        return f"{len(value):,} bytes".replace(",", " ")
    if spec.kind in ("id", "ids") and isinstance(value, int | list) and spec.view:
        ids = value if isinstance(value, list) else [value]
        text = ", ".join(entity_name(names, spec.view, i) for i in ids)
        return text if plain else fmt.esc(text)
    lines = lines_of(t, spec, value, names)
    if plain:
        return "; ".join(lines)
    if not lines:
        return "—"
    if len(lines) == 1:
        return fmt.esc(fmt.cut(lines[0], 300))
    shown = [f"\n   · {fmt.esc(fmt.cut(line, 200))}" for line in lines[:20]]
    if len(lines) > 20:
        shown.append(f"\n   · … +{len(lines) - 20}")
    return "".join(shown)
