"""The real-sourced safeguarding files as data: provenance, shape, blindness (no model runs here).

Each holdout was kept blind until its one recorded run (SAFEGUARDING_CARD.md); these tests only
look at the lines, pages and events of the files, never at a screen.
"""

import json
import subprocess
import sys
from collections import Counter, defaultdict

import pytest

from tests.classifier.test_safeguard_real import _check_script
from training import safeguard_real as real
from training.dataset import DATA_DIR, near_duplicate_groups
from training.safeguard_real import load_real

BATCH4_FILE = DATA_DIR / "safeguarding_real_batch4.jsonl"
BATCH5_FILE = DATA_DIR / "safeguarding_real_batch5.jsonl"
BATCH6_FILE = DATA_DIR / "safeguarding_real_batch6.jsonl"
BATCH7_FILE = DATA_DIR / "safeguarding_real_batch7.jsonl"
BATCH8_FILE = DATA_DIR / "safeguarding_real_batch8.jsonl"
BATCH9_FILE = DATA_DIR / "safeguarding_real_batch9.jsonl"
BATCH10_FILE = DATA_DIR / "safeguarding_real_batch10.jsonl"
BATCH11_FILE = DATA_DIR / "safeguarding_real_batch11.jsonl"
BATCH12_FILE = DATA_DIR / "safeguarding_real_batch12.jsonl"
BATCH13_FILE = DATA_DIR / "safeguarding_real_batch13.jsonl"
BATCH14_FILE = DATA_DIR / "safeguarding_real_batch14.jsonl"
BATCH15_FILE = DATA_DIR / "safeguarding_real_batch15.jsonl"
BATCH18_FILE = DATA_DIR / "safeguarding_real_batch18a.jsonl"
BATCH19_FILE = DATA_DIR / "safeguarding_real_batch19.jsonl"
BATCH20_FILE = DATA_DIR / "safeguarding_real_batch20.jsonl"
BATCH21_FILE = DATA_DIR / "safeguarding_real_batch21.jsonl"
BATCH22_FILE = DATA_DIR / "safeguarding_real_batch22.jsonl"
BATCH23_FILE = DATA_DIR / "safeguarding_real_batch23.jsonl"
BATCH24_FILE = DATA_DIR / "safeguarding_real_batch24.jsonl"
BATCH25_FILE = DATA_DIR / "safeguarding_real_batch25.jsonl"
BATCH26_FILE = DATA_DIR / "safeguarding_real_batch26.jsonl"
BATCH27_FILE = DATA_DIR / "safeguarding_real_batch27.jsonl"
BATCH28_FILE = DATA_DIR / "safeguarding_real_batch28.jsonl"
BATCH29_FILE = DATA_DIR / "safeguarding_real_batch29.jsonl"
BATCH30_FILE = DATA_DIR / "safeguarding_real_batch30.jsonl"
BATCH31_FILE = DATA_DIR / "safeguarding_real_batch31.jsonl"
BATCH32_FILE = DATA_DIR / "safeguarding_real_batch32.jsonl"
BATCH33_FILE = DATA_DIR / "safeguarding_real_batch33.jsonl"
BATCH34_FILE = DATA_DIR / "safeguarding_real_batch34.jsonl"
BATCH35_FILE = DATA_DIR / "safeguarding_real_batch35.jsonl"
BATCH36_FILE = DATA_DIR / "safeguarding_real_batch36.jsonl"
BATCH37_FILE = DATA_DIR / "safeguarding_real_batch37.jsonl"
BATCH38_FILE = DATA_DIR / "safeguarding_real_batch38.jsonl"
BATCH39_FILE = DATA_DIR / "safeguarding_real_batch39.jsonl"
BATCH40_FILE = DATA_DIR / "safeguarding_real_batch40.jsonl"
BATCH41_FILE = DATA_DIR / "safeguarding_real_batch41.jsonl"
BATCH42_FILE = DATA_DIR / "safeguarding_real_batch42.jsonl"
BATCH43_FILE = DATA_DIR / "safeguarding_real_batch43.jsonl"
BATCH44_FILE = DATA_DIR / "safeguarding_real_batch44.jsonl"
BATCH45_FILE = DATA_DIR / "safeguarding_real_batch45.jsonl"
BATCH46_FILE = DATA_DIR / "safeguarding_real_batch46.jsonl"
BATCH47_FILE = DATA_DIR / "safeguarding_real_batch47.jsonl"
BATCH48_FILE = DATA_DIR / "safeguarding_real_batch48.jsonl"
BATCH49_FILE = DATA_DIR / "safeguarding_real_batch49.jsonl"
BATCH50_FILE = DATA_DIR / "safeguarding_real_batch50.jsonl"
BATCH51_FILE = DATA_DIR / "safeguarding_real_batch51.jsonl"
BATCH52_FILE = DATA_DIR / "safeguarding_real_batch52.jsonl"
BATCH53_FILE = DATA_DIR / "safeguarding_real_batch53.jsonl"
BATCH54_FILE = DATA_DIR / "safeguarding_real_batch54.jsonl"
BATCH55_FILE = DATA_DIR / "safeguarding_real_batch55.jsonl"
BATCH56_FILE = DATA_DIR / "safeguarding_real_batch56.jsonl"
BATCH57_FILE = DATA_DIR / "safeguarding_real_batch57.jsonl"
BATCH58_FILE = DATA_DIR / "safeguarding_real_batch58.jsonl"
BATCH59_FILE = DATA_DIR / "safeguarding_real_batch59.jsonl"
BATCH60_FILE = DATA_DIR / "safeguarding_real_batch60.jsonl"
BATCH61_FILE = DATA_DIR / "safeguarding_real_batch61.jsonl"
BATCH62_FILE = DATA_DIR / "safeguarding_real_batch62.jsonl"
BATCH63_FILE = DATA_DIR / "safeguarding_real_batch63.jsonl"
BATCH64_FILE = DATA_DIR / "safeguarding_real_batch64.jsonl"
BATCH65_FILE = DATA_DIR / "safeguarding_real_batch65.jsonl"
BATCH66_FILE = DATA_DIR / "safeguarding_real_batch66.jsonl"
BATCH67_FILE = DATA_DIR / "safeguarding_real_batch67.jsonl"
BATCH68_FILE = DATA_DIR / "safeguarding_real_batch68.jsonl"
BATCH69_FILE = DATA_DIR / "safeguarding_real_batch69.jsonl"
BATCH70_FILE = DATA_DIR / "safeguarding_real_batch70.jsonl"
BATCH71_FILE = DATA_DIR / "safeguarding_real_batch71.jsonl"
BATCH72_FILE = DATA_DIR / "safeguarding_real_batch72.jsonl"
BATCH73_FILE = DATA_DIR / "safeguarding_real_batch73.jsonl"
# The sixth blind holdout, committed before anything was changed or run on it.
HOLDOUT6_FILE = real.HOLDOUT6_FILE
# The seventh blind holdout, committed before anything was changed or run on it.
HOLDOUT7_FILE = real.HOLDOUT7_FILE
# The eighth blind holdout, committed before anything was changed or run on it.
HOLDOUT8_FILE = real.HOLDOUT8_FILE
# The ninth blind holdout, committed before anything was changed or run on it.
HOLDOUT9_FILE = real.HOLDOUT9_FILE
# The tenth blind holdout, committed before anything was changed or run on it.
HOLDOUT10_FILE = real.HOLDOUT10_FILE
# The eleventh blind holdout, committed before anything was changed or run on it.
HOLDOUT11_FILE = real.HOLDOUT11_FILE
# The twelfth blind holdout, committed before anything was changed or run on it.
HOLDOUT12_FILE = real.HOLDOUT12_FILE
# The fourteenth blind holdout, committed before anything was changed or run on it.
HOLDOUT14_FILE = real.HOLDOUT14_FILE
# The thirteenth blind holdout, committed after the fourteenth and before anything was run on it.
HOLDOUT13_FILE = real.HOLDOUT13_FILE
# The fifteenth blind holdout, committed before anything was changed or run on it.
HOLDOUT15_FILE = real.HOLDOUT15_FILE
# The sixteenth blind holdout, committed before anything was changed or run on it.
HOLDOUT16_FILE = real.HOLDOUT16_FILE
# The seventeenth blind holdout, committed before anything was changed or run on it.
HOLDOUT17_FILE = real.HOLDOUT17_FILE
# The eighteenth blind holdout, committed before any screen was run on it.
HOLDOUT18_FILE = real.HOLDOUT18_FILE
# The nineteenth blind holdout, committed before any screen was run on it.
HOLDOUT19_FILE = real.HOLDOUT19_FILE
# The twentieth blind holdout, committed before any screen was run on it.
HOLDOUT20_FILE = real.HOLDOUT20_FILE
# The twenty-first blind holdout, committed before any screen was run on it.
HOLDOUT21_FILE = real.HOLDOUT21_FILE
# The twenty-second blind holdout, committed before any screen was run on it.
HOLDOUT22_FILE = real.HOLDOUT22_FILE
# The twenty-third blind holdout, committed before any screen was run on it.
HOLDOUT23_FILE = real.HOLDOUT23_FILE
# The twenty-fourth blind holdout, committed before any screen was run on it.
HOLDOUT24_FILE = real.HOLDOUT24_FILE
# The twenty-fifth blind holdout, committed before any screen was run on it.
HOLDOUT25_FILE = real.HOLDOUT25_FILE
# The twenty-sixth blind holdout, committed before any screen was run on it.
HOLDOUT26_FILE = real.HOLDOUT26_FILE
# The twenty-seventh holdout, committed unread, run blind once on the batch-25 screen, then retired.
HOLDOUT27_FILE = real.HOLDOUT27_FILE
# The twenty-eighth holdout, committed unread, run blind once on the batch-25 screen, then retired.
HOLDOUT28_FILE = real.HOLDOUT28_FILE
# The twenty-ninth holdout, committed unread, run blind once on the batch-29 screen, then retired.
HOLDOUT29_FILE = real.HOLDOUT29_FILE
# The thirtieth holdout, committed unread, run blind once on the batch-29 screen, then retired.
HOLDOUT30_FILE = real.HOLDOUT30_FILE
# The thirty-first holdout, committed unread, run blind once on the batch-35 screen, then retired.
HOLDOUT31_FILE = real.HOLDOUT31_FILE
# The thirty-second holdout, committed unread, run blind once on the batch-39 screen, then retired.
HOLDOUT32_FILE = real.HOLDOUT32_FILE
# The thirty-third holdout, committed unread, run blind once on the batch-52 screen, then retired.
HOLDOUT33_FILE = real.HOLDOUT33_FILE
# The thirty-fourth holdout, committed unread, run blind once on the batch-55 screen, then retired.
HOLDOUT34_FILE = real.HOLDOUT34_FILE
# The thirty-fifth holdout, committed unread, run blind once on the batch-62 screen, then retired.
HOLDOUT35_FILE = real.HOLDOUT35_FILE
# The thirty-sixth holdout, committed unread, run blind once on the batch-65 screen, then retired.
HOLDOUT36_FILE = real.HOLDOUT36_FILE
# The thirty-seventh blind holdout, committed before any screen was run on it: 69 lines with no
# online grooming, which holdout 38 is written to complete.
HOLDOUT37_FILE = real.HOLDOUT37_FILE
# The thirty-eighth blind holdout, committed before any screen was run on it: 70 lines written to
# complete holdout 37 (online grooming first); the two are read together.
HOLDOUT38_FILE = real.HOLDOUT38_FILE
HOLDOUTS = [
    real.HOLDOUT_FILE,
    real.HOLDOUT2_FILE,
    real.HOLDOUT3_FILE,
    real.HOLDOUT4_FILE,
    real.HOLDOUT5_FILE,
    HOLDOUT6_FILE,
    HOLDOUT7_FILE,
    HOLDOUT8_FILE,
    HOLDOUT9_FILE,
    HOLDOUT10_FILE,
    HOLDOUT11_FILE,
    HOLDOUT12_FILE,
    HOLDOUT14_FILE,
    HOLDOUT13_FILE,
    HOLDOUT15_FILE,
    HOLDOUT16_FILE,
    HOLDOUT17_FILE,
    HOLDOUT18_FILE,
    HOLDOUT19_FILE,
    HOLDOUT20_FILE,
    HOLDOUT21_FILE,
    HOLDOUT22_FILE,
    HOLDOUT23_FILE,
    HOLDOUT24_FILE,
    HOLDOUT25_FILE,
    HOLDOUT26_FILE,
    HOLDOUT27_FILE,
    HOLDOUT28_FILE,
    HOLDOUT29_FILE,
    HOLDOUT30_FILE,
    HOLDOUT31_FILE,
    HOLDOUT32_FILE,
    HOLDOUT33_FILE,
    HOLDOUT34_FILE,
    HOLDOUT35_FILE,
    HOLDOUT36_FILE,
    HOLDOUT37_FILE,
    HOLDOUT38_FILE,
]
# Every file after the first set and its first two holdouts, which
# tests/classifier/test_safeguard_real.py checks.
NEW_FILES = [*real.BATCH_FILES, *HOLDOUTS[2:]]
ALL_FILES = [real.REAL_FILE, *real.BATCH_FILES, *HOLDOUTS]
SOURCE_KINDS = {
    "news",
    "child_writing",
    "social_work_report",
    "helpline_report",
    "court_or_procuratorate_case",
    "forum_post",
    "counselling_case",
}


def _rows(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _flaws(row: dict) -> list[str]:
    """What is wrong with one line of a new file (empty when it is sound)."""
    checks = {
        "source_url": str(row.get("source_url", "")).startswith(("http://", "https://")),
        "source_kind": row.get("source_kind") in SOURCE_KINDS,
        "kind": row.get("kind") in real.URGENT_KINDS + real.SAFE_KINDS,
        "style": row.get("style") in real.STYLES,
        "urgent": row.get("urgent") is (row.get("kind") in real.URGENT_KINDS),
        "text": bool(str(row.get("text", "")).strip()),
        "event": bool(row.get("event")),
    }
    return [name for name, ok in checks.items() if not ok]


@pytest.mark.parametrize("path", NEW_FILES, ids=lambda p: p.stem)
def test_no_new_line_comes_from_a_page_reserved_for_outside_evaluation(path):
    result = subprocess.run(
        [sys.executable, str(_check_script()), str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("path", NEW_FILES, ids=lambda p: p.stem)
def test_every_new_line_names_its_source_and_is_well_formed(path):
    flawed = [(row.get("text"), _flaws(row)) for row in _rows(path) if _flaws(row)]
    assert flawed == []


def test_no_text_is_written_twice_in_the_real_files():
    """A line in two files (or twice in one) would sit on both sides of a split or a holdout."""
    seen = defaultdict(list)
    for path in ALL_FILES:
        for row in _rows(path):
            seen["".join(row["text"].split())].append(path.name)
    assert {text: names for text, names in seen.items() if len(names) > 1} == {}


@pytest.mark.parametrize(
    ("path", "lines", "disclosures", "safe_lines"),
    [
        (real.HOLDOUT3_FILE, 120, 80, 40),
        (real.HOLDOUT4_FILE, 100, 60, 35),
        (real.HOLDOUT5_FILE, 100, 65, 30),
        (HOLDOUT6_FILE, 100, 66, 34),
        (HOLDOUT7_FILE, 110, 70, 40),
        (HOLDOUT8_FILE, 110, 70, 40),
        (HOLDOUT9_FILE, 110, 70, 40),
        (HOLDOUT10_FILE, 110, 70, 40),
        (HOLDOUT11_FILE, 110, 70, 40),
        (HOLDOUT12_FILE, 100, 64, 36),
        (HOLDOUT14_FILE, 120, 75, 40),
        (HOLDOUT13_FILE, 115, 75, 40),
        (HOLDOUT15_FILE, 125, 80, 40),
        (HOLDOUT16_FILE, 140, 95, 45),
        (HOLDOUT17_FILE, 140, 95, 50),
        (HOLDOUT18_FILE, 105, 70, 35),
        (HOLDOUT19_FILE, 110, 80, 30),
        (HOLDOUT20_FILE, 100, 70, 29),
        (HOLDOUT21_FILE, 100, 75, 25),
        (HOLDOUT22_FILE, 105, 80, 27),
        (HOLDOUT23_FILE, 100, 70, 30),
        (HOLDOUT24_FILE, 100, 70, 30),
        (HOLDOUT25_FILE, 100, 70, 30),
        (HOLDOUT27_FILE, 100, 75, 29),
        (HOLDOUT28_FILE, 100, 75, 30),
        (HOLDOUT29_FILE, 100, 74, 30),
        (HOLDOUT30_FILE, 100, 75, 30),
        (HOLDOUT31_FILE, 100, 74, 30),
        (HOLDOUT32_FILE, 100, 75, 30),
        (HOLDOUT33_FILE, 100, 75, 30),
        (HOLDOUT34_FILE, 100, 75, 30),
        (HOLDOUT35_FILE, 105, 75, 30),
        (HOLDOUT36_FILE, 105, 75, 30),
    ],
    ids=[
        "holdout3",
        "holdout4",
        "holdout5",
        "holdout6",
        "holdout7",
        "holdout8",
        "holdout9",
        "holdout10",
        "holdout11",
        "holdout12",
        "holdout14",
        "holdout13",
        "holdout15",
        "holdout16",
        "holdout17",
        "holdout18",
        "holdout19",
        "holdout20",
        "holdout21",
        "holdout22",
        "holdout23",
        "holdout24",
        "holdout25",
        "holdout27",
        "holdout28",
        "holdout29",
        "holdout30",
        "holdout31",
        "holdout32",
        "holdout33",
        "holdout34",
        "holdout35",
        "holdout36",
    ],
)
def test_a_late_holdout_is_large_and_covers_every_kind_and_style(
    path, lines, disclosures, safe_lines
):
    rows = _rows(path)
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    assert len(rows) >= lines and len(urgent) >= disclosures and len(safe) >= safe_lines
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS)
    assert {r["kind"] for r in safe} == set(real.SAFE_KINDS)
    assert {r["style"] for r in urgent} == set(real.STYLES)


@pytest.mark.parametrize(
    ("holdout_file", "other"),
    [
        (real.HOLDOUT3_FILE, other)
        for other in [real.REAL_FILE, *real.BATCH_FILES, real.HOLDOUT_FILE, real.HOLDOUT2_FILE]
    ]
    + [
        (real.HOLDOUT4_FILE, other)
        for other in [
            real.REAL_FILE,
            *real.BATCH_FILES,
            real.HOLDOUT_FILE,
            real.HOLDOUT2_FILE,
            real.HOLDOUT3_FILE,
        ]
    ]
    + [
        (real.HOLDOUT5_FILE, other)
        for other in [
            real.REAL_FILE,
            *real.BATCH_FILES,
            real.HOLDOUT_FILE,
            real.HOLDOUT2_FILE,
            real.HOLDOUT3_FILE,
            real.HOLDOUT4_FILE,
        ]
    ]
    # Holdout 6 against every file listed before it (the main file, the batches, holdouts 1-5).
    + [(HOLDOUT6_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT6_FILE)]]
    # Holdout 7 against every file listed before it (holdout 6 included).
    + [(HOLDOUT7_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT7_FILE)]]
    # Holdout 8 against every file listed before it (holdouts 6 and 7 included).
    + [(HOLDOUT8_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT8_FILE)]]
    # Holdout 9 against every file listed before it (holdouts 6 to 8 included).
    + [(HOLDOUT9_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT9_FILE)]]
    # Holdout 10 against every file listed before it (holdouts 6 to 9 and batch 12 included).
    + [(HOLDOUT10_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT10_FILE)]]
    # Holdout 11 against every file listed before it (holdout 10 included).
    + [(HOLDOUT11_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT11_FILE)]]
    # Holdout 12 against every file listed before it (holdout 11 included).
    + [(HOLDOUT12_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT12_FILE)]]
    # Holdout 14 against every file listed before it (holdout 12 included).
    + [(HOLDOUT14_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT14_FILE)]]
    # Holdout 13 against every file listed before it (holdout 14 included).
    + [(HOLDOUT13_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT13_FILE)]]
    # Holdout 15 against every file listed before it (batch 15 and holdout 13 included).
    + [(HOLDOUT15_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT15_FILE)]]
    # Holdout 16 against every file listed before it (holdout 15 included).
    + [(HOLDOUT16_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT16_FILE)]]
    # Holdout 17 against every file listed before it (batch 16 and holdout 16 included).
    + [(HOLDOUT17_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT17_FILE)]]
    # Holdout 18 against every file listed before it (holdout 17 included).
    + [(HOLDOUT18_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT18_FILE)]]
    # Holdout 19 against every file listed before it (batch 17 and holdout 18 included).
    + [(HOLDOUT19_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT19_FILE)]]
    # Holdout 20 against every file listed before it (batch 18 and holdout 19 included).
    + [(HOLDOUT20_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT20_FILE)]]
    # Holdout 21 against every file listed before it (batch 19 and holdout 20 included).
    + [(HOLDOUT21_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT21_FILE)]]
    # Holdout 22 against every file listed before it (batch 20 and holdout 21 included).
    + [(HOLDOUT22_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT22_FILE)]]
    # Holdout 23 against every file listed before it (holdout 22 included).
    + [(HOLDOUT23_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT23_FILE)]]
    # Holdout 24 against every file listed before it (holdout 23 included).
    + [(HOLDOUT24_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT24_FILE)]]
    # Holdout 25 against every file listed before it (batch 23 and holdout 24 included).
    + [(HOLDOUT25_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT25_FILE)]]
    # Holdout 26 against every file listed before it (batch 24 and holdout 25 included).
    + [(HOLDOUT26_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT26_FILE)]]
    # Holdout 27 against every file listed before it (batch 25 and holdout 26 included).
    + [(HOLDOUT27_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT27_FILE)]]
    # Holdout 28 against every file listed before it (batch 26 and holdout 27 included).
    + [(HOLDOUT28_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT28_FILE)]]
    # Holdout 29 against every file listed before it (batch 27 and holdout 28 included).
    + [(HOLDOUT29_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT29_FILE)]]
    # Holdout 30 against every file listed before it (batch 29 and holdout 29 included).
    + [(HOLDOUT30_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT30_FILE)]]
    # Holdout 31 against every file listed before it (batches 30 and 31 and holdout 30 included).
    + [(HOLDOUT31_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT31_FILE)]]
    # Holdout 32 against every file listed before it (batches 32 and 33 and holdout 31 included).
    + [(HOLDOUT32_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT32_FILE)]]
    # Holdout 33 against every file listed before it (batches 40 to 43 and holdout 32 included).
    + [(HOLDOUT33_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT33_FILE)]]
    # Holdout 34 against every file listed before it (batches 44 and 45 and holdout 33 included).
    + [(HOLDOUT34_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT34_FILE)]]
    # Holdout 35 against every file listed before it (batches 56 to 59 and holdout 34 included).
    + [(HOLDOUT35_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT35_FILE)]]
    # Holdout 36 against every file listed before it (batches 60 to 65 and holdout 35 included).
    + [(HOLDOUT36_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT36_FILE)]]
    # Holdout 37 against every file listed before it (batch 66 and holdout 36 included).
    + [(HOLDOUT37_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT37_FILE)]]
    # Holdout 38 against every file listed before it (batches 67 and 68 and holdout 37 included).
    + [(HOLDOUT38_FILE, other) for other in ALL_FILES[: ALL_FILES.index(HOLDOUT38_FILE)]],
    ids=lambda p: p.stem.removeprefix("safeguarding_real_"),
)
def test_a_late_holdout_shares_no_page_event_or_near_duplicate_with_another_file(
    holdout_file, other
):
    holdout = load_real(holdout_file)
    cases = load_real(other)
    assert not {c.source_url for c in holdout} & {c.source_url for c in cases}
    assert not {c.event for c in holdout} & {c.event for c in cases}
    groups = near_duplicate_groups([c.text for c in cases] + [c.text for c in holdout])
    near = [c.text for c, g in zip(holdout, groups[len(cases) :], strict=True) if g < len(cases)]
    assert near == []


@pytest.mark.parametrize(
    ("path", "batch"),
    [
        (BATCH4_FILE, 4),
        (BATCH5_FILE, 5),
        (BATCH6_FILE, 6),
        (BATCH7_FILE, 7),
        (BATCH8_FILE, 8),
        (BATCH9_FILE, 9),
        (BATCH10_FILE, 10),
        (BATCH11_FILE, 11),
        (BATCH12_FILE, 12),
        (BATCH13_FILE, 13),
        (BATCH14_FILE, 14),
        (BATCH15_FILE, 15),
        (BATCH18_FILE, 18),
        (BATCH19_FILE, 19),
        (BATCH20_FILE, 20),
        (BATCH21_FILE, 21),
        (BATCH22_FILE, 22),
        (BATCH23_FILE, 23),
        (BATCH24_FILE, 24),
        (BATCH25_FILE, 25),
        (BATCH26_FILE, 26),
        (BATCH27_FILE, 27),
        (BATCH28_FILE, 28),
        (BATCH29_FILE, 29),
        (BATCH30_FILE, 30),
        (BATCH31_FILE, 31),
        (BATCH32_FILE, 32),
        (BATCH33_FILE, 33),
        (BATCH34_FILE, 34),
        (BATCH35_FILE, 35),
        (BATCH36_FILE, 36),
        (BATCH37_FILE, 37),
        (BATCH38_FILE, 38),
        (BATCH39_FILE, 39),
        (BATCH40_FILE, 40),
        (BATCH41_FILE, 41),
        (BATCH42_FILE, 42),
        (BATCH43_FILE, 43),
        (BATCH44_FILE, 44),
        (BATCH45_FILE, 45),
        (BATCH46_FILE, 46),
        (BATCH47_FILE, 47),
        (BATCH48_FILE, 48),
        (BATCH49_FILE, 49),
        (BATCH50_FILE, 50),
        (BATCH51_FILE, 51),
        (BATCH52_FILE, 52),
        (BATCH53_FILE, 53),
        (BATCH54_FILE, 54),
        (BATCH55_FILE, 55),
        (BATCH56_FILE, 56),
        (BATCH57_FILE, 57),
        (BATCH58_FILE, 58),
        (BATCH59_FILE, 59),
        (BATCH60_FILE, 60),
        (BATCH61_FILE, 61),
        (BATCH62_FILE, 62),
        (BATCH63_FILE, 63),
        (BATCH64_FILE, 64),
        (BATCH65_FILE, 65),
        (BATCH66_FILE, 66),
        (BATCH67_FILE, 67),
        (BATCH68_FILE, 68),
        (BATCH69_FILE, 69),
        (BATCH70_FILE, 70),
        (BATCH71_FILE, 71),
        (BATCH72_FILE, 72),
        (BATCH73_FILE, 73),
    ],
)
def test_a_batch_file_is_read_with_the_set_as_one_new_batch(path, batch):
    rows = _rows(path)
    assert path in real.BATCH_FILES
    assert {r.get("batch") for r in rows} == {batch}
    assert len([c for c in load_real() if c.batch == batch]) == len(rows)


@pytest.mark.parametrize("path", real.BATCH_FILES, ids=lambda p: p.stem)
def test_a_batch_adds_only_new_events_and_pages(path):
    """Batches are split one by one: an event shared with an older batch could cross splits."""
    new = load_real(path)
    older = [c for c in load_real() if c.batch < new[0].batch]
    assert not {c.event for c in new} & {c.event for c in older}
    assert not {c.source_url for c in new} & {c.source_url for c in older}


def test_batch_four_aims_at_the_blind_misses_with_many_ordinary_words():
    rows = _rows(BATCH4_FILE)
    safe = [r for r in rows if not r["urgent"]]
    assert len(rows) >= 250 and len(safe) >= 150
    assert {r["kind"] for r in rows if r["urgent"]} >= {
        "self_harm",
        "exploitation",
        "grooming_online",
        "bullying",
        "neglect",
        "sexual_abuse",
    }
    no_words = [r for r in rows if r["urgent"] and not any(ch.isalnum() for ch in r["text"])]
    assert no_words, "a disclosure told in emoji alone"


@pytest.mark.parametrize(
    ("batch_file", "holdout"),
    [(b, h) for b in real.BATCH_FILES if b != BATCH4_FILE for h in HOLDOUTS],
    ids=lambda p: p.stem.removeprefix("safeguarding_real_"),
)
def test_a_late_batch_shares_no_page_or_event_with_a_holdout(batch_file, holdout):
    """Only pages and events are compared, so the blind holdout's texts are never looked at."""
    batch = load_real(batch_file)
    cases = load_real(holdout)
    assert not {c.source_url for c in batch} & {c.source_url for c in cases}
    assert not {c.event for c in batch} & {c.event for c in cases}


def test_batch_five_fills_the_kinds_batch_four_was_thin_on_and_many_ordinary_words():
    rows = _rows(BATCH5_FILE)
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    per_kind = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 300 and len(safe) >= 120
    assert min(per_kind[k] for k in ("hitting", "runaway", "witnessed_dv")) >= 30
    assert set(per_kind) >= {
        "neglect",
        "sexual_abuse",
        "grooming_online",
        "self_harm",
        "exploitation",
    }
    assert {r["kind"] for r in safe} == set(real.SAFE_KINDS)
    assert {r["style"] for r in urgent} == {r["style"] for r in safe} == set(real.STYLES)


def test_batch_five_negatives_use_the_everyday_idioms_that_looked_like_danger():
    safe = " ".join(r["text"] for r in _rows(BATCH5_FILE) if not r["urgent"])
    idioms = "打球 打电话 笑死 饿死 累死 气死 热死 挤死 杀时间 要我的命".split()
    assert [idiom for idiom in idioms if idiom not in safe] == []


def test_batch_six_aims_at_bullying_neglect_joking_self_harm_and_essays_that_only_sound_sad():
    rows = _rows(BATCH6_FILE)
    urgent = [r for r in rows if r["urgent"]]
    per_kind = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 220 and per_kind["bullying"] >= 30 and per_kind["self_harm"] >= 30
    assert per_kind["neglect"] >= 10
    assert len([r for r in urgent if r["kind"] == "self_harm" and r["style"] == "joking"]) >= 5
    assert len([r for r in rows if r["kind"] == "ordinary"]) >= 60


def test_batch_seven_aims_at_the_weakest_kinds_and_at_everyday_words_that_look_like_danger():
    """Indirect sexual abuse, grooming, neglect and self-harm told as a joke or in slang, and the
    idioms, games, sports and 打-verbs that kept raising alarms, some spelt in pinyin."""
    rows = _rows(BATCH7_FILE)
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    per_kind = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 200 and len(safe) >= 90
    assert min(per_kind[k] for k in ("sexual_abuse", "grooming_online", "self_harm")) >= 15
    assert per_kind["neglect"] >= 10
    assert {r["style"] for r in urgent} == set(real.STYLES)
    assert len([r for r in safe if r["style"] == "pinyin"]) >= 30
    words = " ".join(r["text"] for r in safe)
    idioms = "救命 笑死 饿死了 累死了 气死我了 落地成盒 打篮球 打比赛".split()
    idioms += "打电话 打车 打印 滑梯 充电".split()
    assert [idiom for idiom in idioms if idiom not in words] == []


def test_batch_eight_tells_harm_sideways_and_adds_sad_but_safe_words():
    """Disclosures told as a joke, in emoji, pinyin or homophones; and the essays that raised
    false alarms: divorce, a parent in hospital, scolded over marks, a parent working far away,
    a pet that died, with ordinary suggestions and figures of speech, some spelt in pinyin."""
    rows = _rows(BATCH8_FILE)
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    assert len(rows) >= 140 and len(urgent) >= 60 and len(safe) >= 60
    assert {r["style"] for r in urgent} == set(real.STYLES)
    assert len([r for r in urgent if r["style"] in ("joking", "emoji", "homophone")]) >= 25
    assert {r["kind"] for r in safe} == set(real.SAFE_KINDS)
    assert len([r for r in safe if r["style"] == "pinyin"]) >= 20
    words = " ".join(r["text"] for r in safe)
    sad = "离婚 住院 手术 考了58分 丢脸 毒死 打工 非洲".split()
    assert [word for word in sad if word not in words] == []


def test_batch_nine_draws_the_line_between_sad_but_safe_and_real_harm():
    """Children's essays about being left behind, divorce, a grandparent's illness or death,
    moving school and being scolded over marks, beside disclosures that sound close to them:
    neglect while left behind, beatings after bad marks, self-harm said sadly."""
    rows = _rows(BATCH9_FILE)
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    assert len(rows) >= 150 and len(safe) >= 90 and len(urgent) >= 50
    assert {r["style"] for r in urgent} == set(real.STYLES)
    per_kind = Counter(r["kind"] for r in urgent)
    assert min(per_kind[k] for k in ("neglect", "hitting", "self_harm")) >= 8
    words = " ".join(r["text"] for r in safe)
    sad = "打工 离婚 去世 白血病 转学 孤单 摔到地上 信不信我打你".split()
    assert [word for word in sad if word not in words] == []


def test_batch_ten_weights_the_weakest_kinds_and_adds_childrens_safety_suggestions():
    """Neglect and self-harm told indirectly, as a joke or in slang, with grooming, child labour
    and begging; and children's suggestions about public dangers (dogs, school gates, manholes,
    stairwell fires, drowning, a lecture on bullying) with figures of speech, some in pinyin."""
    rows = _rows(BATCH10_FILE)
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    assert len(rows) >= 150 and len(urgent) >= 85 and len(safe) >= 60
    assert {r["style"] for r in urgent} == set(real.STYLES)
    per_kind = Counter(r["kind"] for r in urgent)
    assert per_kind["neglect"] >= 15 and per_kind["self_harm"] >= 25
    assert min(per_kind[k] for k in ("grooming_online", "exploitation", "runaway")) >= 7
    assert len([r for r in urgent if r["kind"] == "self_harm" and r["style"] == "joking"]) >= 4
    assert {r["kind"] for r in safe} == set(real.SAFE_KINDS)
    assert len([r for r in rows if r.get("derived")]) >= 20
    words = " ".join(r["text"] for r in safe)
    public = "拴 斑马线 井盖 充电 救生圈 空调 欺凌 饿死了 热死了 被作业虐 打羽毛球 打电话".split()
    assert [word for word in public if word not in words] == []


def test_batch_eleven_pairs_subtle_disclosures_with_sad_but_safe_words():
    """Disclosures told by farewell, euphemism, effect or a joke, beside sad-but-safe essays
    that use the same words (a grandfather who looks asleep, a goldfish that left this world),
    with about one line in seven a pinyin spelling of a hand-written line."""
    rows = _rows(BATCH11_FILE)
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    assert len(rows) >= 140 and len(urgent) >= 80 and len(safe) >= 60
    assert {r["style"] for r in urgent} == set(real.STYLES)
    per_kind = Counter(r["kind"] for r in urgent)
    kinds = ("self_harm", "sexual_abuse", "hitting", "bullying", "neglect")
    assert min(per_kind[k] for k in kinds) >= 8
    assert 0.1 <= len([r for r in rows if r.get("derived")]) / len(rows) <= 0.2
    told = " ".join(r["text"] for r in urgent)
    cues = "最后几句话 睡一觉 别找我 不回来了 睡着不醒 见不到我 秘密 不敢关灯 别跟社工".split()
    assert [cue for cue in cues if cue not in told] == []
    words = " ".join(r["text"] for r in safe)
    sad = "去世 离婚 打工 转学 考试 金鱼 累死了 救命 睡着了 离开了这个世界".split()
    assert [word for word in sad if word not in words] == []


def test_batch_twelve_tells_harm_in_cantonese_and_taiwanese_beside_their_everyday_words():
    """Hong Kong and Macau disclosures written in Cantonese and Taiwan ones in Taiwanese usage
    (the blind run's misses), with mainland and overseas pages for the rest, beside hard
    negatives in the same styles: 攰死, 餓死, 激死, 打電話俾我, news of other places."""
    rows = _rows(BATCH12_FILE)
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    assert len(rows) >= 150 and 0.35 <= len(safe) / len(rows) <= 0.45
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS)
    assert {r["kind"] for r in safe} == set(real.SAFE_KINDS)
    assert {r["style"] for r in urgent} == set(real.STYLES)
    assert len([r for r in rows if r.get("derived")]) / len(rows) <= 0.25
    cantonese = [r for r in urgent if any(ch in r["text"] for ch in "佢唔嘅咗啲冇俾喺")]
    assert len(cantonese) >= 40
    told = " ".join(r["text"] for r in urgent)
    cues = "皮帶炆豬肉 鎅手 𠝹手 唔想再活 勇敢快要用完 爸比 阿公 好丟臉喔 霸凌".split()
    assert [cue for cue in cues if cue not in told] == []
    words = " ".join(r["text"] for r in safe)
    idioms = "攰死 餓死啦 激死 嚇死 笑死 打電話俾 打球 餓死了 斷氣 冇飯食 18111".split()
    assert [idiom for idiom in idioms if idiom not in words] == []


BATCH17_FILES = [
    DATA_DIR / "safeguarding_real_batch17a.jsonl",
    DATA_DIR / "safeguarding_real_batch17b.jsonl",
]


@pytest.mark.parametrize("path", BATCH17_FILES, ids=lambda p: p.stem)
def test_a_batch17_file_is_read_as_part_of_batch_17(path):
    rows = _rows(path)
    assert path in real.BATCH_FILES
    assert {r.get("batch") for r in rows} == {17}
    both = sum(len(_rows(p)) for p in BATCH17_FILES)
    assert len([c for c in load_real() if c.batch == 17]) == both


def test_batch17a_weights_the_weakest_kinds_in_every_style():
    """Neglect, exploitation, bullying and self-harm told indirectly: the kinds the test split
    and the blind runs found weakest."""
    rows = _rows(BATCH17_FILES[0])
    urgent = [r for r in rows if r["urgent"]]
    per_kind = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 150 and len(urgent) >= 110
    assert min(per_kind[k] for k in ("neglect", "exploitation", "bullying", "self_harm")) >= 25
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch17b_is_mostly_childrens_everyday_words_that_look_like_danger():
    """Hard negatives of every kind and style, beside indirect disclosures of abuse and
    running away: the screen's false alarms are near the 5% bound."""
    rows = _rows(BATCH17_FILES[1])
    safe = [r for r in rows if not r["urgent"]]
    assert len(rows) >= 130 and len(safe) / len(rows) >= 0.7
    assert {r["kind"] for r in safe} == set(real.SAFE_KINDS)
    assert {r["style"] for r in safe} == set(real.STYLES)
    assert Counter(r["kind"] for r in rows if r["urgent"]).keys() >= {"sexual_abuse", "runaway"}


def test_batch18_fills_the_kinds_batch17_was_thin_on():
    """Grooming online and witnessed violence (batch 17 had none and three), with hitting,
    sexual abuse told indirectly and running away, beside look-alikes that are not danger."""
    rows = _rows(BATCH18_FILE)
    urgent = [r for r in rows if r["urgent"]]
    per_kind = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 140 and len(rows) - len(urgent) >= 30
    assert per_kind["grooming_online"] >= 25 and per_kind["witnessed_dv"] >= 25
    assert min(per_kind[k] for k in ("hitting", "sexual_abuse", "runaway")) >= 18
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch19_tells_scams_and_neglect_beside_safety_lessons_retold():
    """Online scams that use children (a celebrity's "assistant", free skins, fake police) and
    neglect told as a life story, beside the look-alikes the batch-17 screen flagged most:
    safety lessons retold and family play with alarming words."""
    rows = _rows(BATCH19_FILE)
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    per_kind = Counter(r["kind"] for r in rows)
    assert len(rows) >= 145 and len(safe) >= 60
    assert per_kind["grooming_online"] + per_kind["exploitation"] >= 45
    assert per_kind["neglect"] >= 35 and per_kind["ordinary_safety"] >= 20
    assert {r["style"] for r in urgent} == {r["style"] for r in safe} == set(real.STYLES)


def test_batch20_hides_harm_in_jokes_and_games_beside_harm_elsewhere_retold():
    """Harm told as a joke or a game, abuse by relatives, children abandoned and exploited (a
    third in Cantonese or Taiwanese usage), beside the look-alikes of the blind runs: other
    places' harm retold and play with alarming words."""
    rows = _rows(BATCH20_FILE)
    urgent = [r for r in rows if r["urgent"]]
    per_kind = Counter(r["kind"] for r in rows)
    assert len(rows) >= 150 and len(urgent) >= 85
    assert per_kind["other_place"] >= 30 and per_kind["figure_of_speech"] >= 20
    assert min(per_kind[k] for k in ("exploitation", "neglect", "sexual_abuse", "hitting")) >= 15
    assert {r["style"] for r in urgent} == set(real.STYLES)
    regional = [r for r in urgent if any(ch in r["text"] for ch in "佢唔嘅咗啲冇俾喺阿嬤媽咪")]
    assert len(regional) >= 20


def test_batch21_tells_abuse_as_love_and_beatings_as_routine_beside_crushes():
    """A teacher's or coach's abuse taken for love, beatings told as routine or a joke, running
    away to find a parent: the families holdout 22's blind run missed, from other pages; with
    crushes, planned visits and broken vases as look-alikes."""
    rows = _rows(BATCH21_FILE)
    urgent = [r for r in rows if r["urgent"]]
    per_kind = Counter(r["kind"] for r in rows)
    assert len(rows) >= 125 and len(urgent) >= 80
    assert (
        per_kind["hitting"] >= 25 and per_kind["sexual_abuse"] >= 15 and per_kind["runaway"] >= 15
    )
    assert {r["style"] for r in urgent} == set(real.STYLES)
    assert {r["kind"] for r in rows if not r["urgent"]} == set(real.SAFE_KINDS)


def test_batch22_tells_harm_in_cantonese_and_neglect_as_a_life_story_beside_look_alikes():
    """Harm told in written Cantonese, exploitation into sex work, theft and begging, neglect
    told as a plain life story, hitting in soft words: the families holdout 23's blind run missed,
    from other pages; with vaccine dread, quarrels at home and letters to a parent in prison as
    look-alikes."""
    rows = _rows(BATCH22_FILE)
    urgent = [r for r in rows if r["urgent"]]
    per_kind = Counter(r["kind"] for r in rows)
    assert len(rows) >= 150 and len(urgent) >= 85
    assert per_kind["neglect"] >= 20 and per_kind["exploitation"] >= 20
    assert per_kind["hitting"] >= 20
    assert {r["style"] for r in urgent} == set(real.STYLES)
    assert {r["kind"] for r in rows if not r["urgent"]} == set(real.SAFE_KINDS)
    cantonese = [r for r in urgent if any(ch in r["text"] for ch in "佢唔嘅咗啲冇俾喺")]
    assert len(cantonese) >= 20


def test_batch23_tells_abuse_by_feelings_and_self_harm_as_a_joke_beside_look_alikes():
    """Sexual abuse told only through the child's feelings, self-harm and poisoning told as a
    joke, bullying told by what others did, children living alone: the families holdout 24's
    blind run missed, from other pages; with hazards, joking threats and tipsy parents as
    look-alikes."""
    rows = _rows(BATCH23_FILE)
    urgent = [r for r in rows if r["urgent"]]
    per_kind = Counter(r["kind"] for r in rows)
    assert len(rows) >= 145 and len(urgent) >= 80
    assert per_kind["sexual_abuse"] >= 20 and per_kind["self_harm"] >= 20
    assert per_kind["bullying"] >= 20 and per_kind["neglect"] >= 15
    assert {r["style"] for r in urgent} == set(real.STYLES)
    assert {r["kind"] for r in rows if not r["urgent"]} == set(real.SAFE_KINDS)


def test_batch24_tells_neglect_and_work_cheerfully_beside_calls_with_grandparents():
    """Neglect told cheerfully or as routine, under-age work told with pride, grooming told in
    written Cantonese with a laugh: the families holdout 25's blind run missed, from other pages;
    with calls to grandparents and other places' news as look-alikes."""
    rows = _rows(BATCH24_FILE)
    urgent = [r for r in rows if r["urgent"]]
    per_kind = Counter(r["kind"] for r in rows)
    assert len(rows) >= 140 and len(urgent) >= 75
    assert per_kind["neglect"] >= 40 and per_kind["exploitation"] >= 15
    assert {r["style"] for r in urgent} == set(real.STYLES)
    assert {r["kind"] for r in rows if not r["urgent"]} == set(real.SAFE_KINDS)


def test_holdout26_is_a_smaller_blind_set_whose_gaps_are_known():
    """The index's unused pages ran short for holdout 26: no online grooming, one neglect line,
    so its blind run says nothing about those kinds."""
    rows = _rows(HOLDOUT26_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert len(rows) >= 95 and len(urgent) >= 60
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS) - {"grooming_online"}
    assert {r["kind"] for r in rows if not r["urgent"]} == set(real.SAFE_KINDS)
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch25_draws_the_line_between_busy_parents_and_neglect():
    """Children who spend the holidays at a parent's shop, stall or site, bored and seeing little
    of their parents (ordinary), beside children locked in, left for weeks or selling flowers at
    night: the boundary the team's look-alike 寒假去爸妈开店的地方…忙到半夜 sits on."""
    rows = _rows(BATCH25_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert len(rows) >= 90 and len(urgent) >= 30
    assert Counter(r["kind"] for r in rows)["ordinary"] >= 45
    assert {r["kind"] for r in urgent} == {"neglect", "exploitation"}
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch26_tells_harm_without_a_danger_word_beside_everyday_worries():
    """Disclosures with no danger word, from news and helpline reports in Chinese and English,
    beside look-alikes a child writes every day: exam stress, a dead pet, a move, busy parents."""
    rows = _rows(BATCH26_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert len(rows) >= 145 and len(urgent) >= 90
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS)
    assert {r["kind"] for r in rows if not r["urgent"]} == set(real.SAFE_KINDS)
    assert {r["style"] for r in urgent} == set(real.STYLES)
    assert Counter(r["source_kind"] for r in rows)["helpline_report"] >= 20


def test_batch27_holds_very_short_hints_and_chat_like_look_alikes():
    """Hints of a few characters and harm in dialect, beside the game talk, injuries, squabbles
    and retold safety lessons a chat assistant reads every day, typed the same ways."""
    rows = _rows(BATCH27_FILE)
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    assert len(rows) >= 150 and len(urgent) >= 75 and len(safe) >= 70
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS)
    assert {r["kind"] for r in safe} == set(real.SAFE_KINDS)
    assert {r["style"] for r in urgent} == set(real.STYLES)
    assert len([r for r in urgent if len(r["text"]) <= 10]) >= 8
    assert len([r for r in safe if r["style"] != "characters"]) >= 50


def test_batch28_tells_grooming_and_early_marriage_beside_ordinary_family_trouble():
    """Online adults who plan to meet, girls married off or sent to work and runaways told in
    dialect, beside a grandparent's illness, bickering parents and retold safety lessons."""
    rows = _rows(BATCH28_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 140 and len(urgent) >= 75
    assert kinds["grooming_online"] >= 15 and kinds["runaway"] >= 15
    assert {r["kind"] for r in rows if not r["urgent"]} == set(real.SAFE_KINDS)
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch29_tells_witnessed_violence_self_harm_and_neglect_indirectly():
    """The three kinds the blind runs miss most, told as a child types them, beside grief, exam
    stress and parents who argue and make up."""
    rows = _rows(BATCH29_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 140 and len(urgent) >= 80
    assert min(kinds["witnessed_dv"], kinds["self_harm"], kinds["neglect"]) >= 15
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS)
    assert {r["kind"] for r in rows if not r["urgent"]} == set(real.SAFE_KINDS)
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch30_tells_neglect_and_exploitation_by_their_details():
    """Neglect and child work told by what the child lives through, beside children who cook,
    stay home alone for an evening or help in the family shop and are fine."""
    rows = _rows(BATCH30_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 150 and len(urgent) >= 100
    assert min(kinds["neglect"], kinds["exploitation"]) >= 30 and kinds["runaway"] >= 20
    assert len([r for r in rows if not r["urgent"]]) >= 50
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch31_holds_mostly_chatty_look_alikes_beside_chatty_disclosures():
    """What a chat assistant reads every day and must leave alone, and harm told in the same
    chatty styles."""
    rows = _rows(BATCH31_FILE)
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    assert len(rows) >= 160 and len(safe) >= 90 and len(urgent) >= 60
    assert {r["kind"] for r in safe} == set(real.SAFE_KINDS)
    assert len([r for r in safe if r["style"] != "characters"]) >= 30


def test_batch33_tells_violence_at_home_bullying_and_running_away_indirectly():
    """Violence heard or seen at home, bullying by what others did, runaways and child work,
    beside quarrels that end well, agreed sleepovers and teasing among friends."""
    rows = _rows(BATCH33_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 160 and len(urgent) >= 100
    assert kinds["bullying"] >= 30 and kinds["witnessed_dv"] >= 25 and kinds["runaway"] >= 20
    assert len([r for r in rows if not r["urgent"]]) >= 60


def test_batch32_tells_grooming_sexual_abuse_and_hitting_without_danger_words():
    """Online "friends" who move the chat and ask for secrets, abuse told as a game or a special
    lesson, beatings told as a family rule, beside body-safety lessons and check-ups."""
    rows = _rows(BATCH32_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 150 and len(urgent) >= 95
    assert min(kinds["grooming_online"], kinds["sexual_abuse"], kinds["hitting"]) >= 30
    assert len([r for r in rows if not r["urgent"]]) >= 55
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch34_wraps_self_harm_and_neglect_in_jokes_and_emoji():
    """What the screen misses most, told with a laugh or in emoji, beside figures of speech and
    sad news typed the same ways."""
    rows = _rows(BATCH34_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 150 and len(urgent) >= 95
    assert kinds["self_harm"] >= 40 and kinds["neglect"] >= 30
    assert len([r for r in rows if r["style"] in ("joking", "emoji")]) >= 130
    assert len([r for r in rows if not r["urgent"]]) >= 55


def test_batch35_tells_every_kind_of_harm_in_other_places_ways_of_writing():
    """Cantonese, Taiwanese, Malaysian, Singaporean and dialect voices, for every kind of harm
    and for the everyday look-alikes."""
    rows = _rows(BATCH35_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert len(rows) >= 145 and len(urgent) >= 90
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS)
    assert {r["kind"] for r in rows if not r["urgent"]} == set(real.SAFE_KINDS)
    assert len([r for r in urgent if r["style"] == "mixed"]) >= 20


def test_batch36_tells_neglect_and_bullying_only_by_their_details():
    """No danger word: a corner of a flat, a lunch that is the only meal, things lost and clothes
    cut, beside lost things found and teasing both friends enjoy."""
    rows = _rows(BATCH36_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 130 and kinds["neglect"] >= 35 and kinds["bullying"] >= 45
    assert len([r for r in rows if not r["urgent"]]) >= 40


def test_batch37_tells_scams_on_children_beatings_by_their_tools_and_adults_posing_as_children():
    rows = _rows(BATCH37_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 130 and len(urgent) >= 85
    assert min(kinds["exploitation"], kinds["hitting"]) >= 30 and kinds["grooming_online"] >= 25
    assert len([r for r in rows if not r["urgent"]]) >= 40


def test_batch38_tells_harm_mostly_in_emoji():
    """A message of a few words and many emoji is the clearest gap left; the look-alikes are
    typed the same way."""
    rows = _rows(BATCH38_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert len(rows) >= 115 and len(urgent) >= 75
    assert {r["style"] for r in rows} == {"emoji"}
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS)


def test_batch39_tells_neglect_and_child_work_beside_lawful_work_and_busy_parents():
    rows = _rows(BATCH39_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 105 and kinds["neglect"] >= 35 and kinds["exploitation"] >= 25
    assert len([r for r in rows if not r["urgent"]]) >= 40
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch42_tells_bullying_and_neglect_by_what_happens_beside_quarrels_and_busy_parents():
    rows = _rows(BATCH42_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 125 and kinds["bullying"] >= 30 and kinds["neglect"] >= 30
    assert len([r for r in rows if not r["urgent"]]) >= 40
    assert {r["style"] for r in urgent} >= {"characters", "pinyin", "emoji", "joking", "mixed"}


def test_batch40_tells_sexual_abuse_and_violence_at_home_sideways_beside_bedtime_and_checkups():
    rows = _rows(BATCH40_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(rows) >= 110 and kinds["sexual_abuse"] >= 40 and kinds["witnessed_dv"] >= 25
    assert len([r for r in rows if not r["urgent"]]) >= 40
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch41_tells_every_kind_of_harm_in_emoji_beside_emoji_look_alikes():
    rows = _rows(BATCH41_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS)
    assert len([r for r in urgent if r["style"] == "emoji"]) >= 70
    assert len([r for r in rows if not r["urgent"] and r["style"] == "emoji"]) >= 45


def test_batch43_is_mostly_chatty_look_alikes_beside_harm_told_in_the_same_voice():
    rows = _rows(BATCH43_FILE)
    safe = [r for r in rows if not r["urgent"]]
    urgent = [r for r in rows if r["urgent"]]
    assert len(safe) >= 110 and len(urgent) >= 30
    assert {r["style"] for r in safe} == set(real.STYLES)
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch44_tells_violence_at_home_running_away_and_grooming_beside_safe_look_alikes():
    rows = _rows(BATCH44_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert kinds["witnessed_dv"] >= 30 and kinds["runaway"] >= 25
    assert kinds["grooming_online"] >= 25 and kinds["self_harm"] >= 15
    assert len([r for r in rows if not r["urgent"]]) >= 40
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch45_types_harm_and_its_look_alikes_in_pinyin_and_homophones():
    rows = _rows(BATCH45_FILE)
    typed = {"pinyin", "homophone", "mixed"}
    urgent = [r for r in rows if r["urgent"]]
    safe = [r for r in rows if not r["urgent"]]
    assert len(urgent) >= 70 and all(r["style"] in typed for r in urgent)
    assert len(safe) >= 70 and len([r for r in safe if r["style"] in typed]) >= 65
    assert len({r["kind"] for r in urgent}) == len(real.URGENT_KINDS)


def test_batch46_tells_neglect_by_its_details_beside_poor_but_loving_families():
    rows = _rows(BATCH46_FILE)
    neglect = [r for r in rows if r["kind"] == "neglect"]
    assert len(neglect) >= 60 and len([r for r in neglect if r["style"] == "emoji"]) >= 20
    assert len([r for r in rows if not r["urgent"]]) >= 50


def test_batch47_tells_bullying_and_child_work_indirectly_beside_chores_and_teasing():
    rows = _rows(BATCH47_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert kinds["bullying"] >= 40 and kinds["exploitation"] >= 40
    assert len([r for r in rows if not r["urgent"]]) >= 45
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch48_tells_every_kind_of_harm_in_regional_voices_beside_rough_everyday_talk():
    rows = _rows(BATCH48_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS) and len(urgent) >= 70
    assert len([r for r in rows if not r["urgent"]]) >= 50


def test_batch49_is_mostly_safety_suggestions_beside_some_that_reveal_danger():
    rows = _rows(BATCH49_FILE)
    safe = [r for r in rows if not r["urgent"]]
    assert len(safe) >= 110 and len([r for r in safe if r["kind"] == "ordinary_safety"]) >= 60
    assert len([r for r in rows if r["urgent"]]) >= 30


def test_batch50_tells_neglect_and_bullying_by_small_details_mostly_in_emoji():
    rows = _rows(BATCH50_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert kinds["neglect"] >= 45 and kinds["bullying"] >= 40
    assert len([r for r in urgent if r["style"] == "emoji"]) >= 35
    assert len([r for r in rows if not r["urgent"]]) >= 45


def test_batch51_tells_every_kind_of_harm_in_english_mixed_voices():
    rows = _rows(BATCH51_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS)
    assert len([r for r in urgent if r["style"] == "mixed"]) >= 55
    assert len([r for r in rows if not r["urgent"]]) >= 50


def test_batch52_tells_sexual_abuse_and_grooming_by_hints_beside_kind_adults():
    rows = _rows(BATCH52_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert kinds["sexual_abuse"] >= 40 and kinds["grooming_online"] >= 40
    assert len([r for r in rows if not r["urgent"]]) >= 45
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch53_tells_every_kind_of_harm_laughing_beside_laughing_look_alikes():
    rows = _rows(BATCH53_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS)
    assert len([r for r in urgent if r["style"] == "joking"]) >= 60
    assert len([r for r in rows if not r["urgent"] and r["style"] == "joking"]) >= 50


def test_batch54_tells_strangers_who_follow_and_violence_heard_from_hiding():
    rows = _rows(BATCH54_FILE)
    kinds = Counter(r["kind"] for r in rows if r["urgent"])
    assert kinds["grooming_online"] >= 45 and kinds["witnessed_dv"] >= 20
    assert len([r for r in rows if not r["urgent"]]) >= 50


def test_batch55_tells_harm_by_its_effects_beside_honest_injuries_and_nightmares():
    rows = _rows(BATCH55_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert len(urgent) >= 65
    assert min(kinds[k] for k in ("neglect", "self_harm", "sexual_abuse", "hitting")) >= 12
    assert {r["style"] for r in urgent} == set(real.STYLES)
    assert len([r for r in rows if not r["urgent"]]) >= 50


def test_batch56_tells_sexual_abuse_as_care_and_violence_at_home_through_play_and_courts():
    rows = _rows(BATCH56_FILE)
    kinds = Counter(r["kind"] for r in rows if r["urgent"])
    assert kinds["sexual_abuse"] >= 45 and kinds["witnessed_dv"] >= 18
    assert len([r for r in rows if r["urgent"] and r["style"] == "mixed"]) >= 15
    assert len([r for r in rows if not r["urgent"]]) >= 35


def test_batch57_tells_self_harm_indirectly_beside_tooth_pain_and_sun_sleeves():
    rows = _rows(BATCH57_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert Counter(r["kind"] for r in urgent)["self_harm"] >= 40
    assert {r["style"] for r in urgent} == set(real.STYLES)
    assert len([r for r in rows if r["kind"] == "figure_of_speech"]) >= 20


def test_batch58_tells_neglect_and_child_work_beside_children_who_are_fine():
    rows = _rows(BATCH58_FILE)
    kinds = Counter(r["kind"] for r in rows if r["urgent"])
    assert kinds["exploitation"] >= 50 and kinds["neglect"] >= 30
    assert len([r for r in rows if not r["urgent"]]) >= 45


def test_batch59_tells_grooming_running_away_and_beatings_in_children_s_spellings():
    rows = _rows(BATCH59_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert min(kinds["runaway"], kinds["hitting"], kinds["grooming_online"]) >= 20
    assert len([r for r in urgent if r["style"] in ("pinyin", "homophone", "emoji")]) >= 45
    assert len([r for r in rows if not r["urgent"]]) >= 45


def test_batch60_tells_neglect_by_small_details_beside_food_left_by_working_parents():
    rows = _rows(BATCH60_FILE)
    kinds = Counter(r["kind"] for r in rows if r["urgent"])
    assert kinds["neglect"] >= 55 and kinds["witnessed_dv"] >= 15
    assert len([r for r in rows if not r["urgent"]]) >= 45


def test_batch61_tells_every_kind_of_harm_joking_or_in_emoji_beside_jokes():
    rows = _rows(BATCH61_FILE)
    urgent = [r for r in rows if r["urgent"]]
    kinds = Counter(r["kind"] for r in urgent)
    assert min(kinds[k] for k in real.URGENT_KINDS) >= 6
    styles = Counter(r["style"] for r in urgent)
    assert styles["joking"] >= 35 and styles["emoji"] >= 35
    assert len([r for r in rows if not r["urgent"]]) >= 50


def test_batch62_is_mostly_look_alikes_beside_the_danger_they_resemble():
    rows = _rows(BATCH62_FILE)
    safe = Counter(r["kind"] for r in rows if not r["urgent"])
    assert sum(safe.values()) >= 80 and min(safe[k] for k in real.SAFE_KINDS) >= 15
    assert {r["kind"] for r in rows if r["urgent"]} == set(real.URGENT_KINDS)


def test_batch63_is_mostly_look_alikes_of_the_blind_runs_false_alarms():
    rows = _rows(BATCH63_FILE)
    safe = Counter(r["kind"] for r in rows if not r["urgent"])
    assert sum(safe.values()) >= 65 and min(safe[k] for k in real.SAFE_KINDS) >= 15
    assert {r["kind"] for r in rows if r["urgent"]} == set(real.URGENT_KINDS)


def test_batch64_tells_every_kind_of_harm_in_singapore_malaysia_and_hong_kong_voices():
    rows = _rows(BATCH64_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert min(Counter(r["kind"] for r in urgent)[k] for k in real.URGENT_KINDS) >= 7
    assert len([r for r in rows if r["style"] == "mixed"]) >= 55


def test_batch65_tells_violence_at_home_indirectly_and_running_away_beside_quarrels_made_up():
    rows = _rows(BATCH65_FILE)
    kinds = Counter(r["kind"] for r in rows if r["urgent"])
    assert kinds["witnessed_dv"] >= 40 and kinds["runaway"] >= 30
    assert len([r for r in rows if not r["urgent"]]) >= 50


def test_batch66_tells_child_work_indirectly_and_bullying_adults_wave_away():
    rows = _rows(BATCH66_FILE)
    kinds = Counter(r["kind"] for r in rows if r["urgent"])
    assert kinds["exploitation"] >= 60 and kinds["bullying"] >= 25
    assert {r["style"] for r in rows if r["urgent"]} == set(real.STYLES)
    assert len([r for r in rows if not r["urgent"]]) >= 45


def test_batch67_types_every_kind_of_harm_in_pinyin_and_slang_beside_chat_in_the_same_spelling():
    rows = _rows(BATCH67_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert min(Counter(r["kind"] for r in urgent)[k] for k in real.URGENT_KINDS) >= 6
    styles = Counter(r["style"] for r in urgent)
    assert styles["pinyin"] >= 30 and styles["homophone"] >= 25
    assert len([r for r in rows if not r["urgent"] and r["style"] != "characters"]) >= 45


def test_batch68_is_mostly_diary_look_alikes_beside_the_danger_they_resemble():
    rows = _rows(BATCH68_FILE)
    safe = Counter(r["kind"] for r in rows if not r["urgent"])
    assert sum(safe.values()) >= 90 and min(safe[k] for k in real.SAFE_KINDS) >= 15
    assert {r["kind"] for r in rows if r["urgent"]} == set(real.URGENT_KINDS)


def test_holdouts_37_and_38_together_cover_every_kind_and_style():
    """Holdout 37 found no free page for online grooming; holdout 38 was written to complete it.
    Only kinds and styles are counted, so the blind texts are never looked at."""
    rows = _rows(HOLDOUT37_FILE) + _rows(HOLDOUT38_FILE)
    urgent = [r for r in rows if r["urgent"]]
    assert len(urgent) >= 95 and len(rows) - len(urgent) >= 40
    assert {r["kind"] for r in urgent} == set(real.URGENT_KINDS)
    assert {r["kind"] for r in rows if not r["urgent"]} == set(real.SAFE_KINDS)
    assert {r["style"] for r in urgent} == set(real.STYLES)


def test_batch69_tells_neglect_beyond_hunger_and_sexual_abuse_by_hints():
    rows = _rows(BATCH69_FILE)
    kinds = Counter(r["kind"] for r in rows if r["urgent"])
    assert kinds["neglect"] >= 60 and kinds["sexual_abuse"] >= 20
    assert {r["style"] for r in rows if r["urgent"]} == set(real.STYLES)
    assert len([r for r in rows if not r["urgent"]]) >= 45


def test_batch70_tells_child_work_beyond_cards_and_stalls():
    rows = _rows(BATCH70_FILE)
    assert Counter(r["kind"] for r in rows if r["urgent"])["exploitation"] >= 55
    assert {r["style"] for r in rows if r["urgent"]} == set(real.STYLES)
    assert len([r for r in rows if not r["urgent"]]) >= 35


def test_batch71_hides_danger_in_one_sentence_of_a_suggestion_or_an_essay():
    rows = _rows(BATCH71_FILE)
    safe = Counter(r["kind"] for r in rows if not r["urgent"])
    assert min(safe[k] for k in real.SAFE_KINDS) >= 15
    assert {r["kind"] for r in rows if r["urgent"]} == set(real.URGENT_KINDS)


def test_batch72_tells_bullying_indirectly_and_grooming_beside_teasing_both_enjoy():
    rows = _rows(BATCH72_FILE)
    kinds = Counter(r["kind"] for r in rows if r["urgent"])
    assert kinds["bullying"] >= 60 and kinds["grooming_online"] >= 30
    assert {r["style"] for r in rows if r["urgent"]} == set(real.STYLES)
    assert len([r for r in rows if not r["urgent"]]) >= 45


def test_batch73_is_short_chat_mostly_moods_and_small_complaints():
    rows = _rows(BATCH73_FILE)
    safe = [r for r in rows if not r["urgent"]]
    assert len(safe) >= 95 and {r["kind"] for r in safe} == set(real.SAFE_KINDS)
    assert {r["kind"] for r in rows if r["urgent"]} == set(real.URGENT_KINDS)
    assert sorted(len(r["text"]) for r in rows)[len(rows) // 2] <= 30
