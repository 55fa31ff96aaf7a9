"""How `tongsheng classify` starts, and what each step of loading the classifier costs.

    python -m benchmarks.startup

Used by ``benchmarks.memory`` (whose result file holds these figures too). The start is timed
from launching the command to its first line of output, wall and CPU (user + system of the
child), best of three; the floor is the CPU of importing the model's only library alone (NumPy:
the models are served from their NumPy export, scikit-learn, SciPy and skops stay unimported),
so the rest is our own time.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = json.dumps({"text": "操场太小了"}, ensure_ascii=False) + "\n"
LIBRARIES = "import numpy"
STEPS = [
    ("the model's library (NumPy; no scikit-learn, SciPy or skops)", LIBRARIES),
    ("+ the topic model", "from classifier.model import load_current; model = load_current()"),
    ("+ one text analysed (safeguarding model, redaction, pinyin)",
     "from classifier import analyse; analyse('我叫王小明，操场太小了', model)"),
    ("+ the chat's rendering (Flask, its pinyin table, jieba with the site's small word list)",
     "from webapp.public.chat_render import pinyin_pairs; pinyin_pairs('你好，我是小助手。')"),
    ("+ a facilitator's duplicate search (words from the common-word table, not jieba's)",
     "from models.suggestions.similarity import scores; "
     "scores('操场太小了', ['学校操场太小', '图书馆晚上开门'], model)"),
]
STEP_SCRIPT = """
import sys
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS'):
            return int(line.split()[1]) / 1024
for code in sys.argv[1:]:
    exec(code)
    print(round(rss()))
"""


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_line(command: list[str]) -> tuple[float, float]:
    """Wall seconds to the first output line and CPU seconds of the whole run."""
    cpu, started = _child_cpu(), time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=_env(), cwd=ROOT, text=True)
    process.stdin.write(LINE)
    process.stdin.close()
    process.stdout.readline()
    wall = time.perf_counter() - started
    process.stdout.read()
    process.wait()
    return wall, _child_cpu() - cpu


def library_floor() -> float:
    """CPU seconds of a process that only imports the model's libraries."""
    cpu = _child_cpu()
    subprocess.run([sys.executable, "-c", LIBRARIES], env=_env(), check=True)
    return _child_cpu() - cpu


def classify_start() -> dict:
    """Best of three: the classify command's start, and the libraries' floor."""
    command = [sys.executable, "-m", "webapp.cli", "classify", "--plan", "hengyang"]
    runs = [first_line(command) for _ in range(3)]
    return {"wall": min(w for w, _ in runs), "cpu": min(c for _, c in runs),
            "floor": min(library_floor() for _ in range(3))}


def import_steps() -> list[tuple[str, int]]:
    """RSS in MB of one process after each step of STEPS."""
    out = subprocess.run([sys.executable, "-c", STEP_SCRIPT, *(code for _, code in STEPS)],
                         capture_output=True, text=True, env=_env(), cwd=ROOT, check=True)
    return list(zip((name for name, _ in STEPS), map(int, out.stdout.split()), strict=True))


def lines() -> list[str]:
    """The result file's section on the classify command and the cost of each part."""
    start = classify_start()
    out = ["", "## `tongsheng classify`", "",
           "`echo '{\"text\": \"操场太小了\"}' | tongsheng classify --plan hengyang`, best of "
           "three, from launch to the first line:", "",
           "| measure | seconds |", "|---|---|",
           f"| wall clock | {start['wall']:.2f} |", f"| CPU (user + system) | {start['cpu']:.2f} |",
           f"| CPU of importing the model's library (NumPy) alone | {start['floor']:.2f} |",
           f"| our own CPU (the rest) | {start['cpu'] - start['floor']:.2f} |",
           "", "## What each part costs", "",
           "One process, step by step (`/proc/self/status`, RSS):", "",
           "| step | RSS MB |", "|---|---|"]
    return out + [f"| {name} | {rss} |" for name, rss in import_steps()]


if __name__ == "__main__":
    print("\n".join(lines()))
