"""benchmarks/results/scale.md from every scale-*.json measured so far, sizes side by side."""

from __future__ import annotations

import json
from pathlib import Path

from .measure import HISTORY, RESULTS

TARGET_MS = 300
TARGET_MB = 150


def _size(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k" if n >= 1000 else str(n)


def _page_cell(page: dict) -> str:
    if page["status"] != 200:
        return f"HTTP {page['status']}"
    queries = "/".join(str(q) for q in page["queries"])
    flag = "" if page["median_ms"] <= TARGET_MS else " ⚠"
    first = page.get("first_ms", 0)
    cold = f" (first, uncached: {first / 1000:.1f} s)" if first > max(3 * page["median_ms"],
                                                                     TARGET_MS) else ""
    return f"{page['median_ms']:.0f} ms, {queries} q{flag}{cold}{_load(page)}"


def _load(run: dict) -> str:
    """The machine's load average when the figure was taken (shared cores), if recorded."""
    return f" [load {run['load']}]" if "load" in run else ""


def _export_cell(run: dict) -> str:
    if run["status"] != 200:
        return f"HTTP {run['status']}"
    first = f"first byte {run['first_byte_s']:.2f} s" if run["first_byte_s"] else \
        f"{run.get('rows', 0):,} rows, progress saved per chunk"
    return (f"{run['seconds']:.1f} s ({first}), "
            f"+{run['extra_mb']:.0f} MB, {run['bytes'] / 1e6:.0f} MB file{_load(run)}")


def table(results: list[dict]) -> list[str]:
    """Pages and exports down, sizes across."""
    head = " | ".join(_size(r["suggestions"]) for r in results)
    lines = ["| page | " + head + " |", "|---|" + "---|" * len(results)]
    names = list(dict.fromkeys(n for r in results for n in r["pages"]))
    for name in names:
        cells = [(_page_cell(r["pages"][name]) if name in r["pages"] else "—") for r in results]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for name in dict.fromkeys(n for r in results for n in r["exports"]):
        cells = [(_export_cell(r["exports"][name]) if name in r["exports"] else "—")
                 for r in results]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _history() -> list[str]:
    """Every earlier result, one table per day and hour it was measured, newest first."""
    found = [json.loads(p.read_text()) for p in sorted(HISTORY.glob("*.json"))]
    rounds: dict[str, list[dict]] = {}
    for result in found:
        rounds.setdefault(result.get("round", result["measured_at"][:13]), []).append(result)
    lines = []
    for name in sorted(rounds, reverse=True):
        results = sorted(rounds[name], key=lambda r: r["suggestions"])
        loads = ", ".join(f"{_size(r['suggestions'])} {r.get('load_average', '?')}"
                          for r in results)
        lines += ["", f"### {name} (load average {loads})", "",
                  *table(results)]
    return lines


def render(results: list[dict]) -> str:
    results = sorted(results, key=lambda r: r["suggestions"])
    lines = ["# Scale benchmark", "",
             "Every staff page, Open311 and the exports over HTTP on PostgreSQL, signed in as the",
             "seeded staff of the busiest city (hengyang). A page shows the median of the runs",
             "after one warm-up and the queries the request ran (`q`; one figure: the same on",
             f"every run). Targets: every page ≤ {TARGET_MS} ms with a constant query count;",
             f"exports streaming with ≤ {TARGET_MB} MB extra memory (⚠: over the target).", "",
             *table(results)]
    notes = RESULTS / "scale-notes.md"
    if notes.exists():
        lines += ["", notes.read_text().strip()]
    lines += ["", "## How each column was made", ""]
    for r in results:
        lines += [f"- **{_size(r['suggestions'])}** ({r['suggestions']:,} suggestions, "
                  f"{r['plan_suggestions']:,} in {r['plan']}; {r['database']}; {r['machine']}, "
                  f"load average {r.get('load_average', '?')} from the other sessions; "
                  f"{r['measured_at']}, {r['repeat']} runs a page):", "",
                  "  ```sh", *[f"  {line}" for line in r["command"].splitlines()], "  ```", ""]
    if HISTORY.exists():
        lines += ["## Earlier measurements (kept for comparison)", *_history(), ""]
    return "\n".join(lines)


def write() -> Path:
    results = [json.loads(p.read_text()) for p in sorted(RESULTS.glob("scale-*.json"))]
    target = RESULTS / "scale.md"
    target.write_text(render(results))
    return target
