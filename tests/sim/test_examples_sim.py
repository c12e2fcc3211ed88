"""examples/sim: the Flask and FastAPI IVRs' own pytest files pass (run as the user would)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "sim"


def test_the_example_apps_pass_their_simulator_tests(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--rootdir={EXAMPLES}",
            "--bxml-transcripts",
            str(tmp_path),
            str(EXAMPLES),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=EXAMPLES,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "11 passed" in done.stdout
    saved = sorted(p.name for p in tmp_path.iterdir())
    assert "test_flask_ivr.py_test_opening_hours-1.txt" in saved
    assert len(saved) >= 10
