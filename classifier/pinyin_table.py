"""Write classifier/data/hanzi_pinyin.txt: every common hanzi's toneless readings.

The table is made once from pypinyin (`python -m classifier.pinyin_table`) and shipped, so a
process that classifies never loads pypinyin's dictionaries (about 55 MB). The first reading
on each line is the one pypinyin gives a lone character.
"""

from pathlib import Path

TABLE = Path(__file__).parent / "data" / "hanzi_pinyin.txt"
FIRST, LAST = 0x4E00, 0x9FFF


def readings(char: str) -> list[str]:
    """pypinyin's toneless readings of one character, its default reading first (ü as v)."""
    from pypinyin import Style, lazy_pinyin, pinyin

    first = lazy_pinyin(char, style=Style.NORMAL, v_to_u=False)[0]
    others = pinyin(char, style=Style.NORMAL, heteronym=True, v_to_u=False)[0]
    ordered = [first] + [r for r in others if r != first]
    return [r.replace("ü", "v") for r in dict.fromkeys(ordered) if r.isascii() and r.isalpha()]


def build() -> list[str]:
    """One 'char reading reading…' line per character pypinyin can read."""
    lines = []
    for code in range(FIRST, LAST + 1):
        char = chr(code)
        found = readings(char)
        if found:
            lines.append(" ".join([char, *found]))
    return lines


if __name__ == "__main__":
    TABLE.write_text("\n".join(build()) + "\n", "utf-8")
