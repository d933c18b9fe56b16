"""A report spec in the user's words: for saved presets, their pop-up and CSV captions.

``Camp A · Campaign · 7 days · Money`` rather than the spec's codes (``campaign · 7d ·
money``), so a Russian user reads Russian and nobody reads ``device_type``.
"""

from __future__ import annotations

from bot.i18n import Translator
from bot.stats.builder import CUSTOM, METRICS, SUB_IDS, Spec, where

#: a name longer than this is cut at a word, not mid-word
PART = 24


def group_word(t: Translator, group: str) -> str:
    """What a report is grouped by, as a button says it (``Campaign``/``Кампания``)."""
    if group in SUB_IDS:
        return t.plain("flt.sub_id", n=group.removeprefix("sub_id_"))
    return "IP" if group == "ip" else t.plain(f"rb.gb.{group}")


def short(text: str, limit: int = PART) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" |·-")
    return (cut or text[: limit - 1]) + "…"


def period_words(t: Translator, spec: Spec) -> str:
    if spec.get("period") == "custom" and spec.get("first") and spec.get("last"):
        first, last = str(spec["first"]), str(spec["last"])
        return f"{first[8:10]}.{first[5:7]}–{last[8:10]}.{last[5:7]}.{last[:4]}"
    return t.plain(f"stats.p.{spec.get('period') or 'today'}")


def preset_name(t: Translator, spec: Spec) -> str:
    """``TT | MX · Day · 7 days · Money``: filters (or title), grouping, period, numbers."""
    named = [short(str(item.get("label") or item["v"])) for item in where(spec).values()]
    title = short(str(spec.get("title") or ""))
    if title and title not in named:
        named.insert(0, title)
    parts = [*named, group_word(t, str(spec.get("group") or "campaign")), period_words(t, spec)]
    metrics = str(spec.get("metrics") or "default")
    if metrics != "default" and (metrics in METRICS or metrics == CUSTOM):
        parts.append(t.plain(f"rb.m.{metrics}"))
    return " · ".join(parts)
