"""The pytest plugin that ships with bxmlkit explains failed comparisons of BXML models."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]


def test_assert_on_two_models_shows_located_differences(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        from bxmlkit import Gather, Hangup, Response

        def test_menu():
            actual = Response(Gather(max_digits=3))
            expected = Response(Gather(max_digits=1), Hangup())
            assert actual == expected
        """
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*BXML differs (left != right), 2 differences:",
            "*/Response/Gather[[]1[]]/@maxDigits: 3 != 1",
            "*/Response/Hangup[[]1[]]: missing <Hangup/> (only in right)",
        ]
    )


def test_assert_bxml_equal_fails_cleanly_in_pytest(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        from bxmlkit.testing import assert_bxml_equal

        def test_reply():
            assert_bxml_equal("<Response><Hangup/></Response>", "<Response/>")
        """
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["E*BXML differs (actual != expected), 1 difference:", "E*unexpected <Hangup/>*"]
    )
    # __tracebackhide__: the report points at the user's line, not into bxmlkit.
    assert "bxmlkit/testing.py" not in result.stdout.str()


def test_other_comparisons_are_left_to_pytest(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_numbers():
            assert [1, 2] == [1, 3]
        """
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(failed=1)
    assert "BXML differs" not in result.stdout.str()
