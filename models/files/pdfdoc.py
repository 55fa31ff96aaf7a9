"""Chinese PDFs: find a CJK font wherever the system keeps one, or say plainly that none is there.

Looked for, in order: the TONGSHENG_CJK_FONT variable (a path, optionally ``path#index``
for a collection), the usual Debian/Ubuntu/Fedora/macOS places, then any font file under the
system font folders whose name suggests CJK. A candidate counts only if it really has glyphs
for common Chinese characters; in a collection the Simplified Chinese face is preferred.
"""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models.i18n import N_

KNOWN = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
         "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
         "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
         "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
         "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
         "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
         "/usr/share/fonts/truetype/arphic/uming.ttc",
         "/System/Library/Fonts/PingFang.ttc",
         "/System/Library/Fonts/STHeiti Medium.ttc"]
FOLDERS = ["/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
           "/Library/Fonts", "/System/Library/Fonts"]
HINTS = ("cjk", "wqy", "sourcehan", "notosanssc", "notoserifsc", "simhei", "simsun",
         "pingfang", "heiti", "uming", "ukai", "droidsansfallback", "msyh")
SUFFIXES = {".ttc", ".ttf", ".otf", ".otc"}
PROBE = "童声会议纪要观察报告"
MISSING = 3  # the exit status of ``pdf_apart`` when it finds no Chinese font
NO_FONT = (N_("服务器上没有找到中文字体，暂时不能导出 PDF（可以先导出 Word）。"
           "请管理员安装 fonts-noto-cjk，或用 TONGSHENG_CJK_FONT 指定一个中文字体文件。"))


class FontMissing(RuntimeError):
    """No usable Chinese font: a PDF would show empty boxes, so none is made."""


@dataclass(frozen=True)
class Font:
    path: str
    index: int


def _faces(path: Path):
    """(index, font) for each face of a file; a collection has several."""
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() in (".ttc", ".otc"):
        return list(enumerate(TTCollection(str(path), lazy=True).fonts))
    return [(0, TTFont(str(path), lazy=True))]


def _usable(path: Path, wanted: int | None = None) -> Font | None:
    """The best face of this file that draws Chinese, Simplified Chinese first."""
    try:
        faces = _faces(path)
    except Exception:  # a broken or unreadable font file is simply not a candidate
        return None
    good = []
    for index, face in faces:
        if wanted is not None and index != wanted:
            continue
        cmap = face.getBestCmap() or {}
        if all(ord(char) in cmap for char in PROBE):
            name = (face["name"].getDebugName(4) or "") if "name" in face else ""
            good.append((("SC" not in name and "GB" not in name, "Mono" in name), index))
    return Font(str(path), min(good)[1]) if good else None


def _explicit() -> Font | None:
    setting = os.environ.get("TONGSHENG_CJK_FONT", "").strip()
    if not setting:
        return None
    path, _, index = setting.partition("#")
    found = _usable(Path(path).expanduser(), int(index) if index.isdigit() else None)
    if found is None:
        raise FontMissing(N_("TONGSHENG_CJK_FONT 指定的字体 %(path)s 打不开或没有中文字形。")
                          % {"path": path})
    return found


def _scanned(folders: list[str]):
    for folder in folders:
        root = Path(folder).expanduser()
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() in SUFFIXES and any(h in path.name.lower() for h in HINTS):
                yield path


@lru_cache(maxsize=1)
def find_font() -> Font:
    """A font that draws Chinese, or FontMissing with what to install."""
    explicit = _explicit()
    if explicit is not None:
        return explicit
    candidates = [Path(p) for p in KNOWN if Path(p).is_file()]
    for path in [*candidates, *_scanned(FOLDERS)]:
        found = _usable(path)
        if found is not None:
            return found
    raise FontMissing(NO_FONT)


def new_pdf(title: str):
    """An A4 page with the Chinese font set and the title written."""
    from fpdf import FPDF

    font = find_font()
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    pdf.add_font("cjk", fname=font.path, collection_font_number=font.index)
    pdf.set_font("cjk", size=16)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=11)
    return pdf


def line(pdf, text: str, size: int = 11) -> None:
    pdf.set_font("cjk", size=size)
    pdf.multi_cell(0, 7, text or " ", new_x="LMARGIN", new_y="NEXT")


def draw(title: str, items: list, known: list[str], folders: list[str]) -> bytes:
    """The PDF of a title and items: (text, size) lines or (image bytes, width in mm); the
    font is looked for in ``known`` and ``folders``."""
    global KNOWN, FOLDERS
    KNOWN, FOLDERS = known, folders
    pdf = new_pdf(title)
    for first, second in items:
        if isinstance(first, bytes):
            pdf.image(io.BytesIO(first), w=second)
        else:
            line(pdf, first, size=second)
    return bytes(pdf.output())


def render(title: str, items: list) -> bytes:
    """``draw`` in a child process; FontMissing when it finds no Chinese font.

    fpdf reads the whole CJK font to embed its subset (and finding the font reads its
    character maps): a web worker grew by 229 MB at the peak and kept about 70 MB of it
    after one PDF. The child gives all of it back when it ends.
    """
    done = subprocess.run([sys.executable, "-m", "models.files.pdf_apart"],
                          input=pickle.dumps((title, items, KNOWN, FOLDERS)),
                          capture_output=True, check=False, timeout=300)
    if done.returncode == MISSING:
        raise FontMissing(done.stdout.decode("utf-8"))
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode("utf-8", "replace")[-2000:])
    return done.stdout
