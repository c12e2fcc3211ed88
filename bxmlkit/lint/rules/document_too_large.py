"""BX203 document-too-large."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, Rule
from bxmlkit.vocabulary import MAX_DOCUMENT_BYTES


class Options(NamedTuple):
    """Options of document-too-large."""

    #: The largest document Bandwidth accepts, in bytes (64 KB).
    max_bytes: int = MAX_DOCUMENT_BYTES


class DocumentTooLargeRule(Rule[Options]):
    """The document is larger than the 64 KB Bandwidth accepts.

    ## What it does
    Reports a document whose size in bytes is over the documented maximum of 64 KB
    (65,536 bytes).  Also reported for documents the linter's parser refuses as too large.

    ## Why is this bad?
    Bandwidth does not execute a BXML document over 64 KB: the call fails.  Large documents
    usually carry long generated prompts; move them into audio files or split the flow with
    `<Redirect>`.

    ## Example
    ```xml
    <Response>
        <SpeakSentence>(... 70,000 characters of text ...)</SpeakSentence>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <PlayAudio>https://example.com/long-announcement.mp3</PlayAudio>
    </Response>
    ```

    ## Options
    * `max-bytes` (integer, default 65536): the largest size accepted.
    """

    code = "BX203"
    name = "document-too-large"
    summary = "The document is over 64 KB"
    category = "call-flow"
    default_severity = Severity.ERROR
    options_type = Options
    needs_tree = False

    def check(self, ctx: Context, options: Options) -> Iterator[Finding]:
        size = ctx.size
        if size > options.max_bytes:
            yield Finding(
                f"the document is {size:,} bytes; Bandwidth accepts at most "
                f"{options.max_bytes:,} bytes",
                line=1,
                column=1,
            )
