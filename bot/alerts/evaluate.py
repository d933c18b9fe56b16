"""From rules to the reports they need, and from those reports to what fires.

``plan`` turns every rule of one tracker into the reads they need, keyed so that rules
sharing a window and a grouping share one request: one ``report/build`` per (window,
grouping, scope) a tick, whatever the number of rules and users. ``findings`` then judges
each rule against what was read, without a request of its own. Both are pure: the watcher
(``bot.alerts.watcher``) does the reading, and "Test" runs the same code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.alerts.rules import (
    GROUPS,
    MEASURES,
    NO_TRAFFIC_EXPECTED,
    PERCENT,
    Condition,
    Rule,
    window_minutes,
)
from bot.digests.scope import scope_filters
from bot.stats.periods import period_of
from keitaro.guesses import SSL_EXPIRY_FIELD, alert_range

#: what a read is: ("report", range JSON, dimensions, filters JSON) or ("list", action)
ReadKey = tuple[Any, ...]
#: the counters a baseline keeps to recompute any ratio
COUNTERS = ("clicks", "conversions", "leads", "sales", "revenue", "cost", "profit")
BASELINE_DAYS = 7
#: a drop is judged only when the baseline saw at least this much of the measure's base
DROP_BASE = 20.0


@dataclass(frozen=True, slots=True)
class Read:
    """One request: a report (``body``) or a list action."""

    key: ReadKey
    action: str
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Finding:
    """One entity a rule looked at: whether it fires, and the numbers that say why."""

    entity: str
    name: str
    firing: bool
    #: the watched measure's value (a drop: the current value; cap: the conversions)
    value: float | None
    numbers: dict[str, float] = field(default_factory=dict)
    #: what it is compared with (a drop: the baseline; cap: the cap; domain: the problem)
    against: Any = None


def _json_key(value: Any) -> str:
    import json

    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _ratio(measure: str, n: Mapping[str, float]) -> float | None:
    """A measure from summed counters (a baseline), None without a base."""

    def div(a: float, b: float) -> float | None:
        return a / b if b else None

    if measure == "cr":
        value = div(n.get("conversions", 0.0), n.get("clicks", 0.0))
        return None if value is None else value * 100
    if measure == "roi":
        value = div(n.get("profit", 0.0), n.get("cost", 0.0))
        return None if value is None else value * 100
    if measure == "approve":
        value = div(n.get("sales", 0.0), n.get("conversions", 0.0))
        return None if value is None else value * 100
    if measure == "epc":
        return div(n.get("revenue", 0.0), n.get("clicks", 0.0))
    if measure == "cpc":
        return div(n.get("cost", 0.0), n.get("clicks", 0.0))
    if measure == "cpa":
        return div(n.get("cost", 0.0), n.get("leads", 0.0))
    return n.get(MEASURES.get(measure, measure))


def _base_of(measure: str) -> str:
    """What a ratio is per: a drop of CR on ten clicks says nothing."""
    return {
        "cr": "clicks",
        "epc": "clicks",
        "cpc": "clicks",
        "roi": "cost",
        "cpa": "leads",
        "approve": "conversions",
    }.get(measure, MEASURES.get(measure, measure))


@dataclass
class Plan:
    """The reads of one tracker's rules for one tick, and which rule uses which."""

    reads: dict[ReadKey, Read] = field(default_factory=dict)
    uses: dict[int, dict[str, ReadKey]] = field(default_factory=dict)

    def need(self, rule_id: int, role: str, read: Read) -> None:
        known = self.reads.get(read.key)
        if known is None:
            self.reads[read.key] = read
        elif read.body.get("measures"):
            measures = sorted({*known.body.get("measures", []), *read.body["measures"]})
            self.reads[read.key] = Read(read.key, read.action, {**known.body, "measures": measures})
        self.uses.setdefault(rule_id, {})[role] = read.key


def window_range(window: str, timezone: str, now: datetime) -> dict[str, Any]:
    """The report range of a window: today and yesterday as /stats reads them (so the
    numbers agree), a sliding window to the minute (so every rule's "30m" is one range)."""
    minutes = window_minutes(window)
    if minutes is None:
        return period_of(window, timezone, now).as_range()
    end = now.replace(second=0, microsecond=0)
    return alert_range(end - timedelta(minutes=minutes), end)


def _report(
    range_: dict[str, Any], dimensions: list[str], measures: set[str], filters: list[dict[str, Any]]
) -> Read:
    key = ("report", _json_key(range_), tuple(dimensions), _json_key(filters))
    body = {
        "range": range_,
        "dimensions": dimensions,
        "measures": sorted(measures),
        "filters": filters,
        "limit": 10000,
    }
    return Read(key, "reports.build", body)


def plan(rules: Mapping[int, tuple[Rule, str]], now: datetime) -> Plan:
    """``rules``: id → (rule, the owner's time zone)."""
    result = Plan()
    for rule_id, (rule, timezone) in rules.items():
        filters = scope_filters(rule.scope) if rule.scope.get("kind") != "all" else []
        measures = {MEASURES[m] for m in MEASURES if m in {c.measure for c in rule.conditions}}
        measures |= {"clicks", "cost", "conversions", "revenue", "profit", "leads", "sales"}
        if rule.kind in ("threshold", "no_traffic", "drop"):
            dims = list(GROUPS[rule.group])
            window = rule.window
            result.need(
                rule_id,
                "now",
                _report(window_range(window, timezone, now), dims, measures, filters),
            )
        if rule.kind == "no_traffic":
            minutes = window_minutes(rule.window) or 60
            end = now.replace(second=0, microsecond=0) - timedelta(minutes=minutes)
            pace = alert_range(end - timedelta(hours=24), end)
            result.need(
                rule_id, "pace", _report(pace, ["campaign_id", "campaign"], {"clicks"}, filters)
            )
            result.need(
                rule_id, "campaigns", Read(("list", "campaigns.list"), "campaigns.list", {})
            )
        if rule.kind == "drop":
            today = now.astimezone(ZoneInfo(timezone)).date()
            first = today - timedelta(days=BASELINE_DAYS)
            last = today - timedelta(days=1)
            span = {"from": first.isoformat(), "to": last.isoformat(), "timezone": timezone}
            result.need(
                rule_id,
                "baseline",
                _report(span, [*GROUPS[rule.group], "hour"], set(COUNTERS), filters),
            )
        if rule.kind == "cap":
            result.need(rule_id, "offers", Read(("list", "offers.list"), "offers.list", {}))
        if rule.kind == "domain":
            result.need(rule_id, "domains", Read(("list", "domains.list"), "domains.list", {}))
        if (
            rule.auto_pause
            or rule.kind == "no_traffic"
            or (rule.kind in ("threshold", "drop") and rule.group == "campaign")
        ):  # a paused campaign is not alerted about; automatic pauses read the states
            result.need(
                rule_id, "campaigns", Read(("list", "campaigns.list"), "campaigns.list", {})
            )
    return result


def cap_reads(offers: list[dict[str, Any]], now: datetime) -> list[Read]:
    """Today's conversions by offer, one report per time zone the capped offers count in."""
    zones = sorted({str(o.get("conversion_timezone") or "UTC") for o in capped(offers)})
    return [
        _report(
            period_of("today", zone, now).as_range(), ["offer_id", "offer"], {"conversions"}, []
        )
        for zone in zones
    ]


def capped(offers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        o
        for o in offers
        if o.get("conversion_cap_enabled")
        and _number(o.get("daily_cap"))
        and str(o.get("state") or "active") == "active"
    ]


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _rows(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        rows = data.get("rows")
        return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
    if isinstance(data, list):
        return [r for r in data if isinstance(r, dict)]
    return []


def entity_of(group: str, row: Mapping[str, Any]) -> tuple[str, str] | None:
    """("campaign:12", "FB | DE | Offer A") for a report row, None without an id."""
    key, name_key = GROUPS[group]
    value = row.get(key)
    if value in (None, "", 0):
        return None
    return f"{group}:{value}", str(row.get(name_key) or value)


def _numbers(row: Mapping[str, Any]) -> dict[str, float]:
    return {
        k: float(v)
        for k, v in row.items()
        if isinstance(v, int | float) and k not in ("campaign_id", "offer_id", "ts_id")
    }


def _all_hold(rule: Rule, numbers: Mapping[str, float], conditions: tuple[Condition, ...]) -> bool:
    return all(c.holds(_value(c.measure, numbers)) for c in conditions)


def _value(measure: str, numbers: Mapping[str, float]) -> float | None:
    """The measure in a row. A ratio with nothing under it is no value ("—"), not 0."""
    base = _base_of(measure)
    if measure in ("roi", "cr", "epc", "cpc", "cpa", "approve") and not numbers.get(base):
        return None
    return numbers.get(MEASURES[measure])


def findings(rule: Rule, reads: Mapping[str, Any], now: datetime, timezone: str) -> list[Finding]:
    """What ``rule`` sees in ``reads`` (role → the answer's data; see ``plan``)."""
    if rule.kind == "threshold":
        return _threshold(rule, reads)
    if rule.kind == "no_traffic":
        return _no_traffic(rule, reads)
    if rule.kind == "drop":
        return _drop(rule, reads, now, timezone)
    if rule.kind == "cap":
        return _cap(rule, reads)
    if rule.kind == "domain":
        return _domains(rule, reads, now)
    return []


def _threshold(rule: Rule, reads: Mapping[str, Any]) -> list[Finding]:
    found = []
    main = rule.main
    assert main is not None
    for row in _rows(reads.get("now")):
        named = entity_of(rule.group, row)
        if named is None:
            continue
        numbers = _numbers(row)
        firing = _all_hold(rule, numbers, rule.conditions)
        found.append(Finding(named[0], named[1], firing, _value(main.measure, numbers), numbers))
    return found


def _no_traffic(rule: Rule, reads: Mapping[str, Any]) -> list[Finding]:
    """Active campaigns with no click in the window whose last day's pace promised at least
    ``NO_TRAFFIC_EXPECTED`` clicks in a window this long."""
    minutes = window_minutes(rule.window) or 60
    clicks_now = {
        str(r.get("campaign_id")): _number(r.get("clicks")) for r in _rows(reads.get("now"))
    }
    pace = {str(r.get("campaign_id")): _number(r.get("clicks")) for r in _rows(reads.get("pace"))}
    allowed = _scope_ids(rule, reads)
    found = []
    for campaign in _rows(reads.get("campaigns")):
        cid = str(campaign.get("id"))
        if str(campaign.get("state") or "active") != "active":
            continue
        if allowed is not None and cid not in allowed:
            continue
        expected = pace.get(cid, 0.0) * minutes / (24 * 60)
        clicks = clicks_now.get(cid, 0.0)
        firing = clicks == 0 and expected >= NO_TRAFFIC_EXPECTED
        name = str(campaign.get("name") or cid)
        numbers = {"clicks": clicks, "expected": round(expected, 1)}
        found.append(Finding(f"campaign:{cid}", name, firing, clicks, numbers, expected))
    return found


def _scope_ids(rule: Rule, reads: Mapping[str, Any]) -> set[str] | None:
    scope = rule.scope
    if scope.get("kind") == "campaigns":
        return {str(i) for i in scope.get("ids") or []}
    if scope.get("kind") == "group":
        return {
            str(c.get("id"))
            for c in _rows(reads.get("campaigns"))
            if str(c.get("group_id")) == str(scope.get("id"))
        }
    return None


def _drop(rule: Rule, reads: Mapping[str, Any], now: datetime, timezone: str) -> list[Finding]:
    """The measure now against the same hours of the last 7 days (their average per day for
    counts, their pooled ratio for ratios)."""
    main = rule.main
    assert main is not None
    local = now.astimezone(ZoneInfo(timezone))
    minutes = window_minutes(rule.window)
    if minutes is None:  # today so far: from midnight to now
        first_hour, span = 0.0, local.hour + local.minute / 60
    else:
        start = local - timedelta(minutes=minutes)
        first_hour = start.hour + start.minute / 60 if start.date() == local.date() else 0.0
        span = local.hour + local.minute / 60 - first_hour
    base: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(COUNTERS, 0.0))
    key = GROUPS[rule.group][0]
    for row in _rows(reads.get("baseline")):
        hour = _number(row.get("hour"))
        share = _overlap(hour, first_hour, first_hour + span)
        if share <= 0:
            continue
        sums = base[str(row.get(key))]
        for name in COUNTERS:
            sums[name] += _number(row.get(name)) * share
    found = []
    ratio = main.measure in ("roi", "cr", "epc", "cpc", "cpa", "approve")
    for row in _rows(reads.get("now")):
        named = entity_of(rule.group, row)
        if named is None:
            continue
        numbers = _numbers(row)
        sums = base.get(str(row.get(key)))
        if sums is None:
            continue
        per_day = {k: v / BASELINE_DAYS for k, v in sums.items()}
        was = _ratio(main.measure, sums if ratio else per_day)
        value = _value(main.measure, numbers) if ratio else numbers.get(MEASURES[main.measure])
        based = per_day.get(_base_of(main.measure), 0.0)
        if was is None or value is None or was <= 0 or based < DROP_BASE / BASELINE_DAYS:
            found.append(Finding(named[0], named[1], False, value, numbers, was))
            continue
        fell = (was - value) / was * 100
        numbers["drop"] = round(fell, 1)
        firing = fell >= rule.value and _all_hold(rule, numbers, rule.guards)
        found.append(Finding(named[0], named[1], firing, value, numbers, round(was, 4)))
    return found


def _overlap(hour: float, start: float, end: float) -> float:
    """How much of local hour ``hour`` (a whole hour) lies in ``[start, end)``, 0..1."""
    return max(0.0, min(hour + 1, end) - max(hour, start))


def _cap(rule: Rule, reads: Mapping[str, Any]) -> list[Finding]:
    """Capped offers at ``rule.value`` % of their daily cap or more (``cap_reads`` read
    today's conversions per offer in each offer's own time zone, role ``cap:<zone>``)."""
    found = []
    for offer in capped(_rows(reads.get("offers"))):
        zone = str(offer.get("conversion_timezone") or "UTC")
        counts = {
            str(r.get("offer_id")): _number(r.get("conversions"))
            for r in _rows(reads.get(f"cap:{zone}"))
        }
        cap = _number(offer.get("daily_cap"))
        done = counts.get(str(offer.get("id")), 0.0)
        firing = done >= cap * rule.value / 100
        numbers = {"conversions": done, "cap": cap, "percent": round(done / cap * 100, 1)}
        name = str(offer.get("name") or offer.get("id"))
        found.append(Finding(f"offer:{offer.get('id')}", name, firing, done, numbers, cap))
    return found


def _domains(rule: Rule, reads: Mapping[str, Any], now: datetime) -> list[Finding]:
    """Domains whose check failed, whose SSL is not issued, or expires within the days."""
    found = []
    for domain in _rows(reads.get("domains")):
        if str(domain.get("state") or "active") == "deleted":
            continue
        problem = domain_problem(domain, now, rule.value)
        name = str(domain.get("name") or domain.get("id"))
        found.append(
            Finding(f"domain:{domain.get('id')}", name, problem is not None, None, {}, problem)
        )
    return found


def domain_problem(domain: Mapping[str, Any], now: datetime, days: float) -> dict[str, Any] | None:
    """``{"kind": "dns"|"ssl"|"expiring", ...}`` or None when the domain is fine."""
    if str(domain.get("network_status") or "") == "error":
        return {"kind": "dns", "text": str(domain.get("error_description") or "")}
    if domain.get("is_ssl") and str(domain.get("ssl_status") or "issued") != "issued":
        return {"kind": "ssl", "text": str(domain.get("ssl_status") or "")}
    expires = domain.get(SSL_EXPIRY_FIELD)
    if isinstance(expires, str) and expires:
        try:
            when = datetime.fromisoformat(expires.replace(" ", "T"))
        except ValueError:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=now.tzinfo)
        left = (when - now).total_seconds() / 86400
        if left <= days:
            return {"kind": "expiring", "days": max(0, int(left)), "at": expires}
    return None


def shown_value(measure: str, value: float | None) -> str:
    """For the alert's first line; money and percents are formatted by the caller."""
    if value is None:
        return "—"
    return f"{value:g}%" if measure in PERCENT else f"{value:g}"
