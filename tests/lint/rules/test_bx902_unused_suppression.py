"""BX902 unused-suppression."""

from __future__ import annotations

from typing import Any

_XML = "<Response>\n  <!-- bxmlkit: disable-next-line=BX201 -->\n  <Hangup/>\n</Response>"


def test_off_by_default(check: Any) -> None:
    check(_XML, clean="BX902")


def test_reported_when_asked(check: Any) -> None:
    check(_XML, {"report-unused-suppressions": True}, problem=(2, 3, "BX902"))
    check(_XML, {"extend-select": ["BX902"]}, problem=(2, 3, "BX902"))


def test_used_suppression_is_clean(check: Any) -> None:
    xml = (
        "<Response>\n  <Hangup/>\n  <!-- bxmlkit: disable-next-line=BX201 -->\n  "
        "<Pause/>\n</Response>"
    )
    check(xml, {"report-unused-suppressions": True}, clean="BX902")
