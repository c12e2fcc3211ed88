"""Generate ``_api_sync.py`` from ``_api_async.py``: ``python bxmlkit/client/_unasync.py``.

The sync client is the async one with the awaiting taken out, word for word, so the two
cannot drift; a test fails when the generated file is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

__all__ = ["SOURCE", "TARGET", "formatted", "unasync"]

SOURCE = Path(__file__).with_name("_api_async.py")
TARGET = Path(__file__).with_name("_api_sync.py")

_RULES: tuple[tuple[str, str], ...] = (
    (r"\basync def ", "def "),
    (r"\basync for ", "for "),
    (r"\basync with ", "with "),
    (r"\bawait ", ""),
    (r"\bAwaitable\[(\w+)\]", r"\1"),
    (r"\bAsyncIterator\b", "Iterator"),
    (r"\bAsyncEngine\b", "SyncEngine"),
    (r"\bAsync(\w+Api)\b", r"\1"),
    (r"\baiter_bytes\b", "iter_bytes"),
    (r"\baclose\(\)", "close()"),
    (r"AsyncBandwidthClient", "BandwidthClient"),
    (r", Awaitable\b", ""),
)

_HEADER = (
    '"""The API namespaces of :class:`~bxmlkit.client.BandwidthClient`.\n\n'
    "GENERATED from ``_api_async.py`` by ``python bxmlkit/client/_unasync.py``: do not edit;\n"
    "edit ``_api_async.py`` (where each method is written once) and regenerate.\n"
    '"""\n\n'
    "# ruff: noqa: UP028 - a generated `for ...: yield` mirrors the source's `async for`\n"
)


def unasync(source: str) -> str:
    """The sync twin of the async namespaces' source."""
    body = source.split('"""\n', 1)[1]  # drop the module docstring
    for pattern, replacement in _RULES:
        body = re.sub(pattern, replacement, body)
    return _HEADER + body


def formatted(code: str) -> str:
    """``code`` with imports sorted and formatted by ruff (a development dependency)."""
    import subprocess

    for command in (["check", "--select", "I", "--fix", "--quiet"], ["format"]):
        code = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--stdin-filename", str(TARGET), "-"],
            input=code,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return code


def main() -> int:
    TARGET.write_text(formatted(unasync(SOURCE.read_text())))
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
