"""Photos from children: checked by content, re-encoded without metadata, stored by random name."""

from __future__ import annotations

import io
import re
import warnings

from sqlmodel import Session

from models.files import storage
from models.i18n import N_
from models.refusals import Invalid

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 24_000_000
MAX_SIDE = 2048
_MAGIC = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG"}
_NAME = re.compile(r"^[0-9a-f]{32}\.jpg$")


class PhotoRejected(Invalid):
    """A file that is not a photo we accept, with a reason a child can read."""


def _kind(data: bytes) -> str:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    raise PhotoRejected(N_("只能上传 JPG 或 PNG 照片。"))


def clean_photo(data: bytes) -> bytes:
    """A JPEG re-encoded from the pixels alone: no EXIF, no GPS, no hidden payload."""
    from PIL import Image, ImageOps  # loaded on the first photo, not by every process

    if len(data) > MAX_BYTES:
        raise PhotoRejected(N_("照片太大了，请小于 5MB。"))
    kind = _kind(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format != kind:
                raise PhotoRejected(N_("只能上传 JPG 或 PNG 照片。"))
            if image.width * image.height > MAX_PIXELS:
                raise PhotoRejected(N_("照片像素太多了，请换一张。"))
            image = ImageOps.exif_transpose(image)
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            pixels = image.convert("RGB")
    except (Image.DecompressionBombWarning, Image.DecompressionBombError, OSError,
            SyntaxError, ValueError) as error:
        if isinstance(error, PhotoRejected):
            raise
        raise PhotoRejected(N_("这张照片打不开，请换一张。")) from error
    out = io.BytesIO()
    pixels.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()


def store_photo(session: Session, data: bytes) -> str:
    """Clean a photo and add it to the stored files; return its generated name."""
    return storage.put(session, clean_photo(data), extension="jpg", content_type="image/jpeg")


def photo_bytes(session: Session, name: str | None) -> bytes | None:
    """A stored photo's bytes; None for a missing photo or a name we never generate."""
    if not _NAME.match(name or ""):
        return None
    return storage.read(session, name)


def delete_photo(session: Session, name: str | None) -> None:
    """Delete a photo with the caller's transaction."""
    if name and _NAME.match(name):
        storage.remove(session, [name])
