"""Rows → what will be sent: one ``clicks.update_costs`` payload per campaign.

Rows that share a campaign, a period, a currency and filters are added up before sending:
Keitaro's update_costs *replaces* the cost of the matched clicks, so two entries for the
same clicks would leave only the last. Because the sum is sent, uploading the same file
again sets the same costs again: it replaces, never doubles.

Everything here is plain data that round-trips through JSON, so a preview kept in the
dialog's storage survives a restart of the bot.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from bot.costs import headers as h
from bot.costs.errors import CostFileError
from bot.costs.table import Table
from bot.costs.values import Period, parse_bounds, parse_currency, parse_money, parse_period

DEFAULT_CURRENCY = "USD"
_TOTALS_WORDS = ("total", "итого", "всего", "sum")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row left out: its line in the file, why (``costs.skip.<reason>``), the bad value."""

    line: int
    reason: str
    value: str = ""


@dataclass(slots=True)
class Entry:
    """One period of one campaign (and filters); ``currency`` "" means the upload's default."""

    start: str
    end: str
    cost: str
    currency: str = ""
    filters: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class CampaignCosts:
    id: int
    name: str
    entries: list[Entry] = field(default_factory=list)


@dataclass(slots=True)
class CostUpload:
    """A parsed file: how it was read, what will be sent, and what was left out."""

    mapping: list[tuple[str, str]]
    ignored: list[str]
    rows: int
    skipped: list[Skipped]
    campaigns: list[CampaignCosts]
    timezone: str
    #: used by rows without a currency cell; asked of the user when the file has no column
    currency: str
    has_currency_column: bool
    encoding: str = "utf-8"
    delimiter: str = ","

    def payloads(self) -> list[dict[str, Any]]:
        """The ``clicks.update_costs`` bodies, one per campaign."""
        bodies = []
        for campaign in self.campaigns:
            costs = []
            for entry in campaign.entries:
                item: dict[str, Any] = {
                    "start_date": entry.start,
                    "end_date": entry.end,
                    "cost": entry.cost,
                    "timezone": self.timezone,
                    "currency": entry.currency or self.currency,
                }
                if entry.filters:
                    item["filters"] = dict(entry.filters)
                costs.append(item)
            bodies.append(
                {
                    "campaign_ids": [campaign.id],
                    "timezone": self.timezone,
                    "currency": costs[0]["currency"],
                    "costs": costs,
                }
            )
        return bodies

    def totals_of(self, campaign: CampaignCosts) -> dict[str, Decimal]:
        """A campaign's costs per currency."""
        sums: dict[str, Decimal] = {}
        for entry in campaign.entries:
            code = entry.currency or self.currency
            sums[code] = sums.get(code, Decimal(0)) + Decimal(entry.cost)
        return sums

    def grand_totals(self) -> dict[str, Decimal]:
        sums: dict[str, Decimal] = {}
        for campaign in self.campaigns:
            for code, amount in self.totals_of(campaign).items():
                sums[code] = sums.get(code, Decimal(0)) + amount
        return sums

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CostUpload:
        values = dict(data)
        values["mapping"] = [tuple(pair) for pair in values["mapping"]]
        values["skipped"] = [Skipped(**item) for item in values["skipped"]]
        values["campaigns"] = [
            CampaignCosts(c["id"], c["name"], [Entry(**e) for e in c["entries"]])
            for c in values["campaigns"]
        ]
        return cls(**values)


def resolve_campaign(cell: str, campaigns: Mapping[int, str]) -> int | str:
    """The id of the user's campaign named by ``cell`` (an id or its exact name), or a reason:
    ``unknown_campaign`` or ``ambiguous_campaign`` (two campaigns share the name)."""
    text = cell.strip()
    if text.isdigit() and int(text) in campaigns:
        return int(text)
    for matches in (
        [cid for cid, name in campaigns.items() if name.strip() == text],
        [cid for cid, name in campaigns.items() if name.strip().casefold() == text.casefold()],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            return "ambiguous_campaign"
    return "unknown_campaign"


@dataclass(frozen=True, slots=True)
class _Row:
    campaign_id: int
    period: Period
    cost: Decimal
    currency: str
    filters: tuple[tuple[str, str], ...]


def _cell(cells: list[str], column: h.Column | None) -> str:
    if column is None or column.index >= len(cells):
        return ""
    return cells[column.index]


def _period(cells: list[str], layout: h.Layout) -> Period | None:
    start = layout.first(h.START)
    if start is not None:
        return parse_bounds(_cell(cells, start), _cell(cells, layout.first(h.END)))
    return parse_period(_cell(cells, layout.first(h.WHEN)))


def _read_row(
    cells: list[str], layout: h.Layout, campaigns: Mapping[int, str], default_campaign: int | None
) -> _Row | tuple[str, str]:
    """The row's values, or (reason, offending value)."""
    period = _period(cells, layout)
    if period is None:
        if any(cell.casefold().startswith(_TOTALS_WORDS) for cell in cells):
            return "totals", ""
        when = layout.first(h.START) or layout.first(h.WHEN)
        return "bad_date", _cell(cells, when)
    campaign_cell = _cell(cells, layout.first(h.CAMPAIGN))
    if campaign_cell:
        campaign = resolve_campaign(campaign_cell, campaigns)
        if isinstance(campaign, str):
            return campaign, campaign_cell
    elif default_campaign is not None:
        campaign = default_campaign
    else:
        return "no_campaign", ""
    cost_cell = _cell(cells, layout.first(h.COST))
    if not cost_cell:
        return "no_cost", ""
    cost = parse_money(cost_cell)
    if cost is None:
        return "bad_cost", cost_cell
    currency_cell = _cell(cells, layout.first(h.CURRENCY))
    currency = parse_currency(currency_cell) if currency_cell else ""
    if currency is None:
        return "bad_currency", currency_cell
    filters = tuple((c.filter_key, _cell(cells, c)) for c in layout.filters if _cell(cells, c))
    return _Row(campaign, period, cost, currency, filters)


def _mapping(layout: h.Layout) -> list[tuple[str, str]]:
    return [
        (column.header, f"filter:{column.filter_key}" if column.filter_key else column.role)
        for column in layout.columns
    ]


def plan_upload(
    table: Table,
    campaigns: Mapping[int, str],
    *,
    timezone: str = "UTC",
    default_campaign: int | None = None,
) -> CostUpload:
    """Map the columns, read every row, group what will be sent; raises ``CostFileError``
    when the file as a whole cannot be used (so nothing is sent)."""
    layout = h.layout_of(table.header)
    if layout.first(h.COST) is None:
        raise CostFileError("no_cost_column", columns=", ".join(table.header))
    if layout.first(h.WHEN) is None and layout.first(h.START) is None:
        raise CostFileError("no_date_column", columns=", ".join(table.header))
    if layout.first(h.CAMPAIGN) is None and default_campaign is None:
        raise CostFileError("no_campaign")
    skipped: list[Skipped] = []
    sums: dict[tuple[int, str, str, str, tuple[tuple[str, str], ...]], Decimal] = {}
    accepted = 0
    for line, cells in table.rows:
        row = _read_row(cells, layout, campaigns, default_campaign)
        if isinstance(row, tuple):
            skipped.append(Skipped(line, *row))
            continue
        accepted += 1
        key = (row.campaign_id, row.period.start, row.period.end, row.currency, row.filters)
        sums[key] = sums.get(key, Decimal(0)) + row.cost
    if not sums:
        raise CostFileError("all_bad", skipped=skipped)
    grouped: dict[int, CampaignCosts] = {}
    for (campaign_id, start, end, currency, filters), amount in sums.items():
        target = grouped.setdefault(
            campaign_id, CampaignCosts(campaign_id, campaigns.get(campaign_id, ""))
        )
        target.entries.append(Entry(start, end, _money_text(amount), currency, dict(filters)))
    return CostUpload(
        mapping=_mapping(layout),
        ignored=layout.ignored,
        rows=accepted,
        skipped=skipped,
        campaigns=list(grouped.values()),
        timezone=timezone,
        currency=layout.currency_hint or DEFAULT_CURRENCY,
        has_currency_column=layout.first(h.CURRENCY) is not None,
        encoding=table.encoding,
        delimiter=table.delimiter,
    )


def _money_text(amount: Decimal) -> str:
    """``Decimal("12.50")`` → ``"12.5"``, never ``"1.2E+3"``."""
    text = format(amount.normalize(), "f")
    return text if text != "-0" else "0"
