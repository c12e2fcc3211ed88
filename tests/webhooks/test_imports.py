"""``import bxmlkit`` and ``import bxmlkit.webhooks`` load no web framework; each adapter
loads only its own."""

from __future__ import annotations

import subprocess
import sys

import pytest

FRAMEWORKS = ("flask", "werkzeug", "starlette", "fastapi", "django", "anyio")


def _loaded_after(statement: str) -> list[str]:
    code = (
        f"import sys\n{statement}\n"
        f"print(' '.join(sorted(m for m in {FRAMEWORKS!r} if m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.split()


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        pytest.param("import bxmlkit", [], id="bxmlkit"),
        pytest.param("import bxmlkit.webhooks", [], id="webhooks"),
        pytest.param("from bxmlkit.webhooks import WebhookApp, check_reply", [], id="core-names"),
        pytest.param("import bxmlkit.webhooks.flask", ["flask", "werkzeug"], id="flask"),
        pytest.param("import bxmlkit.webhooks.starlette", ["anyio", "starlette"], id="starlette"),
        pytest.param("import bxmlkit.webhooks.django", ["django"], id="django"),
    ],
)
def test_frameworks_are_imported_only_by_their_adapter(statement: str, expected: list[str]) -> None:
    assert _loaded_after(statement) == expected
