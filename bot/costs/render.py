"""The preview and the refusal of a cost file, in the user's words (HTML, values escaped)."""

from __future__ import annotations

from decimal import Decimal

from bot.costs.errors import CostFileError
from bot.costs.plan import CostUpload, Skipped
from bot.i18n import Html, Translator

#: the preview stays well inside one Telegram message
SHOWN_CAMPAIGNS = 20
SHOWN_SKIPPED = 10


def money(amounts: dict[str, Decimal]) -> str:
    """``{"USD": Decimal("12.5")}`` → ``"12.50 USD"``; several currencies joined by " + "."""
    parts = [f"{amount.quantize(Decimal('0.01')):,.2f} {code}" for code, amount in amounts.items()]
    return " + ".join(part.replace(",", " ") for part in parts) or "0"


def role_label(t: Translator, role: str) -> str:
    if role.startswith("filter:"):
        return t("costs.role.filter", key=role.removeprefix("filter:"))
    return t(f"costs.role.{role}")


def skipped_lines(t: Translator, skipped: list[Skipped]) -> list[str]:
    lines = [
        t(
            "costs.preview.skipped_line",
            line=item.line,
            reason=Html(t(f"costs.skip.{item.reason}", value=item.value[:60])),
        )
        for item in skipped[:SHOWN_SKIPPED]
    ]
    if len(skipped) > SHOWN_SKIPPED:
        lines.append(t("costs.preview.more_skipped", count=len(skipped) - SHOWN_SKIPPED))
    return lines


def preview_text(t: Translator, upload: CostUpload, file_name: str) -> str:
    """Columns → roles, per-campaign totals, the grand total, and the rows left out."""
    lines = [t("costs.preview.head", file=file_name, rows=upload.rows), ""]
    lines.append(t("costs.preview.columns"))
    lines += [
        t("costs.preview.column", header=header, role=Html(role_label(t, role)))
        for header, role in upload.mapping
    ]
    if upload.ignored:
        lines.append(t("costs.preview.ignored", names=", ".join(upload.ignored)))
    lines += ["", t("costs.preview.campaigns", timezone=upload.timezone)]
    for campaign in upload.campaigns[:SHOWN_CAMPAIGNS]:
        amount = money(upload.totals_of(campaign))
        lines.append(
            t("costs.preview.campaign", name=campaign.name or "—", id=campaign.id, amount=amount)
        )
    if len(upload.campaigns) > SHOWN_CAMPAIGNS:
        extra = len(upload.campaigns) - SHOWN_CAMPAIGNS
        lines.append(t("costs.preview.more_campaigns", count=extra))
    lines.append(t("costs.preview.total", amount=money(upload.grand_totals())))
    if not upload.has_currency_column:
        lines += ["", t("costs.preview.currency_asked", currency=upload.currency)]
    if upload.skipped:
        lines += ["", t("costs.preview.skipped", count=len(upload.skipped))]
        lines += skipped_lines(t, upload.skipped)
    lines += ["", t("costs.preview.replaces")]
    return "\n".join(lines)


def error_text(t: Translator, error: CostFileError) -> str:
    """Why the file was refused, the rows' reasons when every row was bad, and that nothing
    was sent."""
    values = {k: v for k, v in error.values.items() if k != "skipped"}
    lines = [t(f"costs.error.{error.code}", **values)]
    skipped = error.values.get("skipped")
    if skipped:
        lines += skipped_lines(t, skipped)
    lines.append(t("costs.error.footer"))
    return "\n".join(lines)
