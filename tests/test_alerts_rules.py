"""The rules themselves: the one-line syntax in English, Russian and Ukrainian, the guards,
and what each kind finds in a report (pure: rows in, findings out)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.alerts.evaluate import findings, plan
from bot.alerts.parse import RuleError, parse_rule
from bot.alerts.rules import Condition, Rule, line_of

NOW = datetime(2026, 12, 7, 15, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "kind", "window", "group", "conditions"),
    [
        ("roi < -30", "threshold", "today", "campaign", [("roi", "<", -30), ("cost", ">=", 10)]),
        (
            "profit < -50 today spend >= 20",
            "threshold",
            "today",
            "campaign",
            [("profit", "<", -50), ("cost", ">=", 20)],
        ),
        (
            "cr < 1.5 3h clicks >= 200",
            "threshold",
            "3h",
            "campaign",
            [("cr", "<", 1.5), ("clicks", ">=", 200)],
        ),
        ("clicks = 0 30m", "no_traffic", "30m", "campaign", [("clicks", "=", 0)]),
        ("cr drop 50%", "drop", "today", "campaign", [("cr", "<", 0), ("clicks", ">=", 100)]),
        (
            "cost >= 30 conversions = 0",
            "threshold",
            "today",
            "campaign",
            [("cost", ">=", 30), ("conversions", "=", 0)],
        ),
        (
            "рои < -30 сегодня расход >= 20",
            "threshold",
            "today",
            "campaign",
            [("roi", "<", -30), ("cost", ">=", 20)],
        ),
        (
            "cr<1,5 3ч клики>=200",
            "threshold",
            "3h",
            "campaign",
            [("cr", "<", 1.5), ("clicks", ">=", 200)],
        ),
        (
            "прибыль < -50 вчера по источникам",
            "threshold",
            "yesterday",
            "source",
            [("profit", "<", -50)],
        ),
        (
            "прибуток < -50 вчора по джерелам",
            "threshold",
            "yesterday",
            "source",
            [("profit", "<", -50)],
        ),
        (
            "epc < 0.05 by country 6h",
            "threshold",
            "6h",
            "country",
            [("epc", "<", 0.05), ("clicks", ">=", 100)],
        ),
    ],
)
def test_one_line_rules_in_every_language(
    line: str, kind: str, window: str, group: str, conditions: list[tuple[str, str, float]]
) -> None:
    rule = parse_rule(line)
    assert (rule.kind, rule.window, rule.group) == (kind, window, group)
    assert [(c.measure, c.op, c.value) for c in rule.conditions] == conditions
    # what the card shows can be typed again and means the same
    assert parse_rule(line_of(rule)) == rule


def test_the_watchers_that_are_not_measures() -> None:
    assert (parse_rule("cap 90%").kind, parse_rule("cap 90%").value) == ("cap", 90)
    assert parse_rule("кап 80").value == 80
    assert (parse_rule("domains 7d").kind, parse_rule("domains 7d").value) == ("domain", 7)
    assert parse_rule("домены 3").value == 3
    down = parse_rule("down 15m")
    assert (down.kind, down.value, down.urgent) == ("down", 15, True)
    assert parse_rule("трекер 1ч").value == 60
    auto = parse_rule("roi < -50 autopause every 4h")
    assert auto.auto_pause and auto.cooldown == 240


@pytest.mark.parametrize(
    ("line", "key", "word"),
    [
        ("", "alert.err.empty", ""),
        ("roi <", "alert.err.short", ""),
        ("roi < abc", "alert.err.number", "abc"),
        ("выручкаа > 5", "alert.err.measure", "выручкаа"),
        ("roi ~ 5", "alert.err.operator", "~"),
        ("roi < -30 9000h", "alert.err.window", "9000h"),
        ("roi < -30 by planet", "alert.err.group", "planet"),
        ("roi < -30 banana", "alert.err.word", "banana"),
        ("clicks = 0 by offer", "alert.err.no_traffic_group", ""),
        ("roi < -30 by country autopause", "alert.err.auto", ""),
        ("cr drop 500%", "alert.err.percent", "500"),
    ],
)
def test_a_line_it_cannot_read_names_the_reason(line: str, key: str, word: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rule(line)
    assert (caught.value.key, caught.value.word) == (key, word)


def report(*rows: dict) -> dict:
    return {"rows": list(rows)}


def row(cid: int, **numbers: float) -> dict:
    return {"campaign_id": cid, "campaign": f"C{cid}", **numbers}


def test_a_guard_keeps_a_small_loss_quiet() -> None:
    rule = parse_rule("roi < -30")
    seen = findings(
        rule,
        {
            "now": report(
                row(1, roi=-100, cost=0.19, clicks=2, conversions=0, profit=-0.19),
                row(2, roi=-45, cost=32.1, clicks=340, conversions=2, profit=-14.5),
                row(3, roi=20, cost=50, clicks=500, conversions=9, profit=10),
            )
        },
        NOW,
        "UTC",
    )
    assert {f.entity: f.firing for f in seen} == {
        "campaign:1": False,
        "campaign:2": True,
        "campaign:3": False,
    }


def test_a_ratio_without_a_base_is_no_value_not_zero() -> None:
    rule = Rule(conditions=(Condition("cpa", ">", 5), Condition("cost", ">=", 1)))
    seen = findings(rule, {"now": report(row(1, cpa=0, cost=20, leads=0, clicks=10))}, NOW, "UTC")
    assert not seen[0].firing and seen[0].value is None


def test_spend_without_conversions() -> None:
    rule = parse_rule("cost >= 30 conversions = 0")
    seen = findings(
        rule,
        {
            "now": report(
                row(1, cost=31, conversions=0),
                row(2, cost=31, conversions=1),
                row(3, cost=5, conversions=0),
            )
        },
        NOW,
        "UTC",
    )
    assert [f.entity for f in seen if f.firing] == ["campaign:1"]


def test_no_traffic_only_where_the_pace_promised_clicks() -> None:
    rule = parse_rule("clicks = 0 30m")
    campaigns = [
        {"id": 1, "name": "busy", "state": "active"},
        {"id": 2, "name": "sleepy", "state": "active"},
        {"id": 3, "name": "paused", "state": "disabled"},
        {"id": 4, "name": "flowing", "state": "active"},
    ]
    seen = findings(
        rule,
        {
            "now": report(row(4, clicks=12)),
            "pace": report(
                row(1, clicks=960), row(2, clicks=40), row(3, clicks=5000), row(4, clicks=900)
            ),
            "campaigns": campaigns,
        },
        NOW,
        "UTC",
    )
    assert {f.entity: f.firing for f in seen} == {
        "campaign:1": True,
        "campaign:2": False,
        "campaign:4": False,
    }
    busy = next(f for f in seen if f.entity == "campaign:1")
    assert busy.numbers["expected"] == 20.0  # 960 a day is 20 in half an hour


def test_a_drop_against_the_same_hours_of_the_last_week() -> None:
    rule = parse_rule("cr drop 50%")  # today so far: hours 0..15 and half of 15 at 15:30
    baseline = [row(1, hour=h, clicks=70, conversions=7) for h in range(24)]  # 10% every hour
    baseline += [row(2, hour=h, clicks=70, conversions=7) for h in range(24)]
    seen = findings(
        rule,
        {
            "now": report(
                row(1, clicks=400, conversions=12, cr=3.0),
                row(2, clicks=400, conversions=36, cr=9.0),
            ),
            "baseline": report(*baseline),
        },
        NOW,
        "UTC",
    )
    by = {f.entity: f for f in seen}
    assert by["campaign:1"].firing and by["campaign:1"].numbers["drop"] == 70.0
    assert not by["campaign:2"].firing  # 10% below is no 50% drop
    thin = findings(
        rule,
        {"now": report(row(1, clicks=40, conversions=0, cr=0.0)), "baseline": report(*baseline)},
        NOW,
        "UTC",
    )
    assert not thin[0].firing  # 40 clicks today: the guard (100) keeps it quiet


def test_an_offer_at_its_cap_and_a_domain_in_trouble() -> None:
    cap = parse_rule("cap 90%")
    offers = [
        {
            "id": 5,
            "name": "Keto",
            "conversion_cap_enabled": True,
            "daily_cap": 50,
            "conversion_timezone": "Europe/Berlin",
        },
        {"id": 6, "name": "Free", "conversion_cap_enabled": False, "daily_cap": 0},
    ]
    seen = findings(
        cap,
        {"offers": offers, "cap:Europe/Berlin": {"rows": [{"offer_id": 5, "conversions": 46}]}},
        NOW,
        "UTC",
    )
    assert [(f.entity, f.firing, f.numbers["percent"]) for f in seen] == [("offer:5", True, 92.0)]
    domains = parse_rule("domains 7d")
    rows = [
        {
            "id": 1,
            "name": "ok.com",
            "network_status": "active",
            "is_ssl": True,
            "ssl_status": "issued",
        },
        {"id": 2, "name": "dns.com", "network_status": "error", "error_description": "no A"},
        {
            "id": 3,
            "name": "soon.com",
            "network_status": "active",
            "is_ssl": True,
            "ssl_status": "issued",
            "ssl_expires_at": "2026-12-09 00:00:00",
        },
    ]
    seen = findings(domains, {"domains": rows}, NOW, "UTC")
    assert [(f.entity, f.firing) for f in seen] == [
        ("domain:1", False),
        ("domain:2", True),
        ("domain:3", True),
    ]


def test_rules_sharing_a_window_and_a_grouping_share_one_read() -> None:
    rules = {
        1: (parse_rule("roi < -30"), "UTC"),
        2: (parse_rule("profit < -50 spend >= 20"), "UTC"),
        3: (parse_rule("cr < 1 3h clicks >= 200"), "UTC"),
        4: (parse_rule("cr < 1 3h by country"), "UTC"),
        5: (parse_rule("roi < -10"), "Asia/Tokyo"),  # another day: another read
    }
    planned = plan(rules, NOW)
    reports = [key for key in planned.reads if key[0] == "report"]
    assert len(reports) == 4
    assert planned.uses[1]["now"] == planned.uses[2]["now"]
    merged = planned.reads[planned.uses[1]["now"]].body["measures"]
    assert {"roi", "profit", "cost"} <= set(merged)
