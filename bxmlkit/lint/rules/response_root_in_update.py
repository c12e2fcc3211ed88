"""BX602 response-root-in-update."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import local


class ResponseRootInUpdateRule(Rule[NoOptions]):
    """A `<Response>` root sent as an update-call body.

    ## What it does
    When the document is the body of an update-call request (context `update-call`, from
    `--context`, the configuration or a `<!-- bxmlkit: context=update-call -->` comment),
    reports a `<Response>` root.

    ## Why is this bad?
    `PUT /accounts/{accountId}/calls/{callId}/bxml` expects a `<Bxml>` root; a
    `<Response>` document is refused and the call keeps running its old BXML.

    ## Example
    ```xml
    <!-- bxmlkit: context=update-call -->
    <Response>
        <SpeakSentence>Please hold.</SpeakSentence>
    </Response>
    ```

    ## Use instead
    ```xml
    <!-- bxmlkit: context=update-call -->
    <Bxml>
        <SpeakSentence>Please hold.</SpeakSentence>
    </Bxml>
    ```

    ## Options
    None.
    """

    code = "BX602"
    name = "response-root-in-update"
    summary = "A <Response> root sent as an update-call body"
    category = "context"
    default_severity = Severity.ERROR

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        root = ctx.root
        if root is not None and local(root) == "Response" and ctx.context == "update-call":
            yield Finding(
                "an update-call body must have a <Bxml> root; <Response> is for webhook replies",
                element=root,
            )
