"""Secrets at rest: AES-GCM bound to owner and purpose; the master key and its key file."""

from __future__ import annotations

import base64
import logging
import os
import stat
from pathlib import Path

import pytest

from storage import Cipher, CipherError, MasterKeyError, generate_key, load_master_key
from storage.crypto import decode_key, key_file_path

SECRET = "sandbox-admin-key-7d1f0c9e2b4a6583"


@pytest.fixture
def cipher() -> Cipher:
    return Cipher(os.urandom(32))


def test_round_trip_with_a_fresh_nonce_each_time(cipher: Cipher) -> None:
    first = cipher.encrypt(SECRET, owner_id=1, purpose="api_key")
    second = cipher.encrypt(SECRET, owner_id=1, purpose="api_key")
    assert first != second
    assert SECRET.encode() not in first
    assert cipher.decrypt(first, owner_id=1, purpose="api_key") == SECRET
    assert cipher.decrypt(second, owner_id=1, purpose="api_key") == SECRET


def test_unicode_round_trip(cipher: Cipher) -> None:
    blob = cipher.encrypt("ключ-🔑", owner_id=5, purpose="postback_key")
    assert cipher.decrypt(blob, owner_id=5, purpose="postback_key") == "ключ-🔑"


@pytest.mark.parametrize(
    ("owner_id", "purpose"), [(2, "api_key"), (1, "postback_key"), (-1, "api_key")]
)
def test_another_owner_or_purpose_cannot_decrypt(
    cipher: Cipher, owner_id: int, purpose: str
) -> None:
    blob = cipher.encrypt(SECRET, owner_id=1, purpose="api_key")
    with pytest.raises(CipherError) as caught:
        cipher.decrypt(blob, owner_id=owner_id, purpose=purpose)
    assert caught.value.reason == "mismatch"
    assert SECRET not in str(caught.value)


def test_a_different_master_key_is_named_as_such(cipher: Cipher) -> None:
    blob = cipher.encrypt(SECRET, owner_id=1, purpose="api_key")
    with pytest.raises(CipherError, match="different master key") as caught:
        Cipher(os.urandom(32)).decrypt(blob, owner_id=1, purpose="api_key")
    assert caught.value.reason == "wrong_key"
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("position", [0, 3, 10, -1])
def test_altered_bytes_are_refused(cipher: Cipher, position: int) -> None:
    blob = bytearray(cipher.encrypt(SECRET, owner_id=1, purpose="api_key"))
    blob[position] ^= 0x01
    with pytest.raises(CipherError):
        cipher.decrypt(bytes(blob), owner_id=1, purpose="api_key")


@pytest.mark.parametrize("blob", [b"", b"\x01short", b"gAAAAABfernet-token-looking-thing-" * 2])
def test_foreign_formats_are_refused(cipher: Cipher, blob: bytes) -> None:
    with pytest.raises(CipherError) as caught:
        cipher.decrypt(blob, owner_id=1, purpose="api_key")
    assert caught.value.reason == "format"


def test_cipher_repr_hides_the_key() -> None:
    key = os.urandom(32)
    text = repr(Cipher(key))
    assert key.hex() not in text and base64.urlsafe_b64encode(key).decode() not in text


def test_bad_arguments_are_programming_errors(cipher: Cipher) -> None:
    with pytest.raises(ValueError, match="purpose"):
        cipher.encrypt(SECRET, owner_id=1, purpose="api key: x")
    with pytest.raises(TypeError):
        cipher.encrypt(SECRET, owner_id="1", purpose="api_key")  # type: ignore[arg-type]
    with pytest.raises(MasterKeyError):
        Cipher(b"short")


# --- the master key -------------------------------------------------------------------


def test_secret_key_in_fernet_format_is_accepted(tmp_path: Path) -> None:
    text = generate_key()
    key, note = load_master_key(text, tmp_path / "bot.sqlite3")
    assert key == base64.urlsafe_b64decode(text) and len(key) == 32
    assert "SECRET_KEY" in note and text not in note
    assert not key_file_path(tmp_path / "bot.sqlite3").exists()


def test_a_real_fernet_key_is_accepted(tmp_path: Path) -> None:
    fernet = pytest.importorskip("cryptography.fernet")
    text = fernet.Fernet.generate_key().decode()
    key, _ = load_master_key(f"  {text}\n", tmp_path / "bot.sqlite3")
    assert len(key) == 32


@pytest.mark.parametrize(
    "bad",
    [
        "changeme",
        "0" * 64,  # hex, not base64
        base64.urlsafe_b64encode(os.urandom(16)).decode(),  # too short
        base64.urlsafe_b64encode(os.urandom(48)).decode(),  # too long
        "!" * 44,
    ],
)
def test_a_wrong_secret_key_is_refused_with_how_to_generate_one(tmp_path: Path, bad: str) -> None:
    with pytest.raises(MasterKeyError) as caught:
        load_master_key(bad, tmp_path / "bot.sqlite3")
    message = str(caught.value)
    assert "SECRET_KEY" in message
    assert "Fernet.generate_key()" in message and "python -c" in message
    assert bad not in message


def test_key_file_is_created_with_mode_0600_and_reused(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "bot.sqlite3"
    key, note = load_master_key(None, db_path)
    key_file = tmp_path / "data" / "bot.sqlite3.key"
    assert key_file.exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "generated a new key file" in note and str(key_file) in note
    assert "cannot be read" in note
    assert decode_key(key_file.read_text()) == key

    again, note_again = load_master_key("", db_path)  # an empty SECRET_KEY means "not set"
    assert again == key
    assert "generated" not in note_again


def test_a_key_file_readable_by_others_is_tightened_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db_path = tmp_path / "bot.sqlite3"
    key, _ = load_master_key(None, db_path)
    key_file = key_file_path(db_path)
    key_file.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="storage.crypto"):
        again, note = load_master_key(None, db_path)
    assert again == key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "warning" in note and "600" in note
    assert any("readable by other users" in record.getMessage() for record in caplog.records)


def test_a_damaged_key_file_is_refused_not_replaced(tmp_path: Path) -> None:
    db_path = tmp_path / "bot.sqlite3"
    key_file = key_file_path(db_path)
    key_file.write_text("not a key\n")
    key_file.chmod(0o600)
    with pytest.raises(MasterKeyError, match="backup"):
        load_master_key(None, db_path)
    assert key_file.read_text() == "not a key\n"


def test_secret_key_wins_over_a_key_file_and_says_so(tmp_path: Path) -> None:
    db_path = tmp_path / "bot.sqlite3"
    from_file, _ = load_master_key(None, db_path)
    text = generate_key()
    key, note = load_master_key(text, db_path)
    assert key != from_file
    assert "ignored" in note


def test_in_memory_database_keeps_its_key_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    key, note = load_master_key(None, ":memory:")
    assert len(key) == 32 and "memory" in note
    assert list(tmp_path.iterdir()) == []
