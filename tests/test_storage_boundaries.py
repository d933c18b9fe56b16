"""storage/ knows nothing of Telegram, HTTP or the Keitaro client (DESIGN.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

STORAGE = Path(__file__).resolve().parent.parent / "storage"
FORBIDDEN = ("bot", "keitaro", "aiogram", "httpx")
FSM_MODULE = "fsm.py"  # the FSM storage implements aiogram's BaseStorage, nothing else may


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_storage_imports_no_other_layer() -> None:
    for path in sorted(STORAGE.glob("*.py")):
        allowed = {"aiogram"} if path.name == FSM_MODULE else set()
        leaked = (imported_roots(path) & set(FORBIDDEN)) - allowed
        assert not leaked, f"{path.name} imports {sorted(leaked)}"


def test_import_storage_does_not_load_aiogram() -> None:
    code = (
        "import sys, storage; "
        "assert not [m for m in sys.modules if m.split('.')[0] in ('aiogram', 'keitaro', 'bot')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=STORAGE.parent)  # noqa: S603


def test_database_storage_is_exported_lazily() -> None:
    import storage
    from storage.fsm import DatabaseStorage

    assert storage.DatabaseStorage is DatabaseStorage
