"""The codec and validation targets counted in CPU instructions, which load does not change.

    python benchmarks/bench_instructions.py [--calls 2000] [--save]

Wall-clock tables (``bench_codec.py``, ``bench_validate.py``) move by 20-40% between runs on
a shared machine.  This script runs each candidate under valgrind's callgrind twice in a fresh
interpreter, once with no timed calls and once with ``--calls`` calls after the same warm-up,
and reports the difference divided by ``--calls``: the instructions one call executes,
repeatable to about 1%, with start-up, imports and warm-up cancelled out.  The candidates
and documents are the ones of the wall-clock tables, and each ratio is taken against lxml in
the same run.  An instruction is not a fixed amount of time (libxml2's C code executes more
of them per cycle than the interpreter does, so the wall-clock ratios come out higher), which
is why the targets are judged on the wall-clock tables and this table explains them.
Needs ``valgrind`` on PATH (Debian: ``apt-get install valgrind``); byte-code is compiled first,
as pip installs it.  ``--save`` writes ``benchmarks/results/instructions.md``.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from _common import REPO_ROOT, environment, markdown_table  # first: sets sys.path

RESULTS = REPO_ROOT / "benchmarks" / "results" / "instructions.md"
WARM_UP = 20
#: Where each target is judged (in wall-clock time, as the issues set them).
WALL_CLOCK_TABLE = {
    "parse-bxmlkit": "bench_codec.py, table 2",
    "build-bxmlkit": "bench_codec.py, table 1",
    "validate-bxmlkit": "bench_validate.py",
}


def candidates() -> dict[str, Callable[[], Any]]:
    """Every measured call, by name (imported inside the worker process only)."""
    from bench_codec import build_bxmlkit, build_lxml
    from bench_validate import IVR
    from lxml import etree

    from bxmlkit import schema
    from bxmlkit._parser import parse
    from bxmlkit.codec import from_xml

    data = build_bxmlkit()
    hand_schema = etree.XMLSchema(etree.parse(str(schema.schema_path())))
    safe_parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    schema.compiled_schema()
    return {
        "parse-lxml": lambda: etree.fromstring(data),
        "parse-hardened": lambda: parse(data),
        "parse-bxmlkit": lambda: from_xml(data),
        "build-lxml": build_lxml,
        "build-bxmlkit": build_bxmlkit,
        "validate-lxml": lambda: hand_schema.validate(etree.fromstring(IVR, safe_parser)),
        "validate-bxmlkit": lambda: schema.validate(IVR),
    }


#: (table row label, candidate, baseline candidate, target ratio or None).
ROWS = [
    ("parse: `lxml.etree.fromstring(data)`", "parse-lxml", "parse-lxml", None),
    ("parse: `bxmlkit._parser.parse(data)` (informational)", "parse-hardened", "parse-lxml", None),
    ("parse: `bxmlkit.codec.from_xml(data)`", "parse-bxmlkit", "parse-lxml", 6.0),
    ("build: hand-written lxml", "build-lxml", "build-lxml", None),
    ("build: bxmlkit models + `to_xml`", "build-bxmlkit", "build-lxml", 2.0),
    ("validate: hand-written lxml", "validate-lxml", "validate-lxml", None),
    ("validate: `bxmlkit.schema.validate`", "validate-bxmlkit", "validate-lxml", 1.5),
]


def worker(name: str, calls: int) -> None:
    call = candidates()[name]
    for _ in range(WARM_UP):
        call()
    for _ in range(calls):
        call()


_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(name: str, calls: int) -> int:
    """Instructions of one process that makes ``calls`` calls of candidate ``name``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--worker",
        name,
        str(calls),
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"callgrind failed for {name}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_call(names: list[str], calls: int) -> dict[str, float]:
    """Instructions per call of each candidate (two processes each, run two at a time)."""
    jobs = [(name, count) for name in names for count in (0, calls)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        totals = dict(zip(jobs, pool.map(lambda job: instructions(*job), jobs), strict=True))
    return {name: (totals[name, calls] - totals[name, 0]) / calls for name in names}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=2000, help="timed calls per candidate")
    parser.add_argument("--save", action="store_true", help=f"write {RESULTS}")
    parser.add_argument("--worker", nargs=2, metavar=("NAME", "CALLS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker[0], int(args.worker[1]))
        return 0
    if shutil.which("valgrind") is None:
        # ``make bench`` goes on to the other tables; this one stays as last saved.
        print(
            "[bench_instructions] not run: valgrind is not installed (Debian: apt-get install "
            f"valgrind); {RESULTS.relative_to(REPO_ROOT)} is left as it is",
            file=sys.stderr,
        )
        return 0
    compileall.compile_dir(str(REPO_ROOT / "bxmlkit"), quiet=1)
    compileall.compile_dir(str(REPO_ROOT / "benchmarks"), quiet=1)
    counts = per_call(sorted({row[1] for row in ROWS}), args.calls)
    rows = []
    for label, name, base, target in ROWS:
        ratio = counts[name] / counts[base]
        goal = "" if target is None else f"{target:g}x ({WALL_CLOCK_TABLE[name]})"
        rows.append([label, f"{counts[name]:,.0f}", f"{ratio:.2f}x", goal])
    command = "python benchmarks/bench_instructions.py" + (" --save" if args.save else "")
    text = "\n".join(
        [
            "# Instructions per call (callgrind)",
            "",
            *environment(command),
            "",
            f"Each figure: instructions of {args.calls:,} calls after {WARM_UP} warm-up calls, "
            "minus those of a run without them, divided by the calls.",
            "",
            markdown_table(
                [
                    "call (the documents of the wall-clock tables)",
                    "instructions / call",
                    "vs lxml",
                    "target in wall-clock time, judged in",
                ],
                rows,
            ),
            "",
        ]
    )
    print(text)
    if args.save:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"[bench_instructions] wrote {RESULTS.relative_to(REPO_ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
