"""Helpers for testing code that produces BXML.

``assert_bxml_equal(actual, expected)`` compares two documents semantically (models, or XML
as ``str``, ``bytes`` or a ``Path``) and fails with one line per difference, each naming
where it is::

    AssertionError: BXML differs (actual != expected), 2 differences:
      /Response/Gather[1]/@maxDigits: 1 != 3
      /Response/Hangup[1]: unexpected <Hangup/> (only in actual)

Installed with bxmlkit, this module is also a pytest plugin: ``assert actual == expected``
on two bxmlkit models shows the same list in pytest's report.  The plugin imports nothing
heavy until such a comparison fails.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import TypeAlias

    from bxmlkit._diff import Difference
    from bxmlkit.models._base import Element

    #: What the helpers compare: a model, or a document as text, bytes or a path.
    BxmlLike: TypeAlias = "Element | str | bytes | os.PathLike[str]"

__all__ = ["assert_bxml_equal", "bxml_diff"]


def bxml_diff(left: BxmlLike, right: BxmlLike) -> list[Difference]:
    """Every semantic difference between two documents or elements, in document order.

    Strings are document text (as for ``from_xml``); a document that is not valid BXML
    raises ``BxmlParseError``.  An empty list means the two are the same BXML.
    """
    from bxmlkit._diff import diff_elements

    return diff_elements(_model(left), _model(right))


def assert_bxml_equal(actual: BxmlLike, expected: BxmlLike) -> None:
    """Fail with a located list of differences unless ``actual`` is the same BXML as ``expected``.

    A side that is not valid BXML fails the assertion with the parse error's location.
    """
    __tracebackhide__ = True
    from bxmlkit.errors import BxmlParseError

    sides = []
    for name, value in (("actual", actual), ("expected", expected)):
        try:
            sides.append(_model(value))
        except BxmlParseError as exc:
            raise AssertionError(f"{name} is not valid BXML: {exc}") from None
    lines = _report(sides[0], sides[1], "actual", "expected")
    if lines:
        raise AssertionError("\n".join(lines))


def _report(left: Element, right: Element, left_name: str, right_name: str) -> list[str]:
    """The assertion message: a head line, then one indented line per difference."""
    from bxmlkit._diff import diff_elements

    differences = diff_elements(left, right)
    if not differences:
        return []
    count = len(differences)
    plural = "s" if count != 1 else ""
    head = f"BXML differs ({left_name} != {right_name}), {count} difference{plural}:"
    # A node only the left (actual) side has is unexpected; one only the right has, missing.
    return [head] + [
        "  " + d.describe(left_name, right_name, added="missing", removed="unexpected")
        for d in differences
    ]


def _model(value: Any) -> Element:
    from bxmlkit.models._base import Element

    if isinstance(value, Element):
        return value
    if isinstance(value, (str, bytes, os.PathLike)):
        from bxmlkit.codec import from_xml

        return from_xml(value)
    raise TypeError(
        f"expected a bxmlkit model, or BXML as str, bytes or a path; got {type(value).__name__}"
    )


def _is_model(value: object) -> bool:
    """Whether ``value`` is a bxmlkit element model (without importing the models)."""
    return type(value).__module__.startswith("bxmlkit.models.") and hasattr(value, "xml_tag")


def pytest_assertrepr_compare(
    config: Any, op: str, left: object, right: object
) -> list[str] | None:
    """pytest hook: explain ``assert model == other_model`` with the located differences."""
    if op != "==" or not (_is_model(left) and _is_model(right)):
        return None
    lines = _report(left, right, "left", "right")  # type: ignore[arg-type]
    return lines or None
