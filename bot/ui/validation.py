"""pydantic's complaints in the user's language: every kind a form can meet has its own
sentence; anything else says that the value does not fit, never the library's English."""

from __future__ import annotations

from typing import Any

from bot.i18n import Translator

#: pydantic error type → text key; the keys take the error's context (ge, max_length...)
KNOWN = {
    "missing": "v.missing",
    "int_parsing": "v.number",
    "int_type": "v.number",
    "float_parsing": "v.number",
    "float_type": "v.number",
    "decimal_parsing": "v.number",
    "decimal_type": "v.number",
    "bool_parsing": "v.bool",
    "greater_than": "v.gt",
    "greater_than_equal": "v.ge",
    "less_than_equal": "v.le",
    "less_than": "v.lt",
    "string_too_short": "v.too_short",
    "string_too_long": "v.too_long",
    "too_short": "v.list_too_short",
    "literal_error": "v.choice",
    "string_pattern_mismatch": "v.pattern",
    "decimal_max_places": "v.decimals",
    "list_type": "v.list",
    "dict_type": "v.object",
    "model_type": "v.object",
    "extra_forbidden": "v.unknown_field",
    "json_invalid": "v.json",
    "string_type": "v.text",
    "int_from_float": "v.whole",
    "url_parsing": "v.url",
    "url_scheme": "v.url",
    "date_from_datetime_parsing": "v.date",
    "datetime_parsing": "v.date",
    "date_parsing": "v.date",
    "enum": "v.choice",
    # our own rules (keitaro.catalog.params raises them with these codes)
    "unknown_parameters": "v.unknown_parameters",
    "unknown_cost_filters": "v.unknown_cost_filters",
    "passwords_differ": "v.passwords_differ",
    "range_or_limit": "v.range_or_limit",
    "same_thing": "v.same_thing",
    "not_ips": "v.not_ips",
}


def explain(t: Translator, problem: dict[str, Any]) -> str:
    """One pydantic error (``exc.errors()`` item) as a translated sentence, HTML-escaped."""
    key = KNOWN.get(str(problem.get("type")))
    if key is None:
        return t("v.other_value")
    context = dict(problem.get("ctx") or {})
    return t(key, **{name: value for name, value in context.items() if name != "error"})


def where(problem: dict[str, Any], skip: int = 0) -> str:
    return ".".join(str(part) for part in problem.get("loc", ())[skip:])
