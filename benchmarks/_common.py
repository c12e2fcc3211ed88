"""Small timing and reporting helpers shared by the benchmark scripts.

Stable API (other benchmark scripts import these; keep the signatures):

* ``median_time(fn, rounds=7, number=None)``: median seconds per call of ``fn()``;
* ``median_times({name: fn}, rounds=7)``: the same for several functions, with the rounds
  interleaved so that a slow patch of the machine hits every candidate alike;
* ``markdown_table(headers, rows)``: a GitHub Markdown table;
* ``environment(command)``: Markdown lines naming the command, Python, date, machine, load
  average and git commit;
* ``REPO_ROOT``: the repository root.

Importing this module puts ``REPO_ROOT`` first on ``sys.path`` when ``bxmlkit`` cannot be
imported otherwise, so that ``.venv/bin/python benchmarks/bench_x.py`` measures the working
tree's ``bxmlkit`` without installing it (an installed copy, or one on ``PYTHONPATH``, wins:
that is how to benchmark a variant).  Import it before ``bxmlkit``.

Timing follows ``timeit``: ``time.perf_counter``, a loop of ``number`` calls per round, the
garbage collector disabled during a round, and the median over rounds reported.
"""

from __future__ import annotations

import datetime
import gc
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "REPO_ROOT",
    "calibrate",
    "environment",
    "markdown_table",
    "median_time",
    "median_times",
    "time_round",
]

#: The repository root (the folder holding ``bxmlkit/`` and ``benchmarks/``).
REPO_ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("bxmlkit") is None:
    sys.path.insert(0, str(REPO_ROOT))

#: How long one timed round aims to last, in seconds.
ROUND_SECONDS = 0.05


def time_round(fn: Callable[[], Any], number: int) -> float:
    """Seconds per call of ``fn()`` over one loop of ``number`` calls (GC off, like timeit)."""
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        for _ in range(number):
            fn()
        elapsed = time.perf_counter() - start
    finally:
        if gc_was_enabled:
            gc.enable()
    return elapsed / number


def calibrate(fn: Callable[[], Any], seconds: float = ROUND_SECONDS) -> int:
    """The loop size that makes one round of ``fn()`` last about ``seconds`` (at least 1)."""
    number = 1
    while True:
        elapsed = time_round(fn, number) * number
        if elapsed >= seconds / 5 or number >= 1 << 24:
            break
        number *= 10
    per_call = max(elapsed / number, 1e-9)
    return max(1, int(seconds / per_call))


def median_time(fn: Callable[[], Any], rounds: int = 7, number: int | None = None) -> float:
    """Median over ``rounds`` of the seconds per call of ``fn()``.

    ``number`` calls make one round; ``None`` picks it so a round lasts ``ROUND_SECONDS``.
    """
    if number is None:
        number = calibrate(fn)
    return statistics.median([time_round(fn, number) for _ in range(rounds)])


def median_times(
    fns: Mapping[str, Callable[[], Any]],
    rounds: int = 7,
    seconds: float = ROUND_SECONDS,
) -> dict[str, tuple[float, float]]:
    """``{name: (median seconds per call, relative spread)}`` for several functions.

    Rounds are interleaved (round 1 of every function, then round 2, ...).  The spread is
    half the interquartile range of the rounds over the median (``0.05``: about ±5%), a quick
    sign of a noisy measurement.
    """
    numbers = {name: calibrate(fn, seconds) for name, fn in fns.items()}
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            samples[name].append(time_round(fn, numbers[name]))
    result = {}
    for name, values in samples.items():
        median = statistics.median(values)
        result[name] = (median, _half_iqr(values) / median if median else 0.0)
    return result


def _half_iqr(values: Sequence[float]) -> float:
    if len(values) < 4:
        return (max(values) - min(values)) / 2
    quartiles = statistics.quantiles(values, n=4)
    return (quartiles[2] - quartiles[0]) / 2


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A GitHub Markdown table; columns whose cells all look numeric (or ``-``) are
    right-aligned."""
    cells = [[str(cell) for cell in row] for row in rows]

    def numeric(text: str) -> bool:
        stripped = text.replace(",", "").replace("x", "").replace("%", "").replace("±", "")
        try:
            float(stripped)
        except ValueError:
            return False
        return True

    lines = ["| " + " | ".join(headers) + " |"]
    rules = []
    for column in range(len(headers)):
        values = [row[column] for row in cells if column < len(row) and row[column] != "-"]
        right = bool(values) and all(numeric(value) for value in values)
        rules.append("---:" if right else "---")
    lines.append("| " + " | ".join(rules) + " |")
    for row in cells:
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _cpu_count() -> int:
    """What ``nproc`` prints: the CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _git_state() -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "bxmlkit", "schema"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    paths = [line[3:] for line in dirty.splitlines() if line.strip()]
    if not paths:
        return f"commit {commit}, bxmlkit/ and schema/ clean"
    shown = ", ".join(paths[:6]) + (f" and {len(paths) - 6} more" if len(paths) > 6 else "")
    return f"commit {commit}, with uncommitted changes in {shown}"


def _load() -> str:
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def _relative(path: str) -> str:
    """``path`` relative to the repository when it lies inside it (no machine paths in results)."""
    try:
        return os.path.relpath(path, REPO_ROOT) if path.startswith(str(REPO_ROOT)) else path
    except ValueError:
        return path


def environment(command: str) -> list[str]:
    """Markdown bullet lines describing the run: command, Python, date, machine, source tree
    and the machine's load average when the run started (other processes skew timings)."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return [
        f"- Command: `{command}`",
        f"- Python: {platform.python_implementation()} {platform.python_version()} "
        f"({_relative(sys.executable)})",
        f"- Date: {now}",
        f"- Machine: {platform.system()} {platform.machine()}, {_cpu_count()} CPUs (nproc), "
        f"CPU model: {_cpu_model()}",
        f"- Load average at start (1, 5, 15 min): {_load()}",
        f"- Source: {_git_state()}",
    ]
