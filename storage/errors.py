"""Errors the storage layer raises, so callers can tell them apart without parsing messages."""

from __future__ import annotations


class StorageError(Exception):
    """Base class of every error raised by `storage`."""


class MigrationError(StorageError):
    """The schema could not be brought up to date (or is newer than this code knows)."""


class MasterKeyError(StorageError, ValueError):
    """The master key (SECRET_KEY or the key file) is missing, malformed or unreadable."""


class CipherError(StorageError):
    """A stored secret cannot be decrypted.

    The message says why in words a log reader can act on; it never contains the plaintext,
    the ciphertext or any key material. `reason` is a short code for callers that translate:
    ``"format"`` (not a blob this code wrote), ``"wrong_key"`` (encrypted under another master
    key) or ``"mismatch"`` (another owner or purpose, or the bytes were altered).
    """

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class TrackerNameTaken(StorageError, ValueError):
    """Another tracker of the same owner already has this name (raised by a rename)."""


class ConstraintError(StorageError):
    """The schema refused a write (a foreign key, a unique key, a trigger), on either engine."""
