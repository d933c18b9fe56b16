"""The one-line syntax of ``/alert``, in English, Russian and Ukrainian words.

``/alert roi < -30`` · ``/alert profit < -50 today spend >= 20`` ·
``/alert cr < 1.5 3h clicks >= 200`` · ``/alert clicks = 0 30m`` · ``/alert cr drop 50%`` ·
``/alert cost >= 30 conversions = 0`` · ``/alert cap 90%`` · ``/alert domains 7d`` ·
``/alert down 10m``; anywhere after the first test: a window (``today``, ``yesterday``,
``30m``, ``3h``), ``by offer|source|country``, more tests (the guard), ``every 4h`` (the
reminder cooldown), ``autopause``.

A line it cannot read raises :class:`RuleError` with an i18n key (``alert.err.*``) and the
word it stumbled on, for the chat to explain with an example.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.alerts.rules import (
    DEFAULT_CAP_PERCENT,
    DEFAULT_DOWN_MINUTES,
    DEFAULT_SSL_DAYS,
    GROUPS,
    MEASURES,
    Condition,
    Rule,
    valid_window,
    window_minutes,
)

#: every word a measure may be typed as → the measure
MEASURE_WORDS: dict[str, str] = {
    **{name: name for name in MEASURES},
    "click": "clicks",
    "uniques": "unique",
    "uc": "unique",
    "conv": "conversions",
    "conversion": "conversions",
    "lead": "leads",
    "sale": "sales",
    "rev": "revenue",
    "income": "revenue",
    "spend": "cost",
    "spent": "cost",
    "costs": "cost",
    "approval": "approve",
    "ap": "approve",
    # Russian
    "клики": "clicks",
    "клик": "clicks",
    "кликов": "clicks",
    "уники": "unique",
    "уников": "unique",
    "конверсии": "conversions",
    "конверсий": "conversions",
    "конв": "conversions",
    "лиды": "leads",
    "лидов": "leads",
    "продажи": "sales",
    "продаж": "sales",
    "доход": "revenue",
    "выручка": "revenue",
    "расход": "cost",
    "расходы": "cost",
    "затраты": "cost",
    "спенд": "cost",
    "прибыль": "profit",
    "профит": "profit",
    "рои": "roi",
    "апрув": "approve",
    # Ukrainian
    "кліки": "clicks",
    "кліків": "clicks",
    "унікальні": "unique",
    "конверсії": "conversions",
    "ліди": "leads",
    "лідів": "leads",
    "продажі": "sales",
    "дохід": "revenue",
    "витрати": "cost",
    "прибуток": "profit",
}
WINDOW_WORDS: dict[str, str] = {
    "today": "today",
    "yesterday": "yesterday",
    "сегодня": "today",
    "вчера": "yesterday",
    "сьогодні": "today",
    "вчора": "yesterday",
}
GROUP_WORDS: dict[str, str] = {
    **{name: name for name in GROUPS},
    "campaigns": "campaign",
    "offers": "offer",
    "sources": "source",
    "countries": "country",
    "geo": "country",
    "кампании": "campaign",
    "кампаниям": "campaign",
    "офферы": "offer",
    "офферам": "offer",
    "источники": "source",
    "источникам": "source",
    "страны": "country",
    "странам": "country",
    "гео": "country",
    "кампаніях": "campaign",
    "кампаніям": "campaign",
    "оферам": "offer",
    "джерелам": "source",
    "країнам": "country",
}
BY_WORDS = frozenset({"by", "per", "по", "за"})
EVERY_WORDS = frozenset({"every", "cooldown", "каждые", "каждый", "раз", "кожні", "кожен"})
AUTO_WORDS = frozenset({"autopause", "auto", "автопауза", "авто"})
DROP_WORDS = frozenset({"drop", "drops", "fall", "падение", "упал", "просадка", "падіння"})
CAP_WORDS = frozenset({"cap", "caps", "кап", "капа", "лимит", "ліміт"})
DOMAIN_WORDS = frozenset({"domain", "domains", "ssl", "домен", "домены", "домени"})
DOWN_WORDS = frozenset({"down", "tracker", "unreachable", "недоступен", "трекер", "лежит"})
#: units of durations → minutes
UNITS: dict[str, int] = {
    "m": 1,
    "min": 1,
    "mins": 1,
    "м": 1,
    "мин": 1,
    "хв": 1,
    "h": 60,
    "hr": 60,
    "hrs": 60,
    "ч": 60,
    "час": 60,
    "часа": 60,
    "часов": 60,
    "год": 60,
    "d": 1440,
    "д": 1440,
    "дн": 1440,
    "дня": 1440,
    "дней": 1440,
    "днів": 1440,
}
_OPERATOR = re.compile(r"(<=|>=|==|=<|=>|≤|≥|<|>|=)")
_DURATION = re.compile(r"^(\d{1,4})([a-zа-яіїє]+)$")
_NUMBER = re.compile(r"^[+-−]?\$?[+-−]?\d[\d\s]*([.,]\d+)?\s*[%$€₽]?$")
OP_ALIASES = {"==": "=", "=<": "<=", "=>": ">=", "≤": "<=", "≥": ">="}


class RuleError(ValueError):
    """A line that is not a rule: ``key`` names the explanation, ``word`` what was wrong."""

    def __init__(self, key: str, word: str = "") -> None:
        super().__init__(key)
        self.key = key
        self.word = word


def tokens(line: str) -> list[str]:
    spaced = _OPERATOR.sub(lambda m: f" {m.group(1)} ", line.strip().lower())
    return [word for word in spaced.replace("–", "-").split() if word]


def number(word: str) -> float:
    if not _NUMBER.match(word):
        raise RuleError("alert.err.number", word)
    cleaned = word.replace("−", "-").replace("$", "").replace("€", "").replace("₽", "")
    cleaned = cleaned.replace("%", "").replace(" ", "").replace(",", ".")
    return float(cleaned)


def duration(word: str) -> int | None:
    """``"30m"``, ``"3ч"``, ``"2h"``, ``"7d"`` → minutes; None when it is not a duration."""
    match = _DURATION.match(word)
    if not match or match.group(2) not in UNITS:
        return None
    return int(match.group(1)) * UNITS[match.group(2)]


def window_word(minutes: int) -> str:
    return f"{minutes // 60}h" if minutes % 60 == 0 else f"{minutes}m"


class _Reader:
    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.at = 0

    def peek(self, ahead: int = 0) -> str | None:
        index = self.at + ahead
        return self.words[index] if index < len(self.words) else None

    def take(self) -> str:
        word = self.peek()
        if word is None:
            raise RuleError("alert.err.short")
        self.at += 1
        return word

    def condition(self) -> Condition:
        word = self.take()
        measure = MEASURE_WORDS.get(word)
        if measure is None:
            raise RuleError("alert.err.measure", word)
        op = self.take()
        op = OP_ALIASES.get(op, op)
        if op not in ("<", "<=", ">", ">=", "="):
            raise RuleError("alert.err.operator", op)
        return Condition(measure, op, number(self.take()))


def parse_rule(line: str) -> Rule:
    """The rule a line describes, with the default guard when a ratio has none."""
    reader = _Reader(tokens(line))
    first = reader.peek()
    if first is None:
        raise RuleError("alert.err.empty")
    rule = _head(reader, first)
    window = ""
    guards: list[Condition] = []
    while (word := reader.peek()) is not None:
        if word in WINDOW_WORDS:
            window = WINDOW_WORDS[reader.take()]
        elif (minutes := duration(word)) is not None and rule.kind in (
            "threshold",
            "drop",
            "no_traffic",
        ):
            reader.take()
            window = window_word(minutes)
            if not valid_window(window):
                raise RuleError("alert.err.window", word)
        elif word in BY_WORDS:
            reader.take()
            group = GROUP_WORDS.get(reader.take())
            if group is None:
                raise RuleError("alert.err.group", reader.words[reader.at - 1])
            rule = replace(rule, group=group)
        elif word in GROUP_WORDS and word not in MEASURE_WORDS:
            rule = replace(rule, group=GROUP_WORDS[reader.take()])
        elif word in EVERY_WORDS:
            reader.take()
            minutes = duration(reader.take())
            if minutes is None or not 10 <= minutes <= 7 * 1440:
                raise RuleError("alert.err.cooldown", reader.words[reader.at - 1])
            rule = replace(rule, cooldown=minutes)
        elif word in AUTO_WORDS:
            reader.take()
            rule = replace(rule, auto_pause=True)
        elif word in MEASURE_WORDS:
            guards.append(reader.condition())
        else:
            raise RuleError("alert.err.word", word)
    if guards and rule.kind in ("cap", "domain", "down"):
        raise RuleError("alert.err.word", guards[0].measure)
    rule = replace(rule, conditions=(*rule.conditions, *guards))
    if window:
        rule = replace(rule, window=window)
    if rule.kind == "no_traffic" and rule.group != "campaign":
        raise RuleError("alert.err.no_traffic_group")
    if rule.auto_pause and not rule.can_pause:
        raise RuleError("alert.err.auto")
    return rule.with_default_guard()


def _head(reader: _Reader, first: str) -> Rule:
    """The rule's kind and its main test, from the first words."""
    if first in CAP_WORDS:
        reader.take()
        return Rule(kind="cap", group="offer", value=_percent(reader, DEFAULT_CAP_PERCENT))
    if first in DOMAIN_WORDS:
        reader.take()
        days = _duration_arg(reader, DEFAULT_SSL_DAYS, unit=1440)
        if not 1 <= days <= 90:
            raise RuleError("alert.err.days", reader.words[reader.at - 1])
        return Rule(kind="domain", value=float(round(days)))
    if first in DOWN_WORDS:
        reader.take()
        minutes = _duration_arg(reader, DEFAULT_DOWN_MINUTES)
        if not 1 <= minutes <= 24 * 60:
            raise RuleError("alert.err.window", str(reader.words[reader.at - 1]))
        return Rule(kind="down", value=minutes)
    if first in MEASURE_WORDS and reader.peek(1) in DROP_WORDS:
        measure = MEASURE_WORDS[reader.take()]
        reader.take()
        percent = _percent(reader, 50.0)
        if not 1 <= percent <= 100:
            raise RuleError("alert.err.percent", number_word(percent))
        return Rule(kind="drop", conditions=(Condition(measure, "<", 0.0),), value=percent)
    main = reader.condition()
    if main.measure == "clicks" and (
        (main.op in ("=", "<=") and main.value == 0) or (main.op == "<" and main.value == 1)
    ):
        return Rule(kind="no_traffic", conditions=(Condition("clicks", "=", 0.0),), window="30m")
    return Rule(kind="threshold", conditions=(main,))


def number_word(value: float) -> str:
    return f"{value:g}"


def _percent(reader: _Reader, default: float) -> float:
    word = reader.peek()
    if word is None or not _NUMBER.match(word):
        return default
    return number(reader.take())


def _duration_arg(reader: _Reader, default: float, unit: int = 1) -> float:
    """A duration after the kind's word, in ``unit`` minutes (a bare number is in units)."""
    word = reader.peek()
    if word is None:
        return default
    minutes = duration(word)
    if minutes is None:
        if _NUMBER.match(word):
            reader.take()
            return number(word)
        return default
    reader.take()
    return minutes / unit


__all__ = ["RuleError", "parse_rule", "window_minutes"]
