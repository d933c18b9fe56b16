"""Run the sandbox tracker: ``python -m keitaro.sandbox --port 8090 --api-key KEY [--live N]``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from keitaro.sandbox.server import Sandbox


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="keitaro-sandbox", description="A fake Keitaro tracker with a month of demo traffic."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--api-key", default="demo-api-key-0000")
    parser.add_argument("--restricted-key", default="restricted-key-0000")
    parser.add_argument("--postback-key", default="e89bcbe")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--clicks", type=int, default=25_000)
    parser.add_argument(
        "--live",
        type=_rate,
        default=0.0,
        metavar="N",
        help="make live traffic: about N conversions a minute (0, the default, is off)",
    )
    return parser


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value >= 0:  # NaN too
        raise argparse.ArgumentTypeError("must be 0 or more conversions a minute")
    return value


def _live(rate: float) -> str:
    if rate <= 0:
        return "off (--live N makes about N conversions a minute)"
    return f"about {rate:g} conversions a minute, some recorded late, some changing status"


def banner(sb: Sandbox) -> str:
    """What a person needs to try the sandbox by hand."""
    click = sb.state.clicks[-1].sub_id if sb.state.clicks else "SUBID"
    return "\n".join(
        [
            "Keitaro sandbox is running.",
            f"  Admin API:       {sb.admin_url}",
            f"  API key:         {sb.api_key}",
            f"  Restricted key:  {sb.restricted_key}  (user 'buyer', one campaign group)",
            f"  Postback URL:    {sb.postback_url}?subid=<click sub_id>&status=sale&payout=10",
            f'  Faults:          POST {sb.url}/_sandbox/faults  {{"fail_5xx": 2}}',
            f"  Live traffic:    {_live(sb.live_rate)}",
            f"  Conversions:     POST {sb.url}/_sandbox/conversions  "
            '{"events": [{"campaign_id": 1, "status": "sale", "revenue": 25}]}',
            f"  Scenarios:       POST {sb.url}/_sandbox/scenario  "
            '{"name": "losing", "campaign_id": 1}  (GET lists them)',
            "",
            "Try:",
            f"  curl -H 'Api-Key: {sb.api_key}' {sb.admin_url}/campaigns",
            f"  curl -H 'Api-Key: {sb.api_key}' -H 'Content-Type: application/json' "
            f'-d \'{{"range":{{"interval":"7_days_ago","timezone":"Europe/Berlin"}},'
            f'"dimensions":["campaign"],"measures":["clicks","conversions","revenue",'
            f'"cost","profit","roi"]}}\' {sb.admin_url}/report/build',
            f"  curl '{sb.postback_url}?subid={click}&status=sale&payout=25'",
            "",
            "Press Ctrl+C to stop.",
        ]
    )


async def _serve(args: argparse.Namespace) -> None:
    sb = Sandbox(
        api_key=args.api_key,
        restricted_key=args.restricted_key,
        postback_key=args.postback_key,
        seed=args.seed,
        clicks=args.clicks,
        live=args.live,
    )
    await sb.start(args.host, args.port)
    print(banner(sb), flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await sb.stop()


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
