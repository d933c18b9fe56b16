"""Which column is which: header names in English or Russian, as exports and people write them.

A header is normalised (case, spaces, dashes, units in brackets) and looked up; a currency
named in the cost header ("Cost, USD", "Расход, ₽") becomes the default currency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.costs.values import currency_in

#: roles a column can play; ``filter`` columns also carry the Keitaro filter key
WHEN, START, END, CAMPAIGN, COST, CURRENCY, FILTER = (
    "when", "start", "end", "campaign", "cost", "currency", "filter",
)  # fmt: skip

_NAMES: dict[str, tuple[str, ...]] = {
    WHEN: (
        "date", "day", "period", "range", "interval", "date_range", "reporting_date",
        "reporting_starts", "дата", "день", "период", "интервал",
    ),
    START: (
        "start", "start_date", "date_start", "from", "date_from", "starts", "begin",
        "начало", "дата_начала", "с", "от",
    ),
    END: ("end", "end_date", "date_end", "to", "date_to", "ends", "конец", "дата_окончания",
          "дата_конца", "окончание", "по", "до"),
    CAMPAIGN: (
        "campaign", "campaign_id", "campaign_name", "campaignid", "camp", "кампания",
        "id_кампании", "кампания_id", "название_кампании", "рк",
    ),
    COST: (
        "cost", "costs", "spend", "spent", "amount", "amount_spent", "total_spent", "expense",
        "expenses", "расход", "расходы", "сумма", "затраты", "стоимость", "трата", "траты",
        "потрачено",
    ),
    CURRENCY: ("currency", "cur", "curr", "currency_code", "валюта", "вал"),
}  # fmt: skip

#: header → Keitaro cost filter key; ``sub_id`` alone means sub_id_1, as sources export it
_FILTERS: dict[str, str] = {
    "sub_id": "sub_id_1", "subid": "sub_id_1", "sub": "sub_id_1",
    "source": "source", "utm_source": "source", "site": "source", "источник": "source",
    "площадка": "source",
    "ad_campaign_id": "ad_campaign_id", "adcampaignid": "ad_campaign_id",
    "ad_campaign": "ad_campaign_id",
    "creative_id": "creative_id", "creative": "creative_id", "креатив": "creative_id",
    "keyword": "keyword", "kw": "keyword", "ключевое_слово": "keyword", "ключ": "keyword",
    "external_id": "external_id", "externalid": "external_id",
}  # fmt: skip
_SUB_ID = re.compile(r"^sub_?(?:id)?_?(\d{1,2})$")
_ROLE_OF = {name: role for role, names in _NAMES.items() for name in names}


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    header: str
    role: str
    filter_key: str = ""


def normalize(header: str) -> str:
    """``" Campaign ID "`` → ``campaign_id``; ``"Cost (USD)"`` → ``cost``; ``"Sub-ID 2"`` →
    ``sub_id_2``."""
    text = header.strip().strip("\ufeff\"'").casefold().replace("ё", "е")
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", text)
    text = re.sub(r",.*$", "", text)  # "cost, usd"
    text = re.sub(r"[\s\-./]+", "_", text.strip())
    return text.strip("_#№")


def role_of(header: str) -> tuple[str, str] | None:
    """The column's role and, for a filter, the Keitaro filter key; None when unknown."""
    name = normalize(header)
    if name in _ROLE_OF:
        return _ROLE_OF[name], ""
    if name in _FILTERS:
        return FILTER, _FILTERS[name]
    sub = _SUB_ID.match(name)
    if sub and 1 <= int(sub[1]) <= 30:
        return FILTER, f"sub_id_{int(sub[1])}"
    return None


@dataclass(frozen=True, slots=True)
class Layout:
    """The columns the file uses, the ones it ignores, and a currency named in a header."""

    columns: list[Column]
    ignored: list[str]
    currency_hint: str | None

    def first(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    @property
    def filters(self) -> list[Column]:
        return [c for c in self.columns if c.role == FILTER]


def layout_of(header: list[str]) -> Layout:
    """Map each header; the first column of a role wins, later duplicates are ignored."""
    columns: list[Column] = []
    ignored: list[str] = []
    taken: set[str] = set()
    hint = None
    for index, name in enumerate(header):
        found = role_of(name)
        slot = found and (found[0] if found[0] != FILTER else f"filter:{found[1]}")
        if found is None or slot in taken:
            if name:
                ignored.append(name)
            continue
        taken.add(str(slot))
        role, key = found
        columns.append(Column(index, name, role, key))
        if role == COST:
            hint = currency_in(name)
    return Layout(columns, ignored, hint)
