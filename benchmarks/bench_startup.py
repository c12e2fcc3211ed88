"""Start-up of ``bxmlkit lint one.xml`` against ``python -c "import lxml.etree"``.

    python benchmarks/bench_startup.py [--runs 21] [--save]

Users get byte-code compiled by pip, so the script first compiles bxmlkit with ``compileall``
and runs every process without ``PYTHONDONTWRITEBYTECODE`` (without compiled byte-code every
start-up is about 35 ms slower).  Rows are the median wall time of ``--runs`` fresh processes,
measured interleaved (one of each per round) so that load on the machine hits both alike.
Target: ``bxmlkit lint one.xml`` at most 2.0x the floor.  ``python -X importtime`` shows where
the rest goes.  Prints a Markdown table; ``--save`` writes ``benchmarks/results/startup.md``.
Not part of the test run: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_lint import IVR  # noqa: E402 - the same IVR-sized document as bench_lint

TARGET = 2.0


def _wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--save", action="store_true", help="write benchmarks/results/startup.md")
    args = parser.parse_args(argv)

    compileall.compile_dir(str(ROOT / "bxmlkit"), quiet=1)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("GITHUB_ACTIONS", None)
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.xml"
        one.write_text(IVR.format(n=0), encoding="utf-8")
        commands = {
            "floor": [python, "-c", "import lxml.etree"],
            "lint": [python, "-m", "bxmlkit", "lint", str(one)],
        }
        check = subprocess.run(commands["lint"], env=env, capture_output=True)
        if check.returncode != 0:
            sys.stderr.write(check.stdout.decode() + check.stderr.decode())
            return 1
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(_wall(command, env))
        load = os.getloadavg()[0]
    floor = statistics.median(times["floor"])
    lint = statistics.median(times["lint"])
    ratio = lint / floor
    lines = [
        f"Start-up, byte-code compiled, median of {args.runs} interleaved runs "
        f"(Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}, "
        f"load average {load:.1f} during the run).",
        "",
        "| start-up | wall time | relative | target |",
        "| --- | ---: | --- | --- |",
        f'| `python -c "import lxml.etree"` | {floor * 1000:.0f} ms | baseline |  |',
        f"| `bxmlkit lint one.xml` (compiled) | {lint * 1000:.0f} ms | {ratio:.2f}x baseline | "
        f"<= {TARGET:.1f}x baseline " + ("(met)" if ratio <= TARGET else "(MISSED)") + " |",
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    if args.save:
        out = ROOT / "benchmarks" / "results" / "startup.md"
        out.write_text("# bxmlkit start-up benchmark\n\n" + table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
