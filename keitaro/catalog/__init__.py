"""The Keitaro Admin API as data: ``ACTIONS`` maps every canonical action name to its Action."""

from keitaro.catalog.action import Access, Action, BuiltRequest, Fallback, NoParams, Params, Target
from keitaro.catalog.actions import ACTIONS

RESOURCES: tuple[str, ...] = tuple(dict.fromkeys(action.resource for action in ACTIONS.values()))


def get_action(name: str) -> Action:
    """The action called ``name``; raises ``KeyError`` with the close names when unknown."""
    try:
        return ACTIONS[name]
    except KeyError:
        from difflib import get_close_matches

        close = get_close_matches(name, ACTIONS, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"no Keitaro action {name!r}{hint}") from None


__all__ = [
    "ACTIONS",
    "RESOURCES",
    "Access",
    "Action",
    "BuiltRequest",
    "Fallback",
    "NoParams",
    "Params",
    "Target",
    "get_action",
]
