"""The terminal demo, read the way a person reads it: scripted lines in, printed chat out."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.demo import DEMO_USER_ID, TerminalDecoration, open_demo, readable_text, run_demo
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
    shown = await demo(tmp_path, ["2", "13", "quit"])  # Campaigns → ⋯ Details
    saved = sorted((tmp_path / "files").iterdir())
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
