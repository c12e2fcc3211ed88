"""BX206 empty-response."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import local


class EmptyResponseRule(Rule[NoOptions]):
    """An empty `<Response/>` hangs up the call.

    ## What it does
    Reports a `<Response>` with no verbs in a webhook reply.  Replies to conference
    webhooks and transfer-answer webhooks are not reported: there an empty reply is the
    normal way to do nothing.

    ## Why is this bad?
    An empty `<Response/>` is the same as `<Response><Hangup/></Response>`: the caller is
    disconnected.  When that is the intent, `<Hangup/>` says so; often it is a template
    whose verbs were never filled in.

    ## Example
    ```xml
    <Response/>
    ```

    ## Use instead
    ```xml
    <Response>
        <Hangup/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX206"
    name = "empty-response"
    summary = "An empty <Response/> hangs up the call"
    category = "call-flow"
    default_severity = Severity.WARNING

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        root = ctx.root
        if root is None or local(root) != "Response" or ctx.context != "webhook":
            return
        if not any(isinstance(child.tag, str) for child in root):
            yield Finding(
                "an empty <Response> hangs up the call; write <Hangup/> if that is intended",
                element=root,
            )
