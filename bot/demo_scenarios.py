"""The demo's switches for the sandbox's scenarios: a line ``!down`` or ``!near_cap 3 0``
plays :mod:`keitaro.sandbox.scenarios` on the demo's tracker, so the alert rules (``/alert``)
have something to fire on: a campaign losing, a source gone silent, an offer at its cap, a
domain in trouble, the tracker down. ``!`` alone lists them."""

from __future__ import annotations

import inspect
from typing import Any

from keitaro.sandbox import Sandbox
from keitaro.sandbox.scenarios import SCENARIOS, ScenarioError

PREFIX = "!"


def is_scenario_line(line: str) -> bool:
    return line.startswith(PREFIX)


def scenario_help() -> str:
    lines = ["Sandbox scenarios (for /alert rules to fire on):"]
    lines += [f"  !{name} — {about}" for name, about in SCENARIOS.items()]
    lines.append("  e.g. !losing 3 · !near_cap 2 0 · !domain_trouble 1 ssl · !down · !up")
    return "\n".join(lines)


def _value(text: str) -> Any:
    """What a typed word means as a JSON argument: an int, a float, or the word."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text


def play_line(sandbox: Sandbox, line: str) -> str:
    """Play a ``!name arg ... key=value`` line; the result or the reason it was refused."""
    words = line[len(PREFIX) :].split()
    if not words:
        return scenario_help()
    name, rest = words[0], words[1:]
    if name not in SCENARIOS:
        return f"Unknown scenario {name!r}.\n{scenario_help()}"
    names = list(inspect.signature(getattr(sandbox.scenarios, name)).parameters)
    args: dict[str, Any] = {}
    for index, word in enumerate(rest):
        key, sep, value = word.partition("=")
        if sep:
            args[key] = _value(value)
        elif index < len(names):
            args[names[index]] = _value(word)
    try:
        done = sandbox.scenarios.play(name, args)
    except ScenarioError as error:
        return f"⚠️ {error}"
    details = ", ".join(f"{k}={v}" for k, v in done.items())
    return f"🎬 {name}: {details}"
