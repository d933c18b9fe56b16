"""Secrets at rest: tracker API keys and postback keys, encrypted before they reach SQLite.

Why AES-GCM with the owner's id as associated data, and not Fernet: Fernet authenticates the
ciphertext but not where it sits, so a ciphertext copied from one user's tracker row into
another user's row (a bug, a careless migration, a crafted backup restore) would decrypt and
hand user A's tracker key to user B. With AES-GCM every ciphertext is bound to
``owner id + purpose`` through the associated data: the same bytes decrypt only for the
owner and the purpose ("api_key", "postback_key") they were written for, and fail with
`CipherError` anywhere else. The tracker's own id is not bound because it is unknown until the
row is inserted; swapping ciphertexts between one owner's own trackers gains that owner
nothing.

Blob layout (version 1)::

    0x01 | key id (4 bytes) | nonce (12 random bytes) | ciphertext + 16-byte tag

The version byte lets a later format coexist with this one. The key id is an HMAC of the
master key (it reveals nothing about it) and lets decryption say "encrypted under a different
master key" instead of a vague failure. Header bytes are part of the associated data.

The master key comes from ``SECRET_KEY`` (32 bytes, URL-safe base64: what
``Fernet.generate_key()`` prints, so existing deployment habits carry over) or from a key file
``<database>.key`` generated with mode 0600 on first start.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
import stat
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from storage.db import MEMORY
from storage.errors import CipherError, MasterKeyError

logger = logging.getLogger(__name__)

KEY_BYTES = 32
NONCE_BYTES = 12
KEY_ID_BYTES = 4
VERSION = 1
HEADER_BYTES = 1 + KEY_ID_BYTES
MIN_BLOB_BYTES = HEADER_BYTES + NONCE_BYTES + 16

GENERATE_HINT = (
    "generate one with: "
    'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
)
_KEY_TEXT = re.compile(r"[A-Za-z0-9_-]{43}=?")
_PURPOSE = re.compile(r"[a-z][a-z_]*")


def generate_key() -> str:
    """A new master key as text, in the format `SECRET_KEY` and the key file use."""
    return base64.urlsafe_b64encode(os.urandom(KEY_BYTES)).decode("ascii")


def decode_key(text: str, *, source: str = "SECRET_KEY") -> bytes:
    """Turn key text into 32 bytes, or raise `MasterKeyError` naming `source` (never the text)."""
    cleaned = text.strip()
    if not _KEY_TEXT.fullmatch(cleaned):
        raise MasterKeyError(
            f"{source} is not a valid key: it must be 32 random bytes in URL-safe base64 "
            f"(44 characters, got {len(cleaned)}); {GENERATE_HINT}"
        )
    return base64.urlsafe_b64decode(cleaned.rstrip("=") + "=")


def key_id(key: bytes) -> bytes:
    """A short, non-secret fingerprint of a master key."""
    return hmac.new(key, b"keitaro-bot storage key id", hashlib.sha256).digest()[:KEY_ID_BYTES]


class Cipher:
    """Encrypts and decrypts short secrets bound to an owner and a purpose."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise MasterKeyError(f"the master key must be {KEY_BYTES} bytes; {GENERATE_HINT}")
        self._aead = AESGCM(key)
        self._header = bytes([VERSION]) + key_id(key)
        # a key of its own for tokens, so no token is ever computed with the AES key
        self._token_key = hmac.new(key, b"keitaro-bot tokens", hashlib.sha256).digest()

    def __repr__(self) -> str:
        return f"Cipher(key_id={self._header[1:].hex()})"

    def encrypt(self, plaintext: str, *, owner_id: int, purpose: str) -> bytes:
        context = self._context(owner_id, purpose)
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext.encode("utf-8"), self._header + context)
        return self._header + nonce + sealed

    def decrypt(self, blob: bytes, *, owner_id: int, purpose: str) -> str:
        context = self._context(owner_id, purpose)
        data = bytes(blob) if isinstance(blob, bytes | bytearray | memoryview) else b""
        if len(data) < MIN_BLOB_BYTES or data[0] != VERSION:
            raise CipherError(
                f"the stored {purpose} is not in a format this version understands "
                "(damaged, or written by other software)",
                reason="format",
            )
        header = data[:HEADER_BYTES]
        if not hmac.compare_digest(header, self._header):
            raise CipherError(
                f"the stored {purpose} was encrypted with a different master key: SECRET_KEY "
                "or the key file changed since it was saved; restore the old key, or connect "
                "the tracker again",
                reason="wrong_key",
            )
        nonce = data[HEADER_BYTES : HEADER_BYTES + NONCE_BYTES]
        sealed = data[HEADER_BYTES + NONCE_BYTES :]
        try:
            plain = self._aead.decrypt(nonce, sealed, header + context)
        except InvalidTag:
            raise CipherError(
                f"the stored {purpose} does not belong to this owner, or it was altered",
                reason="mismatch",
            ) from None
        return plain.decode("utf-8")

    def token(self, purpose: str, *parts: object) -> str:
        """A secret the master key alone can derive again (43 URL-safe characters): every
        process sharing SECRET_KEY computes the same one, and nothing needs storing."""
        message = "|".join([purpose, *map(str, parts)]).encode("utf-8")
        digest = hmac.new(self._token_key, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")

    @staticmethod
    def _context(owner_id: int, purpose: str) -> bytes:
        """The associated data after the header: what this ciphertext is bound to."""
        if isinstance(owner_id, bool) or not isinstance(owner_id, int):
            raise TypeError("owner_id must be an int")
        if not _PURPOSE.fullmatch(purpose):
            raise ValueError(f"purpose must be a lowercase identifier, got {purpose!r}")
        return f"|{owner_id}|{purpose}".encode("ascii")


def key_file_path(db_path: str | Path) -> Path:
    """Where the generated master key lives: next to the database, ``<db_path>.key``."""
    return Path(f"{db_path}.key")


def load_master_key(secret_key: str | None, db_path: str | Path) -> tuple[bytes, str]:
    """Return the master key and a note for the caller to log.

    `SECRET_KEY` wins when given (an empty string counts as not given); otherwise the key
    file beside the database is read, or created with mode 0600. For an in-memory database
    the key lives in memory too. Raises `MasterKeyError` with a message saying what to do.
    """
    key_file = key_file_path(db_path)
    if secret_key and secret_key.strip():
        key = decode_key(secret_key, source="SECRET_KEY")
        note = "master key: SECRET_KEY"
        if str(db_path) != MEMORY and key_file.exists():
            note += f" (the key file {key_file} is ignored while SECRET_KEY is set)"
        return key, note
    if str(db_path) == MEMORY:
        return os.urandom(KEY_BYTES), (
            "master key: generated in memory for the in-memory database; "
            "stored API keys last as long as the process"
        )
    try:
        return _create_key_file(key_file)
    except FileExistsError:
        return _read_key_file(key_file)


def _create_key_file(key_file: Path) -> tuple[bytes, str]:
    key_file.parent.mkdir(parents=True, exist_ok=True)
    text = generate_key()
    # O_EXCL: never overwrite (or follow a planted symlink to) an existing file; 0o600 from
    # the first byte, not chmod after writing.
    descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(text + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return decode_key(text), (
        f"generated a new key file at {key_file}, keep it with the database: "
        "without it the stored API keys cannot be read"
    )


def _read_key_file(key_file: Path) -> tuple[bytes, str]:
    source = f"the key file {key_file}"
    try:
        mode = stat.S_IMODE(key_file.stat().st_mode)
        text = key_file.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as error:
        raise MasterKeyError(f"cannot read {source}: {type(error).__name__}") from None
    try:
        key = decode_key(text, source=source)
    except MasterKeyError:
        raise MasterKeyError(
            f"{source} does not hold a valid key (32 bytes in URL-safe base64). Restore it "
            "from a backup; deleting it makes the stored API keys unreadable"
        ) from None
    note = f"master key: {key_file}"
    if mode & 0o077:
        os.chmod(key_file, 0o600)
        warning = (
            f"warning: the key file {key_file} was readable by other users "
            f"(mode {mode:o}); its mode is now 600"
        )
        logger.warning(warning)
        note = f"{note}; {warning}"
    return key, note
