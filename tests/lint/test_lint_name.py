"""``from bxmlkit import lint`` is callable whatever was imported before it."""

from __future__ import annotations

import subprocess
import sys

import pytest

ORDERS = {
    "function-first": "from bxmlkit import lint; import bxmlkit.lint.engine",
    "subpackage-first": "import bxmlkit.lint.engine; from bxmlkit import lint",
}


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_lint_is_callable_and_the_package_stays_reachable(order: str) -> None:
    code = (
        ORDERS[order]
        + "\nimport bxmlkit"
        + "\nprint([d.code for d in lint('<Response><Say>Hi</Say></Response>')])"
        + "\nprint(bxmlkit.lint.engine.__name__, bxmlkit.lint is lint)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    codes, engine = out.stdout.splitlines()
    assert codes.startswith("['BX")
    assert engine == "bxmlkit.lint.engine True"
