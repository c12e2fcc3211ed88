"""BX108 forbidden-construct."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit._messages import construct_location, forbidden_construct
from bxmlkit._parser import forbidden_constructs
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule


class ForbiddenConstructRule(Rule[NoOptions]):
    """A DOCTYPE, entity or processing instruction, which BXML never has.

    ## What it does
    Reports a `<!DOCTYPE ...>` (with or without entity declarations), a reference to a
    declared entity (`&company;`), and any processing instruction other than the XML
    declaration (`<?xml-stylesheet ...?>`).  The linter's parser never expands or acts on
    them; this rule says that they are there.

    ## Why is this bad?
    BXML has none of these, so they serve no purpose in a call-control document, and they
    are how XML attacks arrive (entity expansion "billion laughs", external entities reading
    local files).  Platforms and proxies may reject or mangle such a document.

    ## Example
    ```xml
    <!DOCTYPE Response [<!ENTITY company "Example Corp">]>
    <Response>
        <SpeakSentence>Welcome to &company;</SpeakSentence>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <SpeakSentence>Welcome to Example Corp</SpeakSentence>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX108"
    name = "forbidden-construct"
    summary = "A DOCTYPE, entity or processing instruction"
    category = "structure"
    default_severity = Severity.ERROR

    @classmethod
    def applies(cls, data: bytes, lower: bytes) -> bool:
        """A DOCTYPE (which any entity needs), or a ``<?`` that is not the XML declaration."""
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            return True
        first = data.find(b"<?")
        if first < 0:
            return False
        return not data.startswith(b"<?xml ", first) or data.find(b"<?", first + 2) >= 0

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        if ctx.document is None:
            return
        for construct in forbidden_constructs(ctx.document):
            said = forbidden_construct(construct.kind, construct.text)
            line, column = construct_location(
                ctx.text, construct.kind, construct.text, construct.line
            )
            yield Finding(said.text, line=line, column=column)
