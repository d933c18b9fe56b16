"""The creation dialog's draft, as pure data: the steps each kind asks, the typed answers
read (a wrong one raises the same :class:`RuleError` as ``/alert``, so it is explained the
same way), and the draft turned into a rule.

The rule is made by composing the one line ``/alert`` reads and parsing it with
``bot.alerts.parse.parse_rule``: the dialog and the command cannot disagree on what a rule
means, and what the dialog saves is what its confirm screen shows. The draft is JSON (the
FSM data survives a restart), numbers as floats.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.alerts.parse import (
    BY_WORDS,
    GROUP_WORDS,
    MEASURE_WORDS,
    OP_ALIASES,
    WINDOW_WORDS,
    RuleError,
    duration,
    number,
    parse_rule,
    tokens,
    window_word,
)
from bot.alerts.rules import (
    DEFAULT_AUTO_CAP,
    DEFAULT_CAP_PERCENT,
    DEFAULT_COOLDOWN,
    DEFAULT_DOWN_MINUTES,
    DEFAULT_DROP_PERCENT,
    DEFAULT_GUARDS,
    DEFAULT_SSL_DAYS,
    MEASURES,
    OPERATORS,
    RATIOS,
    Rule,
    number_text,
    valid_window,
)

#: what the first step offers; ``spend`` is a threshold on spend with "conversions = 0"
KINDS = ("threshold", "no_traffic", "drop", "spend", "cap", "domain", "down")
STEPS: dict[str, tuple[str, ...]] = {
    "threshold": ("kind", "measure", "op", "value", "window", "group", "guard", "cooldown",
                  "target"),
    "drop": ("kind", "measure", "value", "window", "group", "guard", "cooldown", "target"),
    "spend": ("kind", "value", "window", "group", "cooldown", "target"),
    "no_traffic": ("kind", "window", "cooldown", "target"),
    "cap": ("kind", "value", "cooldown", "target"),
    "domain": ("kind", "value", "cooldown", "target"),
    "down": ("kind", "value", "cooldown", "target"),
}  # fmt: skip
#: the buttons of the value step, by kind (a threshold's is typed)
PRESETS: dict[str, tuple[float, ...]] = {
    "drop": (30.0, 50.0, 70.0),
    "spend": (10.0, 30.0, 50.0, 100.0),
    "cap": (80.0, 90.0, 100.0),
    "domain": (3.0, 7.0, 14.0, 30.0),
    "down": (5.0, 10.0, 30.0),
}
DEFAULT_VALUES: dict[str, float] = {
    "drop": DEFAULT_DROP_PERCENT,
    "cap": DEFAULT_CAP_PERCENT,
    "domain": DEFAULT_SSL_DAYS,
    "down": DEFAULT_DOWN_MINUTES,
}
WINDOWS = ("today", "yesterday", "30m", "1h", "3h", "6h")
SLIDING = ("30m", "1h", "3h", "6h")
GROUPS = ("campaign", "offer", "source", "country")
COOLDOWNS = (60, 120, 240, 720)
#: the condition buttons: a code (callback data stays plain) → the operator
OP_CODES: dict[str, str] = {"lt": "<", "le": "<=", "gt": ">", "ge": ">=", "eq": "="}
#: the guards offered as buttons besides the default
GUARD_PRESETS: tuple[tuple[str, str, float], ...] = (
    ("cost", ">=", 10.0),
    ("cost", ">=", 50.0),
    ("clicks", ">=", 100.0),
)
MIN_COOLDOWN, MAX_COOLDOWN = 10, 7 * 1440
NO_WORDS = frozenset({"no", "none", "nothing", "-", "нет", "ні", "без"})
KEEP_WORDS = frozenset({"keep", "ok", "ок", "оставить", "залишити", "да", "так", "yes"})


def new_draft(tracker_id: int, chat_id: int) -> dict[str, Any]:
    return {
        "tracker": tracker_id, "chat": chat_id, "edit": 0, "step": "kind", "review": False,
        "recovery": True, "auto_pause": False, "auto_cap": DEFAULT_AUTO_CAP,
        "scope": {"kind": "all"}, "cooldown": DEFAULT_COOLDOWN, **kind_defaults("threshold"),
    }  # fmt: skip


def kind_defaults(kind: str) -> dict[str, Any]:
    """What a kind starts from: the values the parser would give it, nothing asked yet."""
    return {
        "kind": kind,
        "measure": "cost" if kind == "spend" else "",
        "op": ">=" if kind == "spend" else "",
        "value": DEFAULT_VALUES.get(kind),
        "window": "30m" if kind == "no_traffic" else "today",
        "group": "offer" if kind == "cap" else "campaign",
        "guards": None,
    }


def set_kind(draft: dict[str, Any], kind: str) -> dict[str, Any]:
    """A new kind: its own defaults; where it goes and its settings stay."""
    if kind == draft.get("kind") and draft.get("review"):
        return draft
    return {**draft, **kind_defaults(kind), "review": False}


def steps_of(draft: dict[str, Any]) -> tuple[str, ...]:
    return STEPS.get(str(draft.get("kind")), STEPS["threshold"])


def next_step(draft: dict[str, Any], step: str) -> str:
    """The step after ``step``: the next one the kind asks, or the confirm screen (also
    when a step was changed from the confirm screen)."""
    steps = steps_of(draft)
    if draft.get("review") and step != "kind":
        return "confirm"
    if step not in steps or step == steps[-1]:
        return "confirm"
    return steps[steps.index(step) + 1]


def previous_step(draft: dict[str, Any], step: str) -> str | None:
    steps = steps_of(draft)
    if draft.get("review"):
        return "confirm"
    if step not in steps or steps.index(step) == 0:
        return None
    return steps[steps.index(step) - 1]


def is_ratio(draft: dict[str, Any]) -> bool:
    return draft.get("measure") in RATIOS and draft.get("kind") in ("threshold", "drop")


def guards_of(draft: dict[str, Any]) -> list[tuple[str, str, float]]:
    """The guards the rule will have: the chosen ones, or the default for a ratio."""
    chosen = draft.get("guards")
    if chosen is None:
        default = DEFAULT_GUARDS.get(str(draft.get("measure"))) if is_ratio(draft) else None
        return [default] if default else []
    return [(str(g[0]), str(g[1]), float(g[2])) for g in chosen]


# ----- the line --------------------------------------------------------------------------


def interval_word(minutes: int) -> str:
    return f"{minutes // 60}h" if minutes % 60 == 0 else f"{minutes}m"


def line_of_draft(draft: dict[str, Any]) -> str:
    """The one line ``/alert`` would read for the draft."""
    kind = draft.get("kind")
    value = draft.get("value")
    amount = number_text(float(value)) if value is not None else ""
    if kind == "threshold":
        words = [str(draft.get("measure")), str(draft.get("op")), amount]
    elif kind == "spend":
        words = ["cost", str(draft.get("op") or ">="), amount]
    elif kind == "drop":
        words = [str(draft.get("measure")), "drop", f"{amount}%"]
    elif kind == "no_traffic":
        words = ["clicks", "=", "0"]
    elif kind == "cap":
        words = ["cap", f"{amount}%"]
    elif kind == "domain":
        words = ["domains", f"{amount}d"]
    else:
        words = ["down", f"{amount}m"]
    if kind in ("threshold", "drop", "spend", "no_traffic"):
        words.append(str(draft.get("window") or "today"))
        if draft.get("group", "campaign") != "campaign":
            words += ["by", str(draft.get("group"))]
        if kind == "spend":
            words += ["conversions", "=", "0"]
        extra = guards_of(draft) if kind in ("threshold", "drop") else _extra(draft)
        for measure, op, limit in extra:
            words += [measure, op, number_text(limit)]
    cooldown = int(draft.get("cooldown") or DEFAULT_COOLDOWN)
    if cooldown != DEFAULT_COOLDOWN:
        words += ["every", interval_word(cooldown)]
    return " ".join(words)


def _extra(draft: dict[str, Any]) -> list[tuple[str, str, float]]:
    return [(str(g[0]), str(g[1]), float(g[2])) for g in draft.get("guards") or []]


def rule_of_draft(draft: dict[str, Any]) -> Rule:
    """The rule the draft makes; :class:`RuleError` when a step is missing or wrong."""
    rule = parse_rule(line_of_draft(draft))
    return replace(
        rule,
        recovery=bool(draft.get("recovery", True)),
        auto_pause=bool(draft.get("auto_pause")) and rule.can_pause,
        auto_cap=int(draft.get("auto_cap") or DEFAULT_AUTO_CAP),
        scope=dict(draft.get("scope") or {"kind": "all"}),
    )


def draft_of_rule(rule: Rule, *, tracker_id: int, chat_id: int, edit: int = 0) -> dict[str, Any]:
    """A draft that makes ``rule`` again (an edit, or a line typed at the first step)."""
    draft = new_draft(tracker_id, chat_id)
    main = rule.main
    guards = [[g.measure, g.op, g.value] for g in rule.guards]
    kind = rule.kind
    values: dict[str, Any] = {"value": rule.value}
    if main is not None and kind in ("threshold", "drop"):
        values.update(measure=main.measure, op=main.op)
        if kind == "threshold":
            values["value"] = main.value
    if kind == "threshold" and main is not None and _spend(rule):
        kind = "spend"
        values.update(measure="cost", op=main.op, value=main.value)
        guards = [g for g in guards if g != ["conversions", "=", 0.0]]
    default = DEFAULT_GUARDS.get(main.measure) if main is not None else None
    if kind in ("threshold", "drop") and default is not None and guards == [list(default)]:
        guards = None  # type: ignore[assignment]  # the default: it follows the measure
    draft.update(kind_defaults(kind))
    draft.update(
        values, kind=kind, window=rule.window, group=rule.group, guards=guards,
        cooldown=rule.cooldown, recovery=rule.recovery, auto_pause=rule.auto_pause,
        auto_cap=rule.auto_cap, scope=dict(rule.scope), edit=edit, step="confirm",
        review=True,
    )  # fmt: skip
    if kind == "no_traffic":
        draft["value"] = None
    return draft


def _spend(rule: Rule) -> bool:
    main = rule.main
    return (
        main is not None
        and main.measure == "cost"
        and main.op in (">=", ">")
        and any(g.measure == "conversions" and g.op == "=" and g.value == 0 for g in rule.guards)
    )


# ----- typed answers ---------------------------------------------------------------------


def read_measure(text: str) -> str:
    words = tokens(text)
    measure = MEASURE_WORDS.get(words[0]) if len(words) == 1 else None
    if measure is None:
        raise RuleError("alert.err.measure", text.strip()[:40])
    return measure


def read_op(text: str) -> str:
    words = tokens(text)
    op = OP_ALIASES.get(words[0], words[0]) if len(words) == 1 else ""
    if op not in OPERATORS:
        raise RuleError("alert.err.operator", text.strip()[:40])
    return op


def read_number(text: str) -> float:
    return number(text.strip()[:40])


def read_value(kind: str, text: str) -> float:
    """The value step's typed answer for ``kind`` (a threshold, percent, days, minutes or
    an amount), checked against the same bounds ``/alert`` uses."""
    word = text.strip().lower()[:40]
    if kind in ("drop", "cap"):
        percent = number(word)
        if not 1 <= percent <= 100:
            raise RuleError("alert.err.percent", word)
        return percent
    if kind == "domain":
        minutes = duration(word)
        days = minutes / 1440 if minutes is not None else number(word)
        if not 1 <= days <= 90 or days != int(days):
            raise RuleError("alert.err.days", word)
        return float(days)
    if kind == "down":
        minutes = duration(word)
        value = float(minutes) if minutes is not None else number(word)
        if not 1 <= value <= 24 * 60 or value != int(value):
            raise RuleError("alert.err.window", word)
        return value
    value = number(word)
    if kind == "spend" and value <= 0:
        raise RuleError("alert.err.number", word)
    return value


def read_window(kind: str, text: str) -> str:
    word = text.strip().lower()[:40]
    if word in WINDOW_WORDS and kind != "no_traffic":
        return WINDOW_WORDS[word]
    minutes = duration(word)
    window = window_word(minutes) if minutes is not None else ""
    if not window or not valid_window(window):
        raise RuleError("alert.err.window", word)
    return window


def read_group(text: str) -> str:
    words = [word for word in tokens(text) if word not in BY_WORDS]
    group = GROUP_WORDS.get(words[0]) if len(words) == 1 else None
    if group is None:
        raise RuleError("alert.err.group", text.strip()[:40])
    return group


def read_guards(text: str) -> list[list[Any]]:
    """``spend >= 20``, ``clicks >= 200 cost > 5``: one or more tests, each measure, sign,
    number."""
    words = tokens(text)
    if not words:
        raise RuleError("alert.err.empty")
    found: list[list[Any]] = []
    for start in range(0, len(words), 3):
        chunk = words[start : start + 3]
        if len(chunk) < 3:
            raise RuleError("alert.err.short")
        measure = MEASURE_WORDS.get(chunk[0])
        if measure is None or measure not in MEASURES:
            raise RuleError("alert.err.measure", chunk[0])
        op = OP_ALIASES.get(chunk[1], chunk[1])
        if op not in OPERATORS:
            raise RuleError("alert.err.operator", chunk[1])
        found.append([measure, op, number(chunk[2])])
    return found


def read_cooldown(text: str) -> int:
    words = [word for word in tokens(text) if word not in ("every", "каждые", "кожні")]
    minutes = duration(words[0]) if len(words) == 1 else None
    if minutes is None or not MIN_COOLDOWN <= minutes <= MAX_COOLDOWN:
        raise RuleError("alert.err.cooldown", text.strip()[:40])
    return minutes
