"""A process that classifies stays small: no jieba, no OpenCC converter, no scikit-learn, SciPy
or skops (the models are served from their NumPy export), and the same masks.

Redaction's name finder asks only how common a word is; it reads a table made from jieba's
dictionary (`classifier/common_words.py`) instead of building jieba's prefix dictionary, and
traditional characters go through normalisation's own table instead of OpenCC's converter.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from classifier import common_words
from classifier.names import COMMON_GIVEN, COMMON_WORD
from classifier.redact import redact

SAMPLE = Path(__file__).parent / "data" / "redaction_sample.jsonl"
ROWS = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()]
CLASSIFY = """
import sys
from classifier import analyse
from classifier.model import load_current
found = analyse("我叫王小明，我妈妈的电话是13812345678，操场太小了", load_current())
print(found.redaction.text)
heavy = ("jieba", "opencc_purepy", "pypinyin", "sklearn", "scipy", "skops")
print(" ".join(m for m in heavy if m in sys.modules))
"""
COMMAND = """
import sys
from webapp.cli import cli
cli.main(["classify", "--plan", "hengyang"], standalone_mode=False)
heavy = ("flask", "sqlalchemy", "sqlmodel", "sklearn", "scipy", "jieba")
print(" ".join(m for m in heavy if m in sys.modules))
"""


@pytest.mark.parametrize("row", ROWS, ids=range(len(ROWS)))
def test_masks_are_what_they_were_with_jieba(row):
    """A fixed sample of corpus texts (names, numbers, ordinary words) masked as before."""
    assert redact(row["text"]).text == row["redacted"]


def test_classifying_loads_no_jieba_opencc_or_scikit_learn():
    out = subprocess.run([sys.executable, "-c", CLASSIFY], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).parents[2]).stdout.splitlines()
    assert out[0] == "我叫【姓名】，我妈妈的电话是【电话】，操场太小了"
    assert out[1:] in ([], [""])


def test_the_classify_command_loads_no_web_app_database_or_scikit_learn():
    """`tongsheng classify` answers at once: it loads no Flask, no table and no scikit-learn."""
    line = json.dumps({"text": "学校门口的红绿灯坏了"}, ensure_ascii=False) + "\n"
    out = subprocess.run([sys.executable, "-c", COMMAND], input=line, capture_output=True,
                         text=True, check=True, cwd=Path(__file__).parents[2]).stdout.splitlines()
    assert json.loads(out[0])["lead_agencies"]
    assert out[1:] in ([], [""])


def test_the_shipped_table_is_jiebas_dictionary():
    """Rebuilt from jieba and the user dictionary, the table is the one shipped."""
    shipped = common_words.TABLE.read_text("utf-8").splitlines()
    assert common_words.build() == shipped, "rebuild: python -m classifier.common_words"


def test_every_word_of_the_table_is_found_with_its_frequency():
    """The table is searched in its compact form; each of its words is still known."""
    for line in common_words.TABLE.read_text("utf-8").splitlines():
        word, count = line.split(" ")
        assert common_words.frequency(word) == int(count), word


@pytest.mark.parametrize("word", ["马路", "高兴", "江苏", "白线", "梅州", "活动"])
def test_ordinary_words_are_known(word):
    assert common_words.frequency(word) >= COMMON_WORD


def test_a_name_is_no_word():
    assert common_words.frequency("王小明") == 0
    assert common_words.frequency("浩然") < COMMON_GIVEN
