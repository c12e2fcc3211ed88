"""The real command, in its own process: hostile files end with an exit code and a message,
never a traceback, a hang or a huge output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TIMEOUT = 60


def _bxmlkit(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bxmlkit", *args],
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile")
    files = {
        "xxe": b'<!DOCTYPE Response [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<Response><SpeakSentence>&x;</SpeakSentence></Response>",
        "laughs": b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(b'<!ENTITY a%d "%s">' % (i, b"&a;" * 10 if i == 1 else (b"&a%d;" % (i - 1)) * 10) for i in range(1, 9))
        + b"]><Response><SpeakSentence>&a8;</SpeakSentence></Response>",
        "binary": bytes(range(256)) * 64,
        "nul": b"<Response>\x00</Response>",
        "deep": b"<Response>" + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</Response>",
        "wide": b"<Response>" + b"<Hangup/>" * 1_000_000 + b"</Response>",
    }  # fmt: skip
    paths = {}
    for name, data in files.items():
        paths[name] = root / f"{name}.xml"
        paths[name].write_bytes(data)
    paths["missing"] = root / "missing.xml"
    paths["directory"] = root / "dir.xml"
    paths["directory"].mkdir()
    if hasattr(os, "mkfifo"):
        paths["fifo"] = root / "fifo.xml"
        os.mkfifo(paths["fifo"])
    return paths


DOCUMENT_PROBLEMS = ["xxe", "laughs", "binary", "nul", "deep", "wide"]
IO_PROBLEMS = ["missing", "fifo"]


@pytest.mark.parametrize("name", DOCUMENT_PROBLEMS)
def test_document_problems_exit_1(name: str, hostile: dict[str, Path]) -> None:
    for command in (["lint", "--isolated", "--color", "never"], ["check"]):
        proc = _bxmlkit(*command, str(hostile[name]))
        assert proc.returncode == 1, (command, proc.stderr)
        assert b"Traceback" not in proc.stderr
        assert len(proc.stdout) < 10_000
    proc = _bxmlkit("validate", str(hostile[name]))
    assert proc.returncode == 2  # validate: cannot parse it (documented in its --help)
    assert b"Traceback" not in proc.stderr
    assert proc.stderr.count(b"\n") == 1


@pytest.mark.parametrize("name", IO_PROBLEMS)
def test_io_problems_exit_2(name: str, hostile: dict[str, Path]) -> None:
    if name not in hostile:
        pytest.skip("the platform has no FIFOs")
    for command in (["lint", "--isolated"], ["validate"], ["check"]):
        proc = _bxmlkit(*command, str(hostile[name]))
        assert proc.returncode == 2, (command, proc.stderr)
        assert b"Traceback" not in proc.stderr
        assert proc.stderr.strip().count(b"\n") == 0, proc.stderr


def test_hostile_standard_input(hostile: dict[str, Path]) -> None:
    for name in ("xxe", "deep"):
        data = hostile[name].read_bytes()
        for command in (["lint", "--isolated", "-"], ["validate", "-"], ["check", "-"]):
            proc = _bxmlkit(*command, stdin=data)
            assert proc.returncode in (1, 2), (command, proc.stderr)
            assert b"Traceback" not in proc.stderr
