"""BX303 insecure-url."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("xml", "problem"),
    [
        pytest.param(
            '<Response><Redirect redirectUrl="http://e.com/next"/></Response>',
            (1, 21, "BX303"),
            id="redirect",
        ),
        pytest.param(
            '<Response><Gather partialResultCallback="HTTP://e.com/p" input="speech"/></Response>',
            (1, 19, "BX303"),
            id="uppercase-scheme",
        ),
        pytest.param(
            "<Response><PlayAudio>http://e.com/a.wav</PlayAudio></Response>",
            (1, 22, "BX303"),
            id="audio",
        ),
        pytest.param(
            '<Response><StartStream destination="ws://e.com/s"/></Response>',
            (1, 24, "BX303"),
            id="ws",
        ),
    ],
)
def test_insecure(xml: str, problem: tuple[int, int, str], check: Any) -> None:
    check(xml, problem=problem)


@pytest.mark.parametrize(
    "url",
    [
        "https://e.com/next",
        "/relative/next",
        "next",
        "http://localhost:8080/next",
        "http://127.0.0.1/n",
    ],
)
def test_clean(url: str, check: Any) -> None:
    check(f'<Response><Redirect redirectUrl="{url}"/></Response>', clean="BX303")


def test_allowed_hosts_option(check: Any) -> None:
    config = {"rules": {"insecure-url": {"allowed-hosts": ["dev.example"]}}}
    check(
        '<Response><Redirect redirectUrl="http://dev.example/n"/></Response>', config, clean="BX303"
    )


def test_credentials_are_left_to_bx301(check: Any) -> None:
    check(
        '<Response><Redirect redirectUrl="http://e.com" username="u"/></Response>',
        clean="BX303",
        also=[(1, 21, "BX301")],
    )
