"""The cost file parser: encodings, delimiters, amounts, headers, periods, bad rows."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from bot.costs import CostFileError, CostUpload, read_upload, resolve_campaign
from bot.costs.render import error_text, preview_text
from bot.costs.values import parse_money, parse_period
from bot.i18n import CATALOGS, Translator

CAMPAIGNS = {7: "FB | DE | Offer A", 8: "Push TH", 9: "Twin", 10: "Twin"}


def costs_of(upload: CostUpload) -> list[tuple[int, str, str, str, dict[str, str]]]:
    return [(c.id, e.start, e.end, e.cost, e.filters) for c in upload.campaigns for e in c.entries]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("12.50", "12.50"), ("12,50", "12.50"), ("1 234,56", "1234.56"),
        ("1\u00a0234,56", "1234.56"), ("1,234.56", "1234.56"), ("1.234,56", "1234.56"),
        ("1,234", "1234"), ("$12.5", "12.5"), ("12.5 USD", "12.5"), ("12,5 руб.", "12.5"),
        ("0", "0"),
    ],
)  # fmt: skip
def test_amounts_as_people_write_them(text: str, amount: str) -> None:
    assert parse_money(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["abc", "-5", "12abc", "12,5,6", "", "1.2.3,4,5"])
def test_what_is_no_amount(text: str) -> None:
    assert parse_money(text) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026-11-01", "2026-11-01 00:00", "2026-11-01 23:59"),
        ("01.11.2026", "2026-11-01 00:00", "2026-11-01 23:59"),
        ("2026-11-01 - 2026-11-07", "2026-11-01 00:00", "2026-11-07 23:59"),
        ("01.11.2026–07.11.2026", "2026-11-01 00:00", "2026-11-07 23:59"),
        ("2026-11-01 10:00", "2026-11-01 10:00", "2026-11-01 10:59"),
        ("2026-11-01T10:00 - 2026-11-01 12:30", "2026-11-01 10:00", "2026-11-01 12:30"),
    ],
)
def test_dates_and_periods(text: str, start: str, end: str) -> None:
    period = parse_period(text)
    assert period is not None and (period.start, period.end) == (start, end)


@pytest.mark.parametrize("text", ["yesterday", "2026-13-01", "2026-11-07 - 2026-11-01"])
def test_what_is_no_period(text: str) -> None:
    assert parse_period(text) is None


@pytest.mark.parametrize(
    ("content", "delimiter", "encoding"),
    [
        (b"date,campaign,cost\n2026-11-01,7,12.5\n", ",", "utf-8"),
        ("date;campaign;cost\n2026-11-01;7;12,5\n".encode("utf-8-sig"), ";", "utf-8"),
        (b"date\tcampaign\tcost\n2026-11-01\t7\t12,5\n", "\t", "utf-8"),
        ("дата;кампания;расход\n01.11.2026;7;12,5\n".encode("cp1251"), ";", "cp1251"),
        ("Дата\tКампания\tСумма\n01.11.2026\t7\t12,5\n".encode("utf-16"), "\t", "utf-16"),
        (b"sep=;\r\ndate;campaign;cost\r\n2026-11-01;7;12,5\r\n", ";", "utf-8"),
    ],
)
def test_delimiters_and_encodings(content: bytes, delimiter: str, encoding: str) -> None:
    upload = read_upload(content, CAMPAIGNS)
    assert (upload.delimiter, upload.encoding) == (delimiter, encoding)
    assert costs_of(upload) == [(7, "2026-11-01 00:00", "2026-11-01 23:59", "12.5", {})]


def test_russian_headers_filters_and_the_currency_in_the_cost_header() -> None:
    content = (
        "Период;Название кампании;Sub ID 2;Источник;Расход, €;Заметки\n"
        "01.11.2026 - 07.11.2026;fb | de | offer a;ad-1;site.ru;1 000,50;x\n"
    ).encode("cp1251")
    upload = read_upload(content, CAMPAIGNS, timezone="Europe/Moscow")
    assert upload.mapping == [
        ("Период", "when"), ("Название кампании", "campaign"), ("Sub ID 2", "filter:sub_id_2"),
        ("Источник", "filter:source"), ("Расход, €", "cost"),
    ]  # fmt: skip
    assert upload.ignored == ["Заметки"]
    assert (upload.currency, upload.has_currency_column) == ("EUR", False)
    [payload] = upload.payloads()
    assert payload == {
        "campaign_ids": [7],
        "timezone": "Europe/Moscow",
        "currency": "EUR",
        "costs": [
            {
                "start_date": "2026-11-01 00:00", "end_date": "2026-11-07 23:59",
                "cost": "1000.5", "timezone": "Europe/Moscow", "currency": "EUR",
                "filters": {"sub_id_2": "ad-1", "source": "site.ru"},
            }
        ],
    }  # fmt: skip


def test_start_and_end_columns_and_a_currency_column() -> None:
    content = b"start,end,campaign_id,spend,currency\n2026-11-01 06:00,2026-11-02,8,3,eur\n"
    upload = read_upload(content, CAMPAIGNS)
    assert costs_of(upload) == [(8, "2026-11-01 06:00", "2026-11-02 23:59", "3", {})]
    assert upload.payloads()[0]["costs"][0]["currency"] == "EUR"


def test_rows_of_one_campaign_period_and_filter_are_added_up_before_sending() -> None:
    """update_costs replaces: two entries for the same clicks would keep only the last."""
    content = (
        b"date,campaign,sub_id_1,cost\n"
        b"2026-11-01,7,a,1\n2026-11-01,FB | DE | Offer A,a,2\n2026-11-01,7,b,4\n"
        b"2026-11-02,8,,8\n"
    )
    upload = read_upload(content, CAMPAIGNS)
    assert costs_of(upload) == [
        (7, "2026-11-01 00:00", "2026-11-01 23:59", "3", {"sub_id_1": "a"}),
        (7, "2026-11-01 00:00", "2026-11-01 23:59", "4", {"sub_id_1": "b"}),
        (8, "2026-11-02 00:00", "2026-11-02 23:59", "8", {}),
    ]
    assert len(upload.payloads()) == 2  # one per campaign
    assert upload.grand_totals() == {"USD": Decimal(15)}


def test_bad_rows_are_reported_with_their_line_numbers() -> None:
    content = (
        b"date,campaign,cost,currency\n"
        b"2026-11-01,7,5,USD\n"
        b"someday,7,5,USD\n"
        b"2026-11-01,Nope,5,USD\n"
        b"2026-11-01,Twin,5,USD\n"
        b"\n"
        b"2026-11-01,7,abc,USD\n"
        b"2026-11-01,7,,USD\n"
        b"2026-11-01,7,5,dollars\n"
        b"2026-11-01,,5,USD\n"
        b"Total,,30,\n"
    )
    upload = read_upload(content, CAMPAIGNS)
    assert upload.rows == 1
    assert [(s.line, s.reason, s.value) for s in upload.skipped] == [
        (3, "bad_date", "someday"),
        (4, "unknown_campaign", "Nope"),
        (5, "ambiguous_campaign", "Twin"),
        (7, "bad_cost", "abc"),
        (8, "no_cost", ""),
        (9, "bad_currency", "dollars"),
        (10, "no_campaign", ""),
        (11, "totals", ""),
    ]
    for language in CATALOGS:
        text = preview_text(Translator(language), upload, "<file>.csv")
        assert "&lt;file&gt;.csv" in text and "11" in text and "abc" in text


def test_campaigns_by_id_or_exact_name() -> None:
    assert resolve_campaign("7", CAMPAIGNS) == 7
    assert resolve_campaign(" Push TH ", CAMPAIGNS) == 8
    assert resolve_campaign("push th", CAMPAIGNS) == 8
    assert resolve_campaign("99", CAMPAIGNS) == "unknown_campaign"
    assert resolve_campaign("Twin", CAMPAIGNS) == "ambiguous_campaign"


def test_a_default_campaign_serves_a_file_without_a_campaign_column() -> None:
    upload = read_upload(b"day,cost\n2026-11-01,5\n", CAMPAIGNS, default_campaign=8)
    assert costs_of(upload) == [(8, "2026-11-01 00:00", "2026-11-01 23:59", "5", {})]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"PK\x03\x04\x14\x00binary", "not_csv"),
        (b"\x00\x01\x02date,cost", "not_csv"),
        (b"", "empty"),
        (b" \n\n", "empty"),
        (b"date,campaign,cost\n", "no_rows"),
        (b"date,campaign,clicks\n2026-11-01,7,1\n", "no_cost_column"),
        (b"campaign,cost\n7,1\n", "no_date_column"),
        (b"date,cost\n2026-11-01,1\n", "no_campaign"),
        (b"date,campaign,cost\nx,7,1\n2026-11-01,7,abc\n", "all_bad"),
    ],
)
def test_files_that_cannot_be_used(content: bytes, code: str) -> None:
    with pytest.raises(CostFileError) as caught:
        read_upload(content, CAMPAIGNS)
    assert caught.value.code == code
    for language in CATALOGS:
        text = error_text(Translator(language), caught.value)
        assert f"costs.error.{code}" not in text and text.count("\n") >= 1


def test_the_upload_round_trips_through_json() -> None:
    content = b"date,campaign,sub_id_3,cost\n2026-11-01,7,x,1\nbad,7,,1\n"
    upload = read_upload(content, CAMPAIGNS, timezone="Asia/Bangkok")
    again = CostUpload.from_json(json.loads(json.dumps(upload.to_json())))
    assert again == upload and again.payloads() == upload.payloads()


def test_every_reason_and_error_has_a_text() -> None:
    for language, texts in CATALOGS.items():
        for reason in (
            "bad_date", "unknown_campaign", "ambiguous_campaign", "no_campaign", "no_cost",
            "bad_cost", "bad_currency", "totals",
        ):  # fmt: skip
            assert f"costs.skip.{reason}" in texts, language
        for role in ("when", "start", "end", "campaign", "cost", "currency", "filter"):
            assert f"costs.role.{role}" in texts, language
        for code in (
            "not_csv", "empty", "no_rows", "too_many_rows", "too_big", "no_cost_column",
            "no_date_column", "no_campaign", "all_bad",
        ):  # fmt: skip
            assert f"costs.error.{code}" in texts, language
