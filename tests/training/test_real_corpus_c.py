"""Real corpora C to S: well-formed, from new pages only, never a reserved page."""

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from classifier.topics import TOPIC_IDS
from training.dataset import load_real
from training.splits import split_real

REPO = Path(__file__).resolve().parents[2]
REAL_DIR = REPO / "training" / "data" / "real"
ORDER = (
    "corpus_a.jsonl",
    "corpus_b.jsonl",
    "corpus_c.jsonl",
    "corpus_d.jsonl",
    "corpus_e.jsonl",
    "corpus_f.jsonl",
    "corpus_g.jsonl",
    "corpus_h.jsonl",
    "corpus_i.jsonl",
    "corpus_j.jsonl",
    "corpus_k.jsonl",
    "corpus_l.jsonl",
    "corpus_m.jsonl",
    "corpus_n.jsonl",
    "corpus_o.jsonl",
    "corpus_p.jsonl",
    "corpus_q.jsonl",
    "corpus_r.jsonl",
    "corpus_s.jsonl",
    "corpus_t.jsonl",
    "corpus_u.jsonl",
    "corpus_v.jsonl",
    "corpus_w.jsonl",
    "corpus_x.jsonl",
    "corpus_z.jsonl",
    "corpus_aa.jsonl",
    "corpus_ab.jsonl",
    "corpus_ac.jsonl",
    "corpus_ad.jsonl",
    "corpus_ae.jsonl",
    "corpus_af.jsonl",
    "corpus_ag.jsonl",
    "corpus_ah.jsonl",
    "corpus_ai.jsonl",
    "corpus_aj.jsonl",
    "corpus_ak.jsonl",
    "corpus_al.jsonl",
    "corpus_am.jsonl",
    "corpus_an.jsonl",
    "corpus_ao.jsonl",
    "corpus_ap.jsonl",
    "corpus_aq.jsonl",
    "corpus_ar.jsonl",
    "corpus_as.jsonl",
    "corpus_at.jsonl",
    "corpus_au.jsonl",
)
# file -> (writer tag, fewest lines it must hold); every file is checked against all earlier ones
NEWER = {
    "corpus_c.jsonl": ("corpus-c", 100),
    "corpus_d.jsonl": ("corpus-d", 60),
    "corpus_e.jsonl": ("corpus-e", 700),
    "corpus_f.jsonl": ("corpus-f", 430),
    "corpus_g.jsonl": ("corpus-g", 450),
    "corpus_h.jsonl": ("corpus-h", 390),
    "corpus_i.jsonl": ("corpus-i", 370),
    "corpus_j.jsonl": ("corpus-j", 200),
    "corpus_k.jsonl": ("corpus-k", 400),
    "corpus_l.jsonl": ("corpus-l", 400),
    "corpus_m.jsonl": ("corpus-m", 350),
    "corpus_n.jsonl": ("corpus-n", 245),
    "corpus_o.jsonl": ("corpus-o", 350),
    "corpus_p.jsonl": ("corpus-p", 200),
    "corpus_q.jsonl": ("corpus-q", 200),
    "corpus_r.jsonl": ("corpus-r", 200),
    "corpus_s.jsonl": ("corpus-s", 270),
    "corpus_t.jsonl": ("corpus-t", 25),
    "corpus_u.jsonl": ("corpus-u", 160),
    "corpus_v.jsonl": ("corpus-v", 80),
    "corpus_w.jsonl": ("corpus-w", 130),
    "corpus_x.jsonl": ("corpus-x", 220),
    "corpus_z.jsonl": ("corpus-z", 256),
    "corpus_aa.jsonl": ("corpus-aa", 180),
    "corpus_ab.jsonl": ("corpus-ab", 240),
    "corpus_ac.jsonl": ("corpus-ac", 220),
    "corpus_ad.jsonl": ("corpus-ad", 215),
    "corpus_ae.jsonl": ("corpus-ae", 245),
    "corpus_af.jsonl": ("corpus-af", 215),
    "corpus_ag.jsonl": ("corpus-ag", 220),
    "corpus_ah.jsonl": ("corpus-ah", 220),
    "corpus_ai.jsonl": ("corpus-ai", 220),
    "corpus_aj.jsonl": ("corpus-aj", 230),
    "corpus_ak.jsonl": ("corpus-ak", 220),
    "corpus_al.jsonl": ("corpus-al", 220),
    "corpus_am.jsonl": ("corpus-am", 220),
    "corpus_an.jsonl": ("corpus-an", 200),
    "corpus_ao.jsonl": ("corpus-ao", 200),
    "corpus_ap.jsonl": ("corpus-ap", 220),
    "corpus_aq.jsonl": ("corpus-aq", 220),
    "corpus_ar.jsonl": ("corpus-ar", 230),
    "corpus_as.jsonl": ("corpus-as", 155),
    "corpus_at.jsonl": ("corpus-at", 225),
    "corpus_au.jsonl": ("corpus-au", 145),
}
LABELS = set(TOPIC_IDS) | {"none"}
KINDS = {
    "council", "observer", "proposal", "little_mayor", "letter",
    "visit", "news", "school", "chat", "other",
}
FIELDS = {"text", "topic", "topics", "source_url", "source_kind", "source_date", "city", "writer"}
DATE = re.compile(r"^(\d{4}(-\d{2})?)?$")
MAX_LINES_PER_PAGE = 30


def _rows(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _page(url: str) -> str:
    """A page address as the exclusion check compares it (scheme, www./m., slash dropped)."""
    url = re.sub(r"^https?://", "", url.strip().lower())
    return re.sub(r"^(www\.|m\.)", "", url).split("#")[0].rstrip("/")


def _check_script() -> Path | None:
    for candidate in (REPO.parent / "shared", REPO.parent.parent / "shared", Path("/work/shared")):
        script = candidate / "eval-exclude" / "check.py"
        if script.exists():
            return script
    return None


def _earlier(name: str) -> tuple[str, ...]:
    return ORDER[: ORDER.index(name)]


parametrise = pytest.mark.parametrize("name", sorted(NEWER))


@parametrise
def test_every_line_has_exactly_the_documented_fields(name):
    writer, fewest = NEWER[name]
    rows = _rows(REAL_DIR / name)
    assert len(rows) >= fewest
    for row in rows:
        assert set(row) == FIELDS, row
        assert isinstance(row["text"], str) and row["text"].strip()
        assert row["source_url"].startswith(("http://", "https://"))
        assert row["source_kind"] in KINDS
        assert DATE.match(row["source_date"]), row["source_date"]
        assert isinstance(row["city"], str)
        assert row["writer"] == writer


@parametrise
def test_labels_are_topic_ids_or_none_and_the_first_is_the_topic(name):
    for row in _rows(REAL_DIR / name):
        assert row["topic"] in LABELS, row
        assert 1 <= len(row["topics"]) <= 2
        assert row["topics"][0] == row["topic"]
        assert set(row["topics"]) <= LABELS
        assert row["topics"] == ["none"] or "none" not in row["topics"], row
        assert len(set(row["topics"])) == len(row["topics"])


@parametrise
def test_no_new_text_appears_twice_or_in_an_earlier_file(name):
    texts = [row["text"] for row in _rows(REAL_DIR / name)]
    earlier = {row["text"] for old in _earlier(name) for row in _rows(REAL_DIR / old)}
    assert [text for text, n in Counter(texts).items() if n > 1] == []
    assert sorted(set(texts) & earlier) == []


@parametrise
def test_every_page_is_new_to_the_real_corpus(name):
    earlier = {_page(row["source_url"]) for old in _earlier(name) for row in _rows(REAL_DIR / old)}
    assert sorted({_page(r["source_url"]) for r in _rows(REAL_DIR / name)} & earlier) == []


@parametrise
def test_no_single_page_dominates(name):
    per_page = Counter(row["source_url"] for row in _rows(REAL_DIR / name))
    assert max(per_page.values()) <= MAX_LINES_PER_PAGE


@parametrise
def test_every_page_of_the_new_file_stays_in_one_split(name):
    split = split_real(load_real())
    where: dict[str, set[str]] = {}
    for part, examples in split.items():
        for example in examples:
            if example.source_url:
                where.setdefault(example.source_url, set()).add(part)
    urls = {row["source_url"] for row in _rows(REAL_DIR / name)}
    assert all(len(where[url]) == 1 for url in urls if url in where)
    assert urls <= set(where)


@parametrise
def test_no_line_comes_from_a_page_reserved_for_evaluation(name):
    script = _check_script()
    if script is None:
        pytest.skip("eval-exclude/check.py is not present on this machine")
    done = subprocess.run(
        [sys.executable, str(script), str(REAL_DIR / name)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout
