"""BX403 escaped-ssml."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule

_SSML_TAGS = r"(?:say-as|break|emphasis|lang|p|s|prosody|phoneme|sub|speak|audio|mark|amazon:\w+)"
#: SSML markup that arrived as text: ``<say-as ...>`` after one round of unescaping, or
#: ``&lt;say-as ...&gt;`` when it was escaped twice.
_ESCAPED = r"(?:<|&lt;)/?" + _SSML_TAGS + r"(?=[\s/>&])[^<>]*?(?:/?>|/?&gt;)"


class EscapedSsmlRule(Rule[NoOptions]):
    """SSML that arrived escaped and would be read aloud as text.

    ## What it does
    Reports `<SpeakSentence>` text that contains SSML tags as *text*: the document has
    `&lt;say-as interpret-as="telephone"&gt;` where it should have the element
    `<say-as interpret-as="telephone">`.  Some SDKs (the Java SDK's `SpeakSentence(String)`,
    templates that escape everything) produce it.

    ## Why is this bad?
    Text-to-speech reads the escaped markup out loud ("less than say-as interpret-as equals
    telephone greater than ...") instead of applying it.

    ## Example
    ```xml
    <Response>
        <SpeakSentence>
            Call &lt;say-as interpret-as="telephone"&gt;5551234&lt;/say-as&gt;
        </SpeakSentence>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <SpeakSentence>Call <say-as interpret-as="telephone">5551234</say-as></SpeakSentence>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX403"
    name = "escaped-ssml"
    summary = "SSML that arrived escaped and would be read aloud"
    category = "compatibility"
    default_severity = Severity.ERROR
    needles = (b"&lt;", b"CDATA", b"&amp;")

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        for element in ctx.tagged("SpeakSentence"):
            text = (element.text or "") if len(element) == 0 else "".join(element.itertext())
            if "<" not in text and "&lt;" not in text:
                continue
            match = re.search(_ESCAPED, text)
            if match is not None:
                shown = match.group(0)
                shown = shown if len(shown) <= 50 else shown[:47] + "..."
                yield Finding(
                    f"escaped SSML {shown!r} would be read aloud as text; write the SSML "
                    "element itself, not its escaped form",
                    element=element,
                    text=True,
                )
