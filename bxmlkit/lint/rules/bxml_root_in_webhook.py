"""BX601 bxml-root-in-webhook-reply."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import local


class BxmlRootInWebhookRule(Rule[NoOptions]):
    """A `<Bxml>` root where a webhook reply (`<Response>`) is expected.

    ## What it does
    When the document is a webhook reply (context `webhook` or `transfer-answer`, from
    `--context`, the configuration or a `<!-- bxmlkit: context=webhook -->` comment),
    reports a `<Bxml>` root.  Without a configured context a `<Bxml>` document is taken to
    be an update-call body, so this rule needs the context to be set.

    ## Why is this bad?
    `<Bxml>` is the root of the body of `PUT .../calls/{callId}/bxml`; webhook replies must
    use `<Response>`.  Real applications mix them up and the call fails.

    ## Example
    ```xml
    <!-- bxmlkit: context=webhook -->
    <Bxml>
        <SpeakSentence>Hello</SpeakSentence>
    </Bxml>
    ```

    ## Use instead
    ```xml
    <!-- bxmlkit: context=webhook -->
    <Response>
        <SpeakSentence>Hello</SpeakSentence>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX601"
    name = "bxml-root-in-webhook-reply"
    summary = "A <Bxml> root where a webhook reply is expected"
    category = "context"
    default_severity = Severity.ERROR

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        root = ctx.root
        if (
            root is not None
            and local(root) == "Bxml"
            and ctx.context in ("webhook", "transfer-answer")
        ):
            yield Finding(
                "a webhook reply must have a <Response> root; <Bxml> is for the body of "
                "an update-call (PUT /calls/{callId}/bxml) request",
                element=root,
            )
