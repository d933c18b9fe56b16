"""The terminal demo, read the way a person reads it: scripted lines in, printed chat out."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.demo import (
    DEMO_USER_ID,
    Demo,
    TerminalDecoration,
    keyboard_lines,
    newest_keyboard_message,
    numbered_buttons,
    open_demo,
    readable_text,
    run_demo,
)
from bot.demo_files import LOG_NAME, MAX_FILE_BYTES
from bot.emulator.formatting import parse_text
from bot.i18n import Translator
from storage.digests import DigestRepository

ROOT = Path(__file__).resolve().parent.parent


async def scripted(lines: Iterable[str]) -> AsyncIterator[str]:
    for line in lines:
        yield line + "\n"


async def never_ending() -> AsyncIterator[str]:
    """A person who never types anything: only cancellation (Ctrl+C) ends the demo."""
    await asyncio.Event().wait()
    yield ""


async def demo(tmp_path: Path, lines: Iterable[str], language: str = "en") -> str:
    output = io.StringIO()
    await run_demo(
        files=str(tmp_path / "files"),
        language=language,
        input_lines=scripted(lines),
        output=output,
    )
    return output.getvalue()


async def press_label(session: Demo, label: str) -> None:
    """Type the number the newest keyboard shows next to the one button labelled ``label``."""
    message = newest_keyboard_message(session.telegram, session.chat.user.chat_id)
    assert message is not None, "no keyboard"
    numbers = [
        number
        for row in numbered_buttons(message.get("reply_markup"))
        for number, button in row
        if label in button["text"]
    ]
    assert len(numbers) == 1, (label, message.get("reply_markup"))
    session.printer.write(f"› {numbers[0]}")
    await session.chat.handle(str(numbers[0]))


def demo_env(tmp_path: Path) -> dict[str, str]:
    """No token and no deployment settings: the demo must need none of them."""
    env = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "DB_PATH"}}
    env["PYTHONPATH"] = str(ROOT)
    env["HOME"] = str(tmp_path)
    return env


async def test_a_session_reads_like_a_chat(tmp_path: Path) -> None:
    shown = await demo(tmp_path, ["2", "/campaigns", "2", "quit"])
    banner, _, chat = shown.partition("› /connect")
    assert "no token" in banner and "sandbox" in banner
    # the sandbox is connected through the bot itself, and the menu shows today's numbers
    assert "✅ Connected" in chat
    assert "Today: profit" in chat
    assert "[1] 📊 Stats  [2] 🎯 Campaigns\n" in chat
    # "2" pressed Campaigns: the menu message was edited in place into the list
    after_press = chat.split("› 2\n", 1)[1]
    assert after_press.startswith("✎ (edited)\n🎯 Campaigns")
    assert "[1] #1  [2] #2" in after_press
    # on the new list, "2" opened campaign #2, again as an edit
    card = chat.rsplit("› 2\n", 1)[1]
    assert card.startswith("✎ (edited)\n🎯 ")
    assert "#2" in card.splitlines()[1]
    assert "« Back" in card
    # formatting survived, markup did not
    for tag in ("<b>", "</b>", "<code>", "<a ", "&lt;", "&amp;"):
        assert tag not in shown
    assert "\x1b[" not in shown  # no ANSI codes when the output is not a terminal
    assert shown.rstrip().endswith("Bye!")


async def test_the_demo_speaks_russian_by_default(tmp_path: Path) -> None:
    output = io.StringIO()
    await run_demo(files=str(tmp_path / "f"), input_lines=scripted(["quit"]), output=output)
    shown = output.getvalue()
    assert "песочница" in shown
    assert "Трекер подключён" in shown
    assert "Сегодня: прибыль" in shown


async def test_odd_input_is_explained_and_never_ends_the_demo(tmp_path: Path) -> None:
    shown = await demo(tmp_path, ["", "   ", "99", "hello", "'2", "/nonsense", "exit"])
    assert "There is no button [99]" in shown
    assert "Open the menu" in shown  # free text reached the bot
    assert "› 2\n" not in shown  # '2 is text, echoed as typed
    assert "› '2\n" in shown
    assert "I do not know that command" in shown
    assert shown.rstrip().endswith("Bye!")


async def test_end_of_input_leaves_like_quit(tmp_path: Path) -> None:
    shown = await demo(tmp_path, ["/menu"])
    assert shown.count("📊 Keitaro") == 2
    assert shown.rstrip().endswith("Bye!")


async def test_ctrl_c_closes_everything_on_the_way_out(tmp_path: Path) -> None:
    output = io.StringIO()
    task = asyncio.create_task(
        run_demo(files=str(tmp_path / "f"), input_lines=never_ending(), output=output)
    )
    for _ in range(200):  # the menu is up: the demo waits for the person
        await asyncio.sleep(0.05)
        if "📊 Keitaro" in output.getvalue():
            break
    task.cancel()  # what asyncio.run does on Ctrl+C
    await asyncio.gather(task, return_exceptions=True)
    assert output.getvalue().rstrip().endswith("Пока!")


async def test_documents_are_saved_and_their_path_printed(tmp_path: Path) -> None:
    output = io.StringIO()
    async with open_demo(tmp_path / "files", "en", output) as session:
        assert await session.chat.connect(session.sandbox)
        await press_label(session, "Campaigns")
        await press_label(session, "Details")
    shown = output.getvalue()
    saved = sorted(p for p in (tmp_path / "files").iterdir() if p.name != LOG_NAME)
    assert saved, shown
    assert f"📄 saved to {saved[0]}" in shown
    assert b'"name"' in saved[0].read_bytes()


async def test_the_digest_scheduler_runs_in_the_demo(tmp_path: Path) -> None:
    """A digest due a minute ago (by the injected clock) reaches the terminal on the next
    tick, and leaving the demo stops the scheduler's loop."""
    output = io.StringIO()
    moment = datetime.now(UTC).replace(second=30, microsecond=0)
    due = (moment - timedelta(minutes=1)).strftime("%H:%M")
    async with open_demo(tmp_path / "f", "en", output, clock=lambda: moment, tick=0.05) as demo:
        assert demo.services.scheduler is demo.scheduler  # /digest now uses it too
        assert await demo.chat.connect(demo.sandbox)
        user = await demo.services.users.get(DEMO_USER_ID)
        assert user is not None and user.active_tracker_id is not None
        digest = await DigestRepository(demo.services.db).create(
            DEMO_USER_ID, demo.chat.user.chat_id, user.active_tracker_id,
            {"time": due, "days": []}, "UTC", {"chart": False},
        )  # fmt: skip
        assert digest is not None
        label = Translator("en").plain("digest.settings_button")
        for _ in range(200):  # ticks every 0.05 s: well under a second in practice
            if label in output.getvalue() and demo.scheduler.counts["sent"]:
                break  # the count follows the message: the send is marked after it
            await asyncio.sleep(0.05)
        assert label in output.getvalue(), output.getvalue()
        assert demo.scheduler.counts["sent"] == 1
        stored = await DigestRepository(demo.services.db).get(DEMO_USER_ID, digest.id)
        assert stored is not None and stored.last_slot is not None
    assert not [t for t in asyncio.all_tasks() if t.get_name() == "digest-scheduler"]


def test_entities_become_terminal_text() -> None:
    source = (
        '<b>Profit</b> <a href="https://trk.example.com/x">panel</a> '
        "&lt;3 <code>#7</code> <i>now</i>"
    )
    text, entities = parse_text(source, "html")
    message = {"text": text, "entities": entities}
    plain = readable_text(message, TerminalDecoration(color=False))
    assert plain == "Profit panel (https://trk.example.com/x) <3 #7 now"
    colored = readable_text(message, TerminalDecoration(color=True))
    assert colored.startswith("\x1b[1mProfit\x1b[22m ")
    caption = readable_text({"caption": "Chart", "photo": []}, TerminalDecoration(color=False))
    assert caption == "Chart"


def test_python_m_bot_demo_as_a_real_process(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--lang", "en"],
        input="/menu\nquit\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=demo_env(tmp_path),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "📊 Keitaro" in done.stdout
    assert "Today: profit" in done.stdout
    assert "[1] 📊 Stats" in done.stdout
    assert done.stdout.rstrip().endswith("Bye!")
    assert (tmp_path / "demo-files").is_dir()
    assert not list(tmp_path.glob("**/*.sqlite3")), "the demo database is thrown away"
    assert "Traceback" not in done.stderr


def test_ctrl_c_in_a_real_process_exits_cleanly(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "demo", "--lang", "en"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=demo_env(tmp_path),
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:  # wait for the first menu
            if line.startswith("[1] 📊 Stats"):
                break
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert out.rstrip().endswith("Bye!")
    assert "Traceback" not in err


# --- Ukrainian --------------------------------------------------------------------------------


async def test_the_demo_speaks_ukrainian(tmp_path: Path) -> None:
    shown = await demo(tmp_path, ["99", "вихід", "/menu"], language="uk")
    banner, _, chat = shown.partition("› /connect")
    assert "Keitaro-бот у терміналі" in banner and "пісочниця" in banner
    assert "/file шлях.csv" in banner and "/costs" in banner
    assert f"{tmp_path / 'files' / LOG_NAME}" in banner  # where the log goes, said up front
    assert "Трекер підключено" in chat  # the bot itself answers in Ukrainian
    assert "Сьогодні: прибуток" in chat
    assert "Немає кнопки [99]: на останній клавіатурі є [1]–[11]." in chat
    assert "› /menu" not in chat  # "вихід" left the demo
    assert shown.rstrip().endswith("Бувайте!")


# --- /file --------------------------------------------------------------------------------------


def spend_csv(folder: Path, name: str = "spend.csv") -> Path:
    day = datetime.now(UTC).strftime("%Y-%m-%d")
    path = folder / name
    path.write_text(
        f"date,campaign,cost,currency\n{day},1,12.50,USD\n{day},2,3,USD\n", encoding="utf-8"
    )
    return path


async def test_a_file_sent_with_file_reaches_the_cost_preview(tmp_path: Path) -> None:
    csv = spend_csv(tmp_path, "my spend.csv")
    shown = await demo(tmp_path, ["/costs", f'/file "{csv}"', "quit"])
    after = shown.split(f'› /file "{csv}"\n', 1)[1]
    assert after.startswith(f"📎 my spend.csv ({csv.stat().st_size} B)\n")
    # the bot downloaded the document through getFile and read it against the campaigns
    assert "📄 my spend.csv: 2 rows will be sent" in after
    assert "(#1): 12.50 USD" in after and "(#2): 3.00 USD" in after
    assert "Total: 15.50 USD" in after
    assert "✅ Send" in after


async def test_a_file_that_cannot_be_sent_is_explained_and_nothing_is_sent(
    tmp_path: Path,
) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:  # sparse: the size is all that is looked at
        handle.truncate(MAX_FILE_BYTES + 1)
    (tmp_path / "empty.csv").touch()
    output = io.StringIO()
    async with open_demo(tmp_path / "files", "en", output) as session:
        assert await session.chat.connect(session.sandbox)
        await session.chat.handle("/costs")
        chat_id = session.chat.user.chat_id
        before = len(session.telegram.messages(chat_id))
        start = len(output.getvalue())
        for line in (
            "/file",
            f"/file {tmp_path / 'missing.csv'}",
            f"/file {tmp_path}",
            f"/file {big}",
            f"/file {tmp_path / 'empty.csv'}",
        ):
            await session.chat.handle(line)
        assert len(session.telegram.messages(chat_id)) == before  # nothing reached the bot
        assert await session.chat.user.state() == "CostsDialog:waiting"
    said = output.getvalue()[start:].splitlines()
    assert said == [
        "Name a file: /file path/to/spend.csv",
        f"There is no file {tmp_path / 'missing.csv'} (or it is a folder); nothing was sent.",
        f"There is no file {tmp_path} (or it is a folder); nothing was sent.",
        f"{big} is too big: 20.1 MB, and a bot can download at most 20 MB from Telegram. "
        "Nothing was sent.",
        f"{tmp_path / 'empty.csv'} is empty, and Telegram does not send empty files.",
    ]


# --- the log stays out of the chat --------------------------------------------------------------


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


LOG_LINE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) ")


async def test_log_records_go_to_the_log_file_not_the_chat(tmp_path: Path) -> None:
    """A handler writing to the terminal (as ``logging.basicConfig`` installs one) is taken
    off while the demo runs: the tracker client's warning lands in demo.log, and the goodbye
    says where it is."""
    output = io.StringIO()
    terminal = logging.StreamHandler(output)
    terminal.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(terminal)
    try:
        unreachable = f"http://127.0.0.1:{closed_port()}"
        await run_demo(
            files=str(tmp_path / "files"),
            language="en",
            input_lines=scripted([f"/connect {unreachable} key", "/cancel", "quit"]),
            output=output,
        )
        assert terminal in root.handlers  # put back when the demo ended
    finally:
        root.removeHandler(terminal)
    shown = output.getvalue()
    assert "could not be reached" in shown  # the bot said it, in its own words
    assert not LOG_LINE.search(shown), shown
    assert "keitaro.client" not in shown
    log_file = tmp_path / "files" / LOG_NAME
    logged = log_file.read_text(encoding="utf-8")
    assert "WARNING keitaro.client" in logged and "unreachable" in logged
    assert f"⚠️ Warnings in the log: 1; see {log_file}\nBye!\n" in shown


def test_a_real_process_keeps_log_lines_out_of_the_terminal(tmp_path: Path) -> None:
    """stdout and stderr on one terminal, as a person runs it: only the chat shows, in
    Ukrainian (``--lang uk``), and the warnings are in demo-files/demo.log."""
    unreachable = f"http://127.0.0.1:{closed_port()}"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--lang", "uk"],
        input=f"/stats\n/campaigns\n1\n/connect {unreachable} key\n/cancel\nquit\n",
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
        env={**demo_env(tmp_path), "LOG_LEVEL": "INFO"},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout
    shown = done.stdout
    assert "пісочниця" in shown and "Сьогодні: прибуток" in shown
    assert not LOG_LINE.search(shown), shown
    assert "httpx" not in shown and "keitaro.client" not in shown
    assert "Traceback" not in shown
    logged = (tmp_path / "demo-files" / LOG_NAME).read_text(encoding="utf-8")
    assert "unreachable" in logged
    assert "⚠️ Попереджень у журналі: 1; див. demo-files/demo.log" in shown
    assert shown.rstrip().endswith("Бувайте!")


# --- stable numbers on paged keyboards ----------------------------------------------------------


def test_buttons_labelled_with_a_number_are_pressed_by_that_number() -> None:
    def keyboard(*rows: list[str]) -> dict[str, Any]:
        return {"inline_keyboard": [[{"text": t, "callback_data": t} for t in row] for row in rows]}

    second_page = keyboard([str(n) for n in range(11, 16)], ["◀️", "▶️"], ["« Stats"])
    assert keyboard_lines(second_page, numbered=True) == [
        "[11] 11  [12] 12  [13] 13  [14] 14  [15] 15",
        "[16] ◀️  [17] ▶️",
        "[18] « Stats",
    ]
    plain = keyboard(["📊 Stats", "🎯 Campaigns"], ["« Menu"])
    assert keyboard_lines(plain, numbered=True) == ["[1] 📊 Stats  [2] 🎯 Campaigns", "[3] « Menu"]
    # a number shown twice, or with a leading zero, is no button's own number
    odd = keyboard(["7", "7", "09"], ["3"])
    assert keyboard_lines(odd, numbered=True) == ["[4] 7  [5] 7  [6] 09", "[3] 3"]


async def test_report_rows_keep_their_numbers_across_pages(tmp_path: Path) -> None:
    output = io.StringIO()
    async with open_demo(tmp_path / "files", "en", output) as session:
        assert await session.chat.connect(session.sandbox)
        await press_label(session, "Stats")
        await press_label(session, "7 days")  # enough campaigns for a second page
        await press_label(session, "Build report")
        first = output.getvalue()
        assert "[1] 1  [2] 2  [3] 3" in first
        await press_label(session, "▶️")
        second = output.getvalue()[len(first) :]
        assert "Rows 11–20" in second
        assert "[11] 11  [12] 12  [13] 13  [14] 14  [15] 15" in second
        assert "[1] " not in second  # [1] would have meant row 1 on the first page
        row = re.search(r"^12\. (.+?) — ", second, re.MULTILINE)
        assert row is not None, second
        await session.chat.handle("12")  # typing a row's number opens that row
        opened = output.getvalue()[len(first) + len(second) :]
    assert opened.startswith("✎ (edited)\n")
    assert row.group(1) in opened.splitlines()[1]


async def test_live_on_in_the_demo_shows_the_next_conversion(tmp_path: Path) -> None:
    """The demo's tracker makes live traffic; after "/live on" the next conversion reaches
    the terminal once, with its click id."""
    output = io.StringIO()
    async with open_demo(tmp_path / "f", "en", output, tick=0.05) as demo:
        demo.scheduler.live.every = timedelta(seconds=0.2)
        assert await demo.chat.connect(demo.sandbox)
        await demo.chat.send("/live on")
        assert "Live feed" in output.getvalue() or "live" in output.getvalue().lower()
        await asyncio.sleep(0.5)  # the first poll sets out from "now"
        sale = demo.sandbox.inject(campaign_id=1, status="sale", revenue=45.0)
        for _ in range(100):
            if sale.click.sub_id in output.getvalue():
                break
            await asyncio.sleep(0.05)
        shown = output.getvalue()
        assert shown.count(sale.click.sub_id) == 1, shown[-2000:]
        assert "Sale +$45.00" in shown


async def test_the_demo_fires_the_cap_domain_and_tracker_down_alerts(tmp_path: Path) -> None:
    """In the demo, "/alert ..." makes the rules and "!..." lines play the sandbox's
    switches: the cap, domain and tracker-down alerts arrive in the terminal."""
    output = io.StringIO()
    async with open_demo(tmp_path / "f", "en", output, tick=0.05) as demo:
        assert await demo.chat.connect(demo.sandbox)
        for line in ("/alert down 1m", "/alert cap 90%", "/alert domains 7d"):
            await demo.chat.handle(line)
        assert "Rule #3" in output.getvalue() or output.getvalue().count("/alert ") >= 3
        conversion = demo.sandbox.inject(campaign_id=1, status="lead")
        for line in (f"!near_cap {conversion.click.offer_id} 0", "!domain_trouble 1 ssl"):
            await demo.chat.handle(line)
        assert "🎬 near_cap" in output.getvalue() and "🎬 domain_trouble" in output.getvalue()
        await demo.scheduler.alerts.run_once()
        shown = output.getvalue()
        assert "of the cap" in shown and "SSL is not issued" in shown
        await demo.chat.handle("!down revoked")
        await demo.scheduler.alerts.run_once()
        demo.services.clock = demo.scheduler.clock = _later(demo.scheduler.clock, minutes=2)
        await demo.scheduler.alerts.run_once()
        assert "does not answer" in output.getvalue()
        await demo.chat.handle("!")
        assert "Sandbox scenarios" in output.getvalue()


def _later(clock: Any, *, minutes: float) -> Any:
    moment = clock() + timedelta(minutes=minutes)
    return lambda: moment
