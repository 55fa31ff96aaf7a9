"""What a backup holds besides the database: the instance secret (when the site keeps one
in instance/), packed as one tar archive with a SHA-256 per file.

Photos and attachments live in the database since revision 0006 (``models.files.storage``), so the
dump carries them. Backups taken before that also hold photos/… and attachments/… files; a
restore puts those back into the old folders, from which the upgrade to 0006 copies them in.
Only this module knows which files live outside the database.
"""

from __future__ import annotations

import hashlib
import io
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

from models.common import write_durably

SECRET = "secret_key"
_MEMBER = re.compile(r"(?:photos|attachments)/[A-Za-z0-9][A-Za-z0-9_.-]{0,120}")


class BackupError(RuntimeError):
    """A backup or restore that must not be trusted, with the reason."""


@dataclass(frozen=True)
class Places:
    """Where an instance keeps what its database does not: its secret, and the upload
    folders that files from a backup older than revision 0006 go back to."""

    photos: Path
    attachments: Path
    secret: Path


def gather_files(places: Places | None) -> dict[str, bytes]:
    """Every file a restore needs besides the database, by archive name: the instance
    secret, if this instance keeps one (with TONGSHENG_SECRET_KEY it keeps none)."""
    if places is None or not Path(places.secret).is_file():
        return {}
    return {SECRET: Path(places.secret).read_bytes()}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pack(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o600
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def unpack(data: bytes) -> dict[str, bytes]:
    """The archive's regular files by name; nothing is extracted to disk here."""
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        return {member.name: archive.extractfile(member).read()
                for member in archive.getmembers() if member.isfile()}


def known_name(name: str) -> bool:
    """A name a backup writes: the secret, or a plain file name under photos/ or attachments/."""
    return name == SECRET or _MEMBER.fullmatch(name) is not None


def _file_target(name: str, places: Places) -> Path:
    """Where an archived file goes back; a name we never write is refused."""
    if not known_name(name):
        raise BackupError(f"unexpected file in the backup: {name[:80]}")
    if name == SECRET:
        return Path(places.secret)
    kind, _slash, base = name.partition("/")
    return Path(getattr(places, kind)) / base


def restore_files(files: dict[str, bytes], places: Places) -> int:
    """Put photos, attachments and the instance secret back, then read each one back
    against its hash; returns how many files were written."""
    targets = {name: _file_target(name, places) for name in files}
    for name, data in files.items():
        write_durably(targets[name], data)
        if name == SECRET:
            targets[name].chmod(0o600)
    if any(sha256(targets[name].read_bytes()) != sha256(data) for name, data in files.items()):
        raise BackupError("a restored file differs from the backup")
    return len(files)
