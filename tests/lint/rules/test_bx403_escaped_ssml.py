"""BX403 escaped-ssml."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'Call &lt;say-as interpret-as="telephone"&gt;5551234&lt;/say-as&gt;', id="escaped-once"
        ),
        pytest.param('Wait &lt;break time="1s"/&gt; now', id="break"),
        pytest.param(
            "Call &amp;lt;say-as interpret-as=&quot;telephone&quot;&amp;gt;5551234",
            id="escaped-twice",
        ),
        pytest.param("<![CDATA[Hi <prosody rate='slow'>there</prosody>]]>", id="cdata"),
        pytest.param('Hi <break time="1s"/> then &lt;break time="2s"/&gt;', id="after-real-ssml"),
    ],
)
def test_escaped_ssml(text: str, check: Any) -> None:
    check(f"<Response><SpeakSentence>{text}</SpeakSentence></Response>", problem=(1, 26, "BX403"))


@pytest.mark.parametrize(
    "text",
    [
        'Call <say-as interpret-as="telephone">5551234</say-as>',
        "3 &lt; 4 and 5 &gt; 2",
        "press &lt;pound&gt;",
    ],
)
def test_clean(text: str, check: Any) -> None:
    check(f"<Response><SpeakSentence>{text}</SpeakSentence></Response>", clean="BX403")
