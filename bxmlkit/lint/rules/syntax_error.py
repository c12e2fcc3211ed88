"""BX100 syntax-error."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule


class SyntaxErrorRule(Rule[NoOptions]):
    """The document is not well-formed XML.

    ## What it does
    Reports input that the XML parser cannot read, naming the likely cause and the fix: an
    unescaped `&` in a URL query or in text ("write &amp;"), a `<` in text, curly or
    mismatched quotes pasted from a word processor, an encoding declaration that contradicts
    the bytes (with the bytes), a byte-order mark in the wrong place, a second root, text
    after the root, an unclosed or mismatched tag (both names and the line where the first
    opened), an empty file.  The position is the likely cause (the `&`, the opening quote,
    the unclosed tag), not only where the parser gave up.  The codec, `bxmlkit validate` and
    this rule share one explanation (`bxmlkit._wellformed`), so they say the same words.

    ## Why is this bad?
    Bandwidth cannot execute a document it cannot parse: the call fails with the disconnect
    cause `invalid-bxml` and the caller hears nothing.  Every other rule needs a parsed
    document, so none of them runs until this is fixed.

    ## Example
    ```xml
    <Response>
        <SpeakSentence>Press 1 for sales & 2 for support</SpeakSentence>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <SpeakSentence>Press 1 for sales &amp; 2 for support</SpeakSentence>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX100"
    name = "syntax-error"
    summary = "The document is not well-formed XML"
    category = "structure"
    default_severity = Severity.ERROR
    needs_tree = False

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        error = ctx.parse_error
        if error is None or "bytes, over the limit of" in error.message:
            return
        yield Finding(error.message, line=max(error.line, 1), column=max(error.column, 1))
