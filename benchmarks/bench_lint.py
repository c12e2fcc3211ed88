"""Whole-process wall time of ``bxmlkit lint``, side by side with ``import lxml.etree``.

    python benchmarks/bench_lint.py [--runs 15] [--files 1000] [--save]

Rows (median of ``--runs`` runs, each a fresh process):

* ``python -c "import lxml.etree"``: the floor any lxml-based tool pays;
* ``bxmlkit lint one.xml``: one IVR-sized document (target: at most 3x the floor);
* ``bxmlkit lint DIR`` with 1000 IVR-sized files (target: at most one-file time + 0.15 s).

Prints a Markdown table; ``--save`` also writes it to ``benchmarks/results/lint.md``.
Not part of the test run: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

IVR = """<?xml version="1.0" encoding="UTF-8"?>
<Response>
    <StartRecording recordingAvailableUrl="https://example.com/recording/{n}" multiChannel="true"/>
    <SpeakSentence voice="julie">Thank you for calling Example Corp, branch {n}.</SpeakSentence>
    <Gather gatherUrl="https://example.com/menu/{n}" maxDigits="1" firstDigitTimeout="10"
            repeatCount="2">
        <SpeakSentence voice="julie">For sales, press 1. For support, press 2.</SpeakSentence>
        <SpeakSentence voice="julie">To hear these options again, press 9.</SpeakSentence>
        <PlayAudio>https://example.com/audio/hold.mp3</PlayAudio>
    </Gather>
</Response>
"""


def _median_wall(command: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system, the process and its children)."""
    times = []
    cpu = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--save", action="store_true", help="write benchmarks/results/lint.md")
    args = parser.parse_args(argv)

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("GITHUB_ACTIONS", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users run with byte-code caches
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.xml"
        one.write_text(IVR.format(n=0), encoding="utf-8")
        many = Path(tmp) / "many"
        many.mkdir()
        for n in range(args.files):
            (many / f"ivr{n:04d}.xml").write_text(IVR.format(n=n), encoding="utf-8")
        # warm the file system cache and check that the documents are clean
        check = subprocess.run(
            [python, "-m", "bxmlkit", "lint", str(one), str(many)], env=env, capture_output=True
        )
        if check.returncode != 0:
            sys.stderr.write(check.stdout.decode() + check.stderr.decode())
            return 1
        floor, floor_cpu = _median_wall([python, "-c", "import lxml.etree"], args.runs, env)
        single, single_cpu = _median_wall(
            [python, "-m", "bxmlkit", "lint", str(one)], args.runs, env
        )
        bulk, bulk_cpu = _median_wall([python, "-m", "bxmlkit", "lint", str(many)], args.runs, env)
        load = os.getloadavg()[0]

    rows = [
        ('`python -c "import lxml.etree"`', floor, floor_cpu, "baseline", ""),
        (
            "`bxmlkit lint one.xml`",
            single,
            single_cpu,
            f"{single / floor:.1f}x baseline",
            "<= 3x baseline " + ("(met)" if single <= 3 * floor else "(MISSED)"),
        ),
        (
            f"`bxmlkit lint` {args.files} IVR-sized files",
            bulk,
            bulk_cpu,
            f"one file + {bulk - single:.3f} s",
            "<= one file + 0.15 s " + ("(met)" if bulk <= single + 0.15 else "(MISSED)"),
        ),
    ]
    lines = [
        f"Whole-process wall time, median of {args.runs} runs "
        f"(Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}, "
        f"load average {load:.1f} during the run).",
        "CPU is user + system time of the process and its workers.",
        "",
        "| command | wall time | CPU | relative (wall) | target |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    lines += [
        f"| {name} | {value * 1000:.0f} ms | {cpu * 1000:.0f} ms | {rel} | {target} |"
        for name, value, cpu, rel, target in rows
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    if args.save:
        out = ROOT / "benchmarks" / "results" / "lint.md"
        out.write_text("# bxmlkit lint benchmark\n\n" + table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
