"""``python -m bot`` / ``keitaro-bot``: ``run`` (Telegram), ``demo`` (terminal), ``sandbox``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from urllib.parse import urlsplit

from bot.config import Settings
from bot.logs import configure_logging, register_secret

log = logging.getLogger("bot")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="keitaro-bot", description="Keitaro in Telegram.")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser(
        "run", help="run the bot: long polling, or webhooks with WEBHOOK_URL (needs BOT_TOKEN)"
    )
    commands.add_parser("secret", help="print a new SECRET_KEY (for .env)")
    demo = commands.add_parser("demo", help="the bot in this terminal, with a sandbox tracker")
    demo.add_argument("--files", default="demo-files", help="where photos and documents go")
    demo.add_argument("--lang", default="ru", choices=["ru", "en", "uk"])
    sandbox = commands.add_parser("sandbox", help="the sandbox tracker alone")
    sandbox.add_argument("--port", type=int, default=8090)
    sandbox.add_argument("--api-key", default="demo-api-key-0000")
    return parser


def register_settings_secrets(settings: Settings) -> None:
    """Whatever a log line might quote of the settings is masked in it."""
    for value in (settings.bot_token, settings.secret_key, settings.webhook_secret):
        if value is not None:
            register_secret(value.get_secret_value())
    for url in (settings.database_url, settings.redis_url):
        if url is not None:
            password = urlsplit(url.get_secret_value()).password
            if password:
                register_secret(password)


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    command = args.command or "run"
    if command == "secret":  # before Settings: a half-filled .env must not stop it
        from storage import generate_key

        print(generate_key())
        return
    settings = Settings()
    configure_logging(settings.log_level, settings.log_format)
    register_settings_secrets(settings)
    if command == "sandbox":
        from keitaro.sandbox.__main__ import main as sandbox_main

        sandbox_main(["--port", str(args.port), "--api-key", args.api_key])
        return
    if command == "demo":
        from bot.demo import run_demo

        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(run_demo(files=args.files, language=args.lang))
        return
    from bot.runner import run

    sys.exit(asyncio.run(run(settings)))


if __name__ == "__main__":
    main()
