"""What an alert says: the decision screen (what crossed which line, the numbers, the rule,
and the buttons that fix it), the reminder, the recovery, a summary when many fire at once,
and the tracker down and back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.alerts.entities import id_of, kind_of, pack
from bot.alerts.evaluate import Finding
from bot.alerts.rules import MONEY, PERCENT, Condition, Rule, window_minutes
from bot.forms.codes import code_of
from bot.i18n import Translator
from bot.ui import format as fmt
from bot.ui.callbacks import AlertCb, WriteCb
from bot.ui.countries import country_label
from bot.ui.keyboards import button, markup

OPS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "=": "="}
#: alerts listed in a summary at most
SUMMARY_LINES = 10


def measure_name(t: Translator, measure: str) -> str:
    return t.plain(f"alm.m.{measure}")


def amount(measure: str, value: float | None, currency: str) -> str:
    """A measure's value as a buyer reads it: money, a percentage, a count; "—" for none."""
    if value is None:
        return "—"
    if measure in MONEY:
        return fmt.money(value, currency, signed=measure == "profit")
    if measure in PERCENT:
        return fmt.percent(value, 1 if abs(value) < 10 else 0)
    return fmt.number(value)


def line_amount(measure: str, value: float, currency: str) -> str:
    """A rule's threshold as it was typed: "$10", not "$10.00"; cents only when given."""
    shown = amount(measure, value, currency)
    if measure in MONEY and float(value).is_integer():
        shown = shown.replace(".00", "")
    return shown


def condition_text(t: Translator, c: Condition, currency: str) -> str:
    return f"{measure_name(t, c.measure)} {OPS[c.op]} {line_amount(c.measure, c.value, currency)}"


def window_text(t: Translator, window: str) -> str:
    minutes = window_minutes(window)
    if minutes is None:
        return t.plain(f"alm.w.{window}")
    if minutes % 60 == 0:
        return t.plain("alm.w.hours", n=minutes // 60)
    return t.plain("alm.w.minutes", n=minutes)


def describe_rule(t: Translator, rule: Rule, currency: str = "USD") -> str:
    """The rule in words, plain text: "ROI < −30% · today so far · per campaign · when spend
    ≥ $10"."""
    main = rule.main
    if rule.kind == "cap":
        return t.plain("alm.rule.cap", percent=fmt.number(rule.value))
    if rule.kind == "domain":
        return t.plain("alm.rule.domain", n=int(rule.value))
    if rule.kind == "down":
        return t.plain("alm.rule.down", n=int(rule.value))
    if rule.kind == "no_traffic":
        head = t.plain("alm.rule.no_traffic", window=window_text(t, rule.window))
        return head
    assert main is not None
    if rule.kind == "drop":
        head = t.plain(
            "alm.rule.drop", measure=measure_name(t, main.measure), percent=fmt.number(rule.value)
        )
    else:
        head = condition_text(t, main, currency)
    parts = [head, window_text(t, rule.window), t.plain(f"alm.per.{rule.group}")]
    if rule.guards:
        guards = ", ".join(condition_text(t, g, currency) for g in rule.guards)
        parts.append(t.plain("alm.when", guards=guards))
    return " · ".join(parts)


def _numbers_line(t: Translator, finding: Finding, currency: str) -> str:
    n = finding.numbers
    parts = []
    if "cost" in n:
        parts.append(t.plain("alm.n.cost", v=fmt.money(n.get("cost"), currency)))
    if "conversions" in n:
        parts.append(t.plain("alm.n.conversions", v=fmt.number(n.get("conversions"))))
    if "revenue" in n:
        parts.append(t.plain("alm.n.revenue", v=fmt.money(n.get("revenue"), currency)))
    if "profit" in n:
        parts.append(t.plain("alm.n.profit", v=fmt.money(n.get("profit"), currency, signed=True)))
    if "clicks" in n:
        parts.append(t.plain("alm.n.clicks", v=fmt.number(n.get("clicks"))))
    return " · ".join(parts)


def entity_name(t: Translator, entity: str, name: str) -> str:
    """An entity's name as the owner reads it: a country in their language (🇩🇪 Германия),
    the rest as the tracker names them."""
    kind, _, code = entity.partition(":")
    return country_label(code, t.language, name) if kind == "country" else name


def finding_line(t: Translator, rule: Rule, finding: Finding, currency: str = "USD") -> str:
    """One line, HTML: what an entity shows against the rule (Test, summaries)."""
    name = fmt.esc(fmt.cut(entity_name(t, finding.entity, finding.name), 60))
    return f"<b>{name}</b> — {fmt.esc(_what(t, rule, finding, currency))}"


def _what(t: Translator, rule: Rule, finding: Finding, currency: str) -> str:
    """The crossing in words: "ROI −45% (line −30%)", "no clicks for 30 min (about 12
    expected)", "CR 0.8%, 62% below 2.1%", "48 of 50 conversions today (96%)"."""
    main = rule.main
    n = finding.numbers
    if rule.kind == "cap":
        return t.plain(
            "alm.what.cap",
            done=fmt.number(n.get("conversions")),
            cap=fmt.number(n.get("cap")),
            percent=fmt.number(n.get("percent")),
        )
    if rule.kind == "domain":
        problem = finding.against if isinstance(finding.against, dict) else {}
        kind = str(problem.get("kind") or "dns")
        return t.plain(
            f"alm.what.domain.{kind}",
            text=str(problem.get("text") or ""),
            days=problem.get("days", 0),
        )
    if rule.kind == "no_traffic":
        return t.plain(
            "alm.what.no_traffic",
            window=window_text(t, rule.window),
            expected=fmt.number(n.get("expected"), 0),
        )
    assert main is not None
    value = amount(main.measure, finding.value, currency)
    if rule.kind == "drop":
        was = finding.against if isinstance(finding.against, int | float) else None
        return t.plain(
            "alm.what.drop",
            measure=measure_name(t, main.measure),
            value=value,
            drop=fmt.number(n.get("drop")),
            was=amount(main.measure, was, currency),
        )
    line = line_amount(main.measure, main.value, currency)
    return t.plain(
        "alm.what.threshold",
        measure=measure_name(t, main.measure),
        value=value,
        op=OPS[main.op],
        line=line,
    )


def alert_text(
    t: Translator,
    rule: Rule,
    finding: Finding,
    *,
    currency: str = "USD",
    reminder_since: datetime | None = None,
    timezone: str = "UTC",
    auto: str = "",
) -> str:
    """The decision screen's text. ``auto``: what the automatic pause did (HTML)."""
    icon = "🚨" if rule.urgent else "⚠️"
    head = (
        t("alm.reminder", since=fmt.local_time(reminder_since, timezone))
        if reminder_since is not None
        else t("alm.head")
    )
    lines = [f"{icon} {head}", finding_line(t, rule, finding, currency)]
    numbers = _numbers_line(t, finding, currency)
    if numbers and rule.kind in ("threshold", "drop"):
        window = window_text(t, rule.window)
        lines.append(f"{fmt.esc(window[:1].upper() + window[1:])}: {fmt.esc(numbers)}")
    lines.append(t("alm.rule", rule=describe_rule(t, rule, currency)))
    if auto:
        lines += ["", auto]
    return "\n".join(lines)


def recovered_text(
    t: Translator, rule: Rule, finding: Finding | None, name: str, currency: str = "USD"
) -> str:
    what = fmt.esc(_what(t, rule, finding, currency)) if finding is not None else ""
    text = t("alm.recovered", name=fmt.cut(name, 60), rule=describe_rule(t, rule, currency))
    return f"{text}\n{what}" if what and rule.kind in ("threshold", "drop") else text


def summary_text(t: Translator, items: Sequence[tuple[Rule, Finding]], currency: str) -> str:
    lines = [t("alm.summary", n=len(items))]
    for rule, finding in items[:SUMMARY_LINES]:
        lines.append(f"• {finding_line(t, rule, finding, currency)}")
    if len(items) > SUMMARY_LINES:
        lines.append(t("alm.more", n=len(items) - SUMMARY_LINES))
    return "\n".join(lines)


def recovered_many_text(t: Translator, names: Sequence[str]) -> str:
    lines = [t("alm.recovered_many", n=len(names))]
    lines += [f"• {fmt.esc(fmt.cut(name, 60))}" for name in names[:SUMMARY_LINES]]
    if len(names) > SUMMARY_LINES:
        lines.append(t("alm.more", n=len(names) - SUMMARY_LINES))
    return "\n".join(lines)


def down_text(t: Translator, tracker: str, since: datetime, timezone: str, reason: str) -> str:
    return t(
        "alm.down",
        tracker=tracker,
        since=fmt.local_time(since, timezone),
        reason=t.plain(f"alm.down.{reason}"),
    )


def up_text(t: Translator, tracker: str, since: datetime, timezone: str) -> str:
    return t("alm.up", tracker=tracker, since=fmt.local_time(since, timezone))


def mute_row(
    t: Translator, rule_id: int, tracker_id: int, entity: str, *, muted: bool = False
) -> list[InlineKeyboardButton]:
    code = pack(entity)
    if muted:
        return [
            button(
                t.plain("alm.b.unmute"), AlertCb(op="u", r=rule_id, t=tracker_id, arg=code).pack()
            )
        ]
    return [
        button(
            t.plain("alm.b.mute_hour"), AlertCb(op="m", r=rule_id, t=tracker_id, arg=code).pack()
        ),
        button(
            t.plain("alm.b.mute_day"), AlertCb(op="M", r=rule_id, t=tracker_id, arg=code).pack()
        ),
    ]


def alert_keyboard(
    t: Translator, rule_id: int, rule: Rule, tracker_id: int, entity: str, *, paused: bool = False
) -> InlineKeyboardMarkup:
    """⏸ Pause (a campaign; an offer's streams) · 📊 Stats · 🔕 mute · ✏️ edit the rule.
    ``paused``: the automatic pause did it already, so the first button is its Undo."""
    rows: list[list[InlineKeyboardButton]] = []
    kind, entity_id = kind_of(entity), id_of(entity)
    code = pack(entity)
    if kind == "campaign" and entity_id is not None:
        op = "campaigns.enable" if paused else "campaigns.disable"
        label = t.plain("alm.b.undo" if paused else "alm.b.pause")
        cb = WriteCb(op="r", a=code_of(op), id=entity_id, tr=tracker_id)
        rows.append(
            [
                button(label, cb.pack()),
                button(
                    t.plain("alm.b.stats"),
                    AlertCb(op="s", r=rule_id, t=tracker_id, arg=code).pack(),
                ),
            ]
        )
    elif kind == "offer" and entity_id is not None:
        rows.append(
            [
                button(
                    t.plain("alm.b.pause_offer"),
                    AlertCb(op="o", r=rule_id, t=tracker_id, arg=code).pack(),
                ),
                button(
                    t.plain("alm.b.stats"),
                    AlertCb(op="s", r=rule_id, t=tracker_id, arg=code).pack(),
                ),
            ]
        )
    elif kind == "domain" and entity_id is not None:
        cb = WriteCb(op="r", a=code_of("domains.check"), id=entity_id, tr=tracker_id)
        rows.append([button(t.plain("alm.b.check"), cb.pack())])
    elif kind in ("source", "country"):
        rows.append(
            [
                button(
                    t.plain("alm.b.stats"),
                    AlertCb(op="s", r=rule_id, t=tracker_id, arg=code).pack(),
                )
            ]
        )
    if kind != "tracker":
        rows.append(mute_row(t, rule_id, tracker_id, entity))
    rows.append([button(t.plain("alm.b.edit"), AlertCb(op="e", r=rule_id, t=tracker_id).pack())])
    return markup(*rows)


def list_keyboard(t: Translator, tracker_id: int) -> InlineKeyboardMarkup:
    return markup([button(t.plain("alm.b.rules"), AlertCb(op="l", t=tracker_id).pack())])


def auto_note(t: Translator, outcome: str, **values: Any) -> str:
    """``paused``, ``capped`` (the hourly cap reached), ``by_hand`` (resumed by hand in the
    last day), ``failed`` (the tracker refused): what the automatic pause did."""
    return t(f"alm.auto.{outcome}", **values)
