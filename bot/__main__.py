"""``python -m bot`` / ``keitaro-bot``: ``run`` (Telegram), ``demo`` (terminal), ``sandbox``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys

from bot.config import Settings

log = logging.getLogger("bot")

SETUP_HELP = (
    "BOT_TOKEN is not set. Get a token from @BotFather in Telegram and put it in .env "
    "(see .env.example), or try the bot without one: python -m bot demo"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="keitaro-bot", description="Keitaro in Telegram.")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="run the bot with long polling (needs BOT_TOKEN)")
    demo = commands.add_parser("demo", help="the bot in this terminal, with a sandbox tracker")
    demo.add_argument("--files", default="demo-files", help="where photos and documents go")
    demo.add_argument("--lang", default="ru", choices=["ru", "en", "uk"])
    sandbox = commands.add_parser("sandbox", help="the sandbox tracker alone")
    sandbox.add_argument("--port", type=int, default=8090)
    sandbox.add_argument("--api-key", default="demo-api-key-0000")
    return parser


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    # httpx logs every request URL at INFO; keep it for DEBUG runs only
    logging.getLogger("httpx").setLevel(logging.WARNING if level != "DEBUG" else logging.DEBUG)


async def run(settings: Settings) -> int:
    """Long polling until SIGINT/SIGTERM; closes HTTP and the database on the way out."""
    from bot.app import build_services, create_bot, create_dispatcher, settle_memory
    from bot.commands import register_commands

    if settings.bot_token is None:
        print(SETUP_HELP, file=sys.stderr)
        return 2
    services = await build_services(settings)
    bot = create_bot(settings)
    dp = create_dispatcher(services)
    settle_memory()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await register_commands(bot)
        polling = asyncio.create_task(
            dp.start_polling(bot, handle_signals=False, close_bot_session=False)
        )
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if not polling.done():
            await dp.stop_polling()
            await polling
        log.info("stopped")
    finally:
        await bot.session.close()
        await services.close()
    return 0


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    command = args.command or "run"
    settings = Settings()
    configure_logging(settings.log_level)
    if command == "sandbox":
        from keitaro.sandbox.__main__ import main as sandbox_main

        sandbox_main(["--port", str(args.port), "--api-key", args.api_key])
        return
    if command == "demo":
        from bot.demo import run_demo

        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(run_demo(files=args.files, language=args.lang))
        return
    sys.exit(asyncio.run(run(settings)))


if __name__ == "__main__":
    main()
