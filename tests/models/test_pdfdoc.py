"""Chinese PDFs: the font is found wherever it lives, or the export says plainly what is missing."""

import os
import shutil
import sys

import pytest

from models.files import pdfdoc

NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


@pytest.fixture(autouse=True)
def fresh_search(monkeypatch):
    monkeypatch.delenv("TONGSHENG_CJK_FONT", raising=False)
    pdfdoc.find_font.cache_clear()
    yield
    pdfdoc.find_font.cache_clear()


def _nowhere(monkeypatch):
    monkeypatch.setattr(pdfdoc, "KNOWN", [])
    monkeypatch.setattr(pdfdoc, "FOLDERS", [])


def test_the_simplified_chinese_face_of_a_collection_is_chosen():
    if not os.path.exists(NOTO):
        pytest.skip("fonts-noto-cjk is not installed")
    assert pdfdoc.find_font() == pdfdoc.Font(NOTO, 2)


def test_a_font_in_an_unusual_folder_is_found_by_scanning(monkeypatch, tmp_path):
    if not os.path.exists(NOTO):
        pytest.skip("fonts-noto-cjk is not installed")
    shutil.copy(NOTO, tmp_path / "NotoSansCJK-Regular.ttc")
    _nowhere(monkeypatch)
    monkeypatch.setattr(pdfdoc, "FOLDERS", [str(tmp_path)])
    assert pdfdoc.find_font().path == str(tmp_path / "NotoSansCJK-Regular.ttc")


def test_without_a_chinese_font_the_export_says_what_to_install(monkeypatch):
    _nowhere(monkeypatch)
    with pytest.raises(pdfdoc.FontMissing, match="fonts-noto-cjk"):
        pdfdoc.new_pdf("会议纪要")


def test_a_latin_only_font_does_not_count(monkeypatch, tmp_path):
    latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not os.path.exists(latin):
        pytest.skip("DejaVu is not installed")
    shutil.copy(latin, tmp_path / "fake-cjk.ttf")
    _nowhere(monkeypatch)
    monkeypatch.setattr(pdfdoc, "FOLDERS", [str(tmp_path)])
    with pytest.raises(pdfdoc.FontMissing):
        pdfdoc.find_font()


def test_a_wrong_font_setting_is_named_in_the_message(monkeypatch, tmp_path):
    monkeypatch.setenv("TONGSHENG_CJK_FONT", str(tmp_path / "missing.ttf"))
    with pytest.raises(pdfdoc.FontMissing, match="TONGSHENG_CJK_FONT"):
        pdfdoc.find_font()


@pytest.mark.skipif(not os.path.exists(NOTO), reason="no Noto CJK font on this machine")
def test_a_pdf_is_drawn_apart_and_the_web_process_never_reads_the_font(monkeypatch):
    """fpdf's read of a CJK font grew a web worker by 229 MB (70 MB kept after one PDF):
    the PDF is drawn by a child process, so this one loads neither fpdf nor fontTools."""
    for name in ("fpdf", "fontTools", "fontTools.ttLib"):
        monkeypatch.setitem(sys.modules, name, None)  # any import of them now fails
    made = pdfdoc.render("会议纪要", [("操场的篮球架坏了", 11)])
    assert made.startswith(b"%PDF-") and len(made) > 1000
