"""Encrypted backup files, written and read as streams (a database dump can be larger than
the memory of the machine).

A file is ``MAGIC`` followed by chunks of at most ``CHUNK_BYTES`` each, every one a Fernet
token (AES-128-CBC with HMAC-SHA256, ``cryptography``) preceded by its length (4 bytes). The
plaintext of a chunk starts with its number (8 bytes) and whether it is the last (1 byte),
so a file with chunks left out, swapped or cut off is refused, not restored in part.
The key is a Fernet key (``BACKUP_ENCRYPTION_KEY``; make one with
``python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"``).
"""

import io
import struct

from cryptography.fernet import Fernet, InvalidToken

MAGIC = b"KENNISPLATFORM-BACKUP-1\n"
CHUNK_BYTES = 1024 * 1024
HEADER = struct.Struct(">QB")  # chunk number, last chunk
LENGTH = struct.Struct(">I")


class EncryptionError(Exception):
    pass


def fernet(key):
    try:
        return Fernet(key)
    except (ValueError, TypeError) as error:
        raise EncryptionError(
            "BACKUP_ENCRYPTION_KEY is not a valid key (32 url-safe base64-encoded bytes)."
        ) from error


def is_encrypted(path):
    with open(path, "rb") as file:
        return file.read(len(MAGIC)) == MAGIC


class EncryptingWriter(io.RawIOBase):
    """A write-only stream that encrypts what is written to it into ``raw`` (which it does
    not close). ``close()`` writes the last chunk: use it as a context manager."""

    def __init__(self, raw, key):
        super().__init__()
        self.raw = raw
        self.pending = bytearray()
        self.number = 0
        self.fernet = None
        self.fernet = fernet(key)
        raw.write(MAGIC)

    def writable(self):
        return True

    def write(self, data):
        self.pending += data
        while len(self.pending) > CHUNK_BYTES:
            self._write_chunk(bytes(self.pending[:CHUNK_BYTES]), last=False)
            del self.pending[:CHUNK_BYTES]
        return len(data)

    def _write_chunk(self, data, last):
        token = self.fernet.encrypt(HEADER.pack(self.number, last) + data)
        self.raw.write(LENGTH.pack(len(token)) + token)
        self.number += 1

    def close(self):
        if not self.closed and self.fernet is not None:
            self._write_chunk(bytes(self.pending), last=True)
            self.pending.clear()
        super().close()


class DecryptingReader(io.RawIOBase):
    """A read-only stream of the plaintext of an encrypted file ``raw``."""

    def __init__(self, raw, key):
        super().__init__()
        self.raw = raw
        self.fernet = fernet(key)
        self.pending = bytearray()
        self.number = 0
        self.finished = False
        if raw.read(len(MAGIC)) != MAGIC:
            raise EncryptionError("This file is not an encrypted backup file.")

    def readable(self):
        return True

    def readinto(self, buffer):
        while not self.pending and not self.finished:
            self._read_chunk()
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        del self.pending[:size]
        return size

    def _read_chunk(self):
        length = self.raw.read(LENGTH.size)
        if len(length) < LENGTH.size:
            raise EncryptionError("The encrypted file ends early: the backup is incomplete.")
        token = self.raw.read(LENGTH.unpack(length)[0])
        try:
            plaintext = self.fernet.decrypt(token)
        except InvalidToken as error:
            raise EncryptionError(
                "The backup cannot be decrypted: wrong BACKUP_ENCRYPTION_KEY, or a damaged file."
            ) from error
        number, last = HEADER.unpack_from(plaintext)
        if number != self.number:
            raise EncryptionError("The encrypted file's chunks are out of order: damaged file.")
        self.number += 1
        self.finished = bool(last)
        self.pending += plaintext[HEADER.size :]
