"""Photos are checked by content, re-encoded and stripped of location data."""

import io

import pytest
from PIL import Image

from models.files.photos import PhotoRejected, clean_photo, photo_bytes, store_photo


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), "orange")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (31.0, 46.0, 0.0), 3: "E", 4: (119.0, 57.0, 0.0)}
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_gps_tagged_photo_is_stored_without_gps(session):
    original = _jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    name = store_photo(session, original)
    session.commit()
    stored = Image.open(io.BytesIO(photo_bytes(session, name)))
    assert not stored.getexif().get_ifd(0x8825) and not stored.getexif()
    assert stored.size == (64, 48)


def test_a_php_file_renamed_jpg_is_refused():
    with pytest.raises(PhotoRejected, match="JPG 或 PNG"):
        clean_photo(b"<?php system($_GET['c']); ?>")


def test_svg_is_refused():
    with pytest.raises(PhotoRejected):
        clean_photo(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')


def test_decompression_bomb_is_refused():
    bomb = io.BytesIO()
    Image.new("1", (20000, 20000)).save(bomb, format="PNG")
    with pytest.raises(PhotoRejected, match="像素太多|打不开"):
        clean_photo(bomb.getvalue())


def test_too_large_file_is_refused():
    with pytest.raises(PhotoRejected, match="5MB"):
        clean_photo(b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024))


@pytest.mark.parametrize("name", ["../secret_key", "a.jpg", "/etc/passwd", "", None])
def test_only_generated_names_can_be_served(session, name):
    assert photo_bytes(session, name) is None
