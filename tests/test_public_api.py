"""The public surface: one sorted, complete __all__; lazy imports; the examples run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import bxmlkit

ROOT = Path(__file__).parents[1]


def test_all_is_sorted_and_unique() -> None:
    names = list(bxmlkit.__all__)
    assert len(names) == len(set(names))
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))


def test_every_public_name_resolves() -> None:
    for name in bxmlkit.__all__:
        assert getattr(bxmlkit, name) is not None, name


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="does_not_exist"):
        bxmlkit.does_not_exist  # noqa: B018


def test_import_bxmlkit_does_not_load_pydantic_or_httpx() -> None:
    code = "import sys, bxmlkit; print('pydantic' in sys.modules, 'httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_hello_example_prints_the_guide_document() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "hello.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert (
        '<SpeakSentence voice="susan" gender="female" locale="en_US">Hello from Bandwidth.'
        in out.stdout
    )


def test_cli_version_and_help() -> None:
    from bxmlkit.cli import main

    assert main(["--version"]) == 0
    assert main([]) == 2
    assert main(["no-such-command"]) == 2


def test_dir_shows_only_the_public_api() -> None:
    import bxmlkit.lint.engine  # a submodule becomes an attribute of the package once imported

    assert hasattr(bxmlkit, "lint")
    assert dir(bxmlkit) == sorted(bxmlkit.__all__)
    for private in ("importlib", "TYPE_CHECKING", "annotations", "Any", "_LOCATIONS", "errors"):
        assert private not in dir(bxmlkit)


def test_config_error_is_in_the_error_tree_and_exported() -> None:
    from bxmlkit.lint import ConfigError as LintConfigError
    from bxmlkit.lint import lint

    assert bxmlkit.ConfigError is LintConfigError
    assert issubclass(bxmlkit.ConfigError, bxmlkit.BxmlError)
    assert issubclass(bxmlkit.ConfigError, ValueError)
    assert "ConfigError" in (bxmlkit.errors.__doc__ or "")
    with pytest.raises(bxmlkit.ConfigError, match=r"^config: \[fail-on\] ") as caught:
        lint("<Response/>", config={"fail-on": "sometimes"})
    assert caught.value.key == "fail-on"
