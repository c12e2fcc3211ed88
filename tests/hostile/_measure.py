"""Run a document through every entry point in a fresh interpreter and measure it.

A fresh interpreter per document gives an honest peak-memory figure (``ru_maxrss`` only
grows, and libxml2's memory is invisible to ``tracemalloc``).  The result is a JSON object::

    {"steps": {"from_xml": {"seconds": 0.01, "peak_growth_mb": 0.4, "outcome": "..."}, ...},
     "baseline_rss_mb": 61.0, "peak_rss_growth_mb": 3.2, "per_step_peaks": true}

``baseline_rss_mb`` is the resident size after the imports and a warm-up (the schema
compiled, one document linted).  Each step's ``peak_growth_mb`` is its peak resident size
(``VmHWM``, reset before the step through ``/proc/self/clear_refs``) less the resident size
before it; ``peak_rss_growth_mb`` is the largest.  Without ``/proc`` (not Linux) the figure
falls back to ``ru_maxrss``, which is coarser (``per_step_peaks`` is then false).

Run by hand to print the figures of SECURITY.md:  python tests/hostile/_measure.py FILE...
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

SCRIPT = r"""
import contextlib, io, json, resource, sys, time
from pathlib import Path

from bxmlkit.cli import main
from bxmlkit.codec import from_xml, to_xml
from bxmlkit.errors import BxmlError
from bxmlkit.lint import lint
from bxmlkit.schema import compiled_schema, validate
import bxmlkit.commands.lint, bxmlkit.commands.validate, bxmlkit.commands.check
import bxmlkit.lint.engine, bxmlkit.lint.output

compiled_schema()
lint(b"<Response><Hangup/></Response>")
path = Path(sys.argv[1])


def status_mb(field):
    # VmRSS / VmHWM of this process (VmHWM starts afresh at exec, unlike ru_maxrss, which
    # Linux carries over from the parent that forked us).
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")  # reset VmHWM to the current RSS
        return True
    except OSError:
        return False


def describe(value):
    if isinstance(value, list):
        codes = sorted({getattr(v, "code", getattr(v, "kind", "?")) for v in value})
        return f"{len(value)} found: {','.join(codes)}" if value else "0 found"
    return f"ok: <{value.xml_tag}> with {len(value.verbs)} verbs"


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return f"exit {code}, {len(out.getvalue()):,} chars out, {len(err.getvalue()):,} err", err.getvalue()


baseline = status_mb("VmRSS")
steps = {}
exact = True
for name, call in (
    ("from_xml", lambda: describe(from_xml(path))),
    ("validate", lambda: describe(validate(path))),
    ("lint", lambda: describe(lint(path))),
    ("cli lint", lambda: cli("lint", "--isolated", "--color", "never", str(path))),
    ("cli validate", lambda: cli("validate", str(path))),
    ("cli check", lambda: cli("check", str(path))),
):
    exact = reset_peak() and exact
    before = status_mb("VmRSS")
    started = time.perf_counter()
    try:
        outcome = call()
    except BxmlError as exc:
        outcome = f"{type(exc).__name__}: {exc.message if hasattr(exc, 'message') else exc}"
    seconds = time.perf_counter() - started
    if isinstance(outcome, tuple):
        outcome, stderr = outcome
        if "Traceback" in stderr:
            outcome += " TRACEBACK"
    steps[name] = {
        "seconds": round(seconds, 4),
        "peak_growth_mb": round(status_mb("VmHWM") - before, 1),
        "outcome": outcome[:300],
    }
print(json.dumps({
    "steps": steps,
    "baseline_rss_mb": round(baseline, 1),
    "peak_rss_growth_mb": max(step["peak_growth_mb"] for step in steps.values()),
    "per_step_peaks": exact,
}))
"""


def measure(path: Path, timeout: float = 300) -> dict[str, Any]:
    """The figures for one document (see the module docstring)."""
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


if __name__ == "__main__":  # pragma: no cover - figures for SECURITY.md
    for name in sys.argv[1:]:
        figures = measure(Path(name))
        print(f"## {name} ({Path(name).stat().st_size:,} bytes)")
        print(
            f"RSS after imports {figures['baseline_rss_mb']} MB, largest peak growth "
            f"{figures['peak_rss_growth_mb']} MB"
        )
        for step, value in figures["steps"].items():
            print(
                f"  {step:13s} {value['seconds']:8.3f} s {value['peak_growth_mb']:7.1f} MB  "
                f"{value['outcome']}"
            )
