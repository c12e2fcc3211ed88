"""The value classes that replaced dataclasses on the lint path keep what the dataclasses gave:
immutability, equality and hash, repr, replace(), pickling and copying."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from bxmlkit.lint.config import Config
from bxmlkit.lint.diagnostic import Diagnostic, Edit, Fix, Severity
from bxmlkit.schema import Violation


def _diagnostic() -> Diagnostic:
    fix = Fix("lower-case it", (Edit(3, 7, "true"),))
    return Diagnostic("a.xml", 2, 5, "BX104", "invalid-value", Severity.ERROR, "bad", fix)


def test_diagnostic_repr_lists_every_field_in_constructor_order() -> None:
    assert repr(_diagnostic()) == (
        "Diagnostic(path='a.xml', line=2, column=5, code='BX104', name='invalid-value', "
        "severity=<Severity.ERROR: 'error'>, message='bad', "
        "fix=Fix(description='lower-case it', edits=(Edit(start=3, end=7, replacement='true'),)), "
        "fix_withheld='')"
    )


def test_diagnostic_compares_path_line_column_code_message_only() -> None:
    a = _diagnostic()
    same = a.replace(name="other", severity=Severity.INFO, fix=None, fix_withheld="why")
    assert a == same and hash(a) == hash(same)
    assert a != a.replace(message="other") and a < a.replace(column=6)
    assert a.replace(line=1) < a <= same and a >= same and a.replace(code="BX105") > a
    assert a != ("a.xml", 2, 5, "BX104", "bad")
    with pytest.raises(TypeError):
        _ = a < ("a.xml", 2, 5, "BX104", "bad")


def test_fields_can_be_neither_assigned_nor_deleted() -> None:
    a = _diagnostic()
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.message = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del a.message
    with pytest.raises(AttributeError):
        a.extra = 1  # type: ignore[attr-defined]
    assert a.message == "bad"


def test_replace_refuses_unknown_fields() -> None:
    with pytest.raises(TypeError, match="no field 'colour'"):
        _diagnostic().replace(colour="red")


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(_diagnostic(), id="diagnostic"),
        pytest.param(Violation(1, 2, "/Response", "m", "wrong-root", "Response"), id="violation"),
        pytest.param(Config(select=("BX1",), severity={"BX501": Severity.ERROR}), id="config"),
    ],
)
def test_values_survive_pickle_and_copy(value: object) -> None:
    """Diagnostics travel back from the worker processes of ``lint_paths`` by pickle."""
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(value, protocol)) == value
    assert copy.copy(value) == value and copy.deepcopy(value) == value
    assert repr(copy.copy(value)) == repr(value)


def test_config_defaults_are_fresh_and_replace_keeps_the_rest() -> None:
    a, b = Config(), Config()
    assert a == b and a.severity == {} and a.options == {}
    assert a.severity is not b.severity
    changed = a.replace(fail_on="warning", exclude=("x",))
    assert (changed.fail_on, changed.exclude, changed.include) == ("warning", ("x",), a.include)
    assert changed != a and repr(changed).startswith("Config(select=(), extend_select=()")
