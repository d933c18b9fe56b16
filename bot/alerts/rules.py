"""What an alert rule watches, as stored in ``alerts.spec`` (JSON).

A rule is one of a few kinds:

- ``threshold``: a report measure crossing a line per campaign, offer, source or country
  over a window, with more conditions that must hold too (``conditions[1:]``: the guard,
  "spend ≥ $20", or a second test, "conversions = 0" for spend without conversions);
- ``no_traffic``: an active campaign that got no clicks in the window although its pace
  over the day before says it should have had some;
- ``drop``: a measure at least ``value`` % below the same hours of the last 7 days;
- ``cap``: an offer with a daily conversion cap at ``value`` % of it or more (urgent);
- ``domain``: a domain whose DNS check failed, whose SSL is not issued, or expires within
  ``value`` days;
- ``down``: the tracker unreachable, or its key refused, for ``value`` minutes (urgent).

Windows are ``today``, ``yesterday`` or a sliding ``30m`` / ``3h``. Every ratio rule carries
a guard (``DEFAULT_GUARDS``) so that a campaign down $0.19 on two clicks pages no one.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from typing import Any

#: the measures a rule can watch → the report measure that holds it
MEASURES: dict[str, str] = {
    "clicks": "clicks",
    "unique": "campaign_unique_clicks",
    "conversions": "conversions",
    "leads": "leads",
    "sales": "sales",
    "revenue": "revenue",
    "cost": "cost",
    "profit": "profit",
    "roi": "roi",
    "cr": "cr",
    "epc": "epc",
    "cpc": "cpc",
    "cpa": "cpa",
    "approve": "approve",
}
#: measures that are ratios: meaningless on a handful of clicks, so always guarded
RATIOS = frozenset({"roi", "cr", "epc", "cpc", "cpa", "approve"})
#: measures shown as money / as a percentage
MONEY = frozenset({"revenue", "cost", "profit", "epc", "cpc", "cpa"})
PERCENT = frozenset({"roi", "cr", "approve"})
#: the guard a ratio gets when the rule names none
DEFAULT_GUARDS: dict[str, tuple[str, str, float]] = {
    "roi": ("cost", ">=", 10.0),
    "cr": ("clicks", ">=", 100.0),
    "epc": ("clicks", ">=", 100.0),
    "cpc": ("clicks", ">=", 50.0),
    "cpa": ("cost", ">=", 10.0),
    "approve": ("conversions", ">=", 10.0),
}
OPERATORS = ("<", "<=", ">", ">=", "=")
KINDS = ("threshold", "no_traffic", "drop", "cap", "domain", "down")
#: what a threshold rule's rows are per
GROUPS: dict[str, tuple[str, str]] = {
    "campaign": ("campaign_id", "campaign"),
    "offer": ("offer_id", "offer"),
    "source": ("ts_id", "ts"),
    "country": ("country_code", "country"),
}
#: kinds told even in quiet hours: waiting until morning is what costs the money
URGENT = frozenset({"cap", "down"})
DEFAULT_COOLDOWN = 120  # minutes
DEFAULT_CAP_PERCENT = 90.0
DEFAULT_SSL_DAYS = 7.0
DEFAULT_DOWN_MINUTES = 10.0
DEFAULT_DROP_PERCENT = 50.0
#: an active campaign counts as silent only if the day before it had this many clicks for
#: a window this long (so a campaign that gets ten clicks a day is not "down" every hour)
NO_TRAFFIC_EXPECTED = 5.0
#: automatic pauses one rule may make in an hour
DEFAULT_AUTO_CAP = 3
_WINDOW = re.compile(r"^(\d{1,4})(m|h)$")
#: sliding windows may not be shorter or longer than these (minutes)
MIN_WINDOW, MAX_WINDOW = 5, 72 * 60


@dataclass(frozen=True, slots=True)
class Condition:
    measure: str
    op: str
    value: float

    def holds(self, actual: float | None) -> bool:
        if actual is None:
            return False
        value = self.value
        if self.op == "<":
            return actual < value
        if self.op == "<=":
            return actual <= value
        if self.op == ">":
            return actual > value
        if self.op == ">=":
            return actual >= value
        return abs(actual - value) < 1e-9


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str = "threshold"
    #: the first is the line that fires; the others must hold too (the guard)
    conditions: tuple[Condition, ...] = ()
    window: str = "today"
    group: str = "campaign"
    #: ``drop``, ``cap``: percent; ``domain``: days; ``down``: minutes
    value: float = 0.0
    #: as the digests' scope picker makes it: {"kind": "all"}, a group, chosen campaigns
    scope: dict[str, Any] = field(default_factory=lambda: {"kind": "all"})
    cooldown: int = DEFAULT_COOLDOWN
    recovery: bool = True
    auto_pause: bool = False
    auto_cap: int = DEFAULT_AUTO_CAP

    @property
    def main(self) -> Condition | None:
        return self.conditions[0] if self.conditions else None

    @property
    def guards(self) -> tuple[Condition, ...]:
        return self.conditions[1:]

    @property
    def urgent(self) -> bool:
        return self.kind in URGENT

    @property
    def can_pause(self) -> bool:
        """Whether its alerts are about campaigns (or an offer's streams) to pause."""
        return self.kind in ("threshold", "no_traffic", "drop", "cap") and self.group in (
            "campaign",
            "offer",
        )

    def with_default_guard(self) -> Rule:
        """A ratio rule without a guard gets the default one for its measure."""
        main = self.main
        if self.kind not in ("threshold", "drop") or main is None or main.measure not in RATIOS:
            return self
        if self.guards:
            return self
        measure, op, value = DEFAULT_GUARDS[main.measure]
        return replace(self, conditions=(main, Condition(measure, op, value)))

    def measures(self) -> set[str]:
        """The report measures its evaluation needs."""
        needed = {"clicks", "cost", "conversions", "profit", "revenue"}
        needed.update(MEASURES[c.measure] for c in self.conditions)
        return needed

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["conditions"] = [[c.measure, c.op, c.value] for c in self.conditions]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Rule:
        """A stored spec, tolerating older or hand-edited rows (unknown keys are dropped)."""
        known = {name for name in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        conditions = []
        for item in data.get("conditions") or []:
            if isinstance(item, list | tuple) and len(item) == 3 and item[0] in MEASURES:
                conditions.append(Condition(str(item[0]), str(item[1]), float(item[2])))
        values["conditions"] = tuple(conditions)
        values["scope"] = dict(values.get("scope") or {"kind": "all"})
        rule = cls(**values)
        if rule.kind not in KINDS:
            raise ValueError(f"unknown rule kind {rule.kind!r}")
        return rule


def window_minutes(window: str) -> int | None:
    """``"30m"`` → 30, ``"3h"`` → 180; None for ``today`` / ``yesterday``."""
    match = _WINDOW.match(window)
    if not match:
        return None
    n = int(match.group(1))
    return n if match.group(2) == "m" else n * 60


def valid_window(window: str) -> bool:
    if window in ("today", "yesterday"):
        return True
    minutes = window_minutes(window)
    return minutes is not None and MIN_WINDOW <= minutes <= MAX_WINDOW


def number_text(value: float) -> str:
    """1.0 → "1", 1.5 → "1.5", -30.0 → "-30": as a user would type it."""
    return f"{value:g}" if abs(value) < 1e15 else str(value)


def line_of(rule: Rule) -> str:
    """The rule in the one-line syntax ``/alert`` reads (English words): shown on its card and
    given back to be edited, so what is shown can be typed again."""
    words: list[str] = []
    main = rule.main
    if rule.kind == "cap":
        words = ["cap", f"{number_text(rule.value)}%"]
    elif rule.kind == "domain":
        words = ["domains", f"{number_text(rule.value)}d"]
    elif rule.kind == "down":
        words = ["down", f"{number_text(rule.value)}m"]
    elif rule.kind == "drop" and main is not None:
        words = [main.measure, "drop", f"{number_text(rule.value)}%"]
    elif main is not None:
        words = [main.measure, main.op, number_text(main.value)]
    if rule.kind in ("threshold", "no_traffic", "drop"):
        if rule.window != "today":
            words.append(rule.window)
        if rule.group != "campaign":
            words.append(f"by {rule.group}")
        for guard in rule.guards:
            words += [guard.measure, guard.op, number_text(guard.value)]
    if rule.cooldown != DEFAULT_COOLDOWN:
        hours, minutes = divmod(rule.cooldown, 60)
        words.append(f"every {hours}h" if not minutes else f"every {rule.cooldown}m")
    if rule.auto_pause:
        words.append("autopause")
    return " ".join(words)
