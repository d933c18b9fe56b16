"""A conversion being put together: its values, which steps are answered, and the parsers
that turn what a person typed (a step's answer, one line, JSON) into those values.

The draft lives in the FSM data as plain JSON (:meth:`Draft.dump`), so a restart half-way
through resumes it. Values are checked with the catalog's own types (``Money`` accepts
``12,5``; ``Currency`` three letters), so the dialog refuses exactly what the client would.
"""

from __future__ import annotations

import json
import secrets
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field, TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from keitaro.catalog.fields import Currency, Money
from keitaro.catalog.params import ConversionCreate

#: the steps asked one by one; the optional tid and comment come together after them
STEPS = ("click_id", "status", "revenue", "currency")
EXTRAS = "extras"
CONFIRM = "confirm"
#: Keitaro's own statuses: the status buttons (anything else is sent as typed)
STATUSES = ("lead", "sale", "rejected", "rebill")
#: the words buyers type for them in Russian and Ukrainian; English words that are not
#: Keitaro's (``approved``) are sent as typed: the tracker maps them by its own settings
STATUS_WORDS: dict[str, str] = {
    **{status: status for status in STATUSES},
    "лид": "lead", "лиды": "lead", "продажа": "sale", "продажи": "sale",
    "отказ": "rejected", "отклонено": "rejected", "отклонен": "rejected",
    "ребилл": "rebill", "ребил": "rebill",
    "лід": "lead", "продаж": "sale", "відмова": "rejected", "відхилено": "rejected",
    "ребіл": "rebill",
}  # fmt: skip


def status_of(text: str) -> str:
    """A typed status as Keitaro's (``продажа`` → ``sale``); a custom one stays as typed."""
    return STATUS_WORDS.get(text.strip().casefold(), text.strip())


COMMON_CURRENCIES = ("USD", "EUR", "RUB")
#: what the "Change" screen offers
FIELDS = ("click_id", "status", "revenue", "currency", "tid", "comment")
DRAFT_KEY = "conversion"

_MONEY: TypeAdapter[Decimal] = TypeAdapter(Money)
_CURRENCY: TypeAdapter[str] = TypeAdapter(Currency)
_LIMITS = {"click_id": 128, "status": 64, "tid": 128, "comment": 1000}


class InputError(ValueError):
    """What is wrong with an answer, as a text key (``cv.bad_revenue``) and details."""

    def __init__(self, key: str, detail: str = "", fields: dict[str, str] | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.detail = detail
        self.fields = fields or {}


class Draft(BaseModel):
    """The conversion so far. Only JSON types: it is stored as the dialog's FSM data."""

    click_id: str | None = None
    status: str | None = None
    #: a decimal as text ("12.5"): a float would turn 0.1 into 0.1000000000000000055...
    revenue: str | None = None
    currency: str | None = None
    tid: str | None = None
    comment: str | None = None
    #: other postback parameters from the JSON form (sub_id_3, lead_status...)
    extra: dict[str, Any] = Field(default_factory=dict)
    #: steps answered or skipped
    answered: list[str] = Field(default_factory=list)
    #: the click-log row of ``click_id`` when found; ``checked`` says it was looked up
    click: dict[str, Any] | None = None
    checked: bool = False
    #: the currency the click's campaign counts costs in, offered as a button
    tracker_currency: str | None = None
    #: a field is being changed from the card: go back to the card after it
    back_to_card: bool = False
    #: this conversion's write in the journal (``bot.services.writes``): Send twice, or after
    #: a crash, asks the tracker first instead of recording it twice
    token: str = Field(default_factory=lambda: secrets.token_urlsafe(6))

    @property
    def write_key(self) -> str:
        return f"cv:{self.token}"

    @classmethod
    def load(cls, data: dict[str, Any]) -> Draft:
        raw = data.get(DRAFT_KEY)
        if not isinstance(raw, dict):
            return cls()
        try:
            return cls.model_validate(raw)
        except PydanticValidationError:
            return cls()

    def dump(self) -> dict[str, Any]:
        return {DRAFT_KEY: self.model_dump(mode="json")}

    def answer(self, step: str) -> None:
        if step not in self.answered:
            self.answered.append(step)

    def next_step(self) -> str:
        """The first step not answered yet; the card once all are (or when changing one)."""
        if self.back_to_card and self.click_id:
            return CONFIRM
        for step in (*STEPS, EXTRAS):
            if step not in self.answered or (step == "click_id" and not self.click_id):
                return step
        return CONFIRM

    def params(self) -> dict[str, Any]:
        """The ``conversions.create`` parameters (the simplified form)."""
        values = {
            "click_id": self.click_id,
            "status": self.status,
            "revenue": self.revenue,
            "currency": self.currency,
            "transaction_id": self.tid,
            "comment": self.comment,
        }
        return {**self.extra, **{k: v for k, v in values.items() if v not in (None, "")}}


# --- one answer ------------------------------------------------------------------------------


def parse_text(name: str, text: str) -> str:
    """A click id, status, tid or comment: trimmed, not empty, not too long; ids in one word."""
    value = text.strip()
    if not value or len(value) > _LIMITS[name]:
        raise InputError(f"cv.bad_{name}")
    if name != "comment" and any(ch.isspace() for ch in value):
        raise InputError(f"cv.bad_{name}")
    return value


def parse_revenue(text: str) -> str:
    """``12.5``, ``12,5``, ``1 250`` → ``"12.5"`` (a non-negative decimal, as text)."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    try:
        amount = _MONEY.validate_python(cleaned)
    except PydanticValidationError:
        raise InputError("cv.bad_revenue") from None
    return format(amount.normalize(), "f")


def parse_currency(text: str) -> str:
    try:
        return _CURRENCY.validate_python(text)
    except PydanticValidationError:
        raise InputError("cv.bad_currency") from None


def apply(draft: Draft, field: str, text: str) -> None:
    """Set ``field`` from a typed answer; raises InputError and leaves the draft as it was."""
    if field == "revenue":
        value = parse_revenue(text)
    elif field == "currency":
        value = parse_currency(text)
    else:
        value = parse_text(field, text)
    if field == "status":
        value = status_of(value)
    setattr(draft, field, value)
    if field == "click_id":
        draft.click, draft.checked, draft.tracker_currency = None, False, None


# --- one line: /conversion <click_id> <status> <revenue> [currency] ---------------------------


def looks_like_click_id(text: str) -> bool:
    """Not a status word and not an amount: what a line must start with."""
    if text.casefold() in STATUS_WORDS:
        return False
    try:
        parse_revenue(text)
    except InputError:
        return True
    return not any(ch in text for ch in ".,") and len(text) > 6


def from_line(args: str) -> tuple[Draft, list[InputError]]:
    """A draft from one line, and what was wrong in it. Given values that are wrong are left
    unanswered, so the dialog asks them again (with the reason) and keeps the rest."""
    parts = args.split()
    if len(parts) > 4:
        raise InputError("cv.line_usage")
    if parts and not looks_like_click_id(parts[0]):  # "/conversion sale 45": no click id
        raise InputError("cv.line_no_click")
    draft = Draft()
    problems: list[InputError] = []
    for field, text in zip(("click_id", "status", "revenue", "currency"), parts, strict=False):
        try:
            apply(draft, field, text)
            draft.answer(field)
        except InputError as error:
            problems.append(error)
    if len(parts) >= 3:  # the whole line was given: the currency is optional, no extras
        draft.answer("currency")
        draft.answer(EXTRAS)
    return draft, problems


# --- JSON: /conversion {"click_id": ...} ------------------------------------------------------


def from_json(text: str) -> Draft:
    """A complete draft from a JSON object; raises InputError naming what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg}, line {exc.lineno}, column {exc.colno}"
        raise InputError("cv.json_bad", detail) from None
    if not isinstance(data, dict):
        raise InputError("cv.json_not_object")
    if not any(data.get(name) not in (None, "") for name in ("click_id", "sub_id", "subid")):
        raise InputError("cv.json_no_click")
    data.pop("postback_key", None)  # the key is the tracker's setting, not the conversion's
    try:
        model = ConversionCreate.model_validate(data)
    except PydanticValidationError as exc:
        fields = {
            ".".join(str(p) for p in problem["loc"]) or "json": problem["msg"]
            for problem in exc.errors(include_input=False, include_url=False)
        }
        raise InputError("cv.json_invalid", fields=fields) from None
    revenue = model.revenue
    return Draft(
        click_id=model.click_id,
        status=model.status,
        revenue=format(revenue.normalize(), "f") if revenue is not None else None,
        currency=model.currency,
        tid=model.transaction_id,
        comment=model.comment,
        extra=dict(model.model_extra or {}),
        answered=[*STEPS, EXTRAS],
    )
