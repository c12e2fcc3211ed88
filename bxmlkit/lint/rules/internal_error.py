"""BX900 internal-error."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule


class InternalErrorRule(Rule[NoOptions]):
    """A rule crashed on this document (a bug in bxmlkit).

    ## What it does
    The engine reports this, instead of a traceback, when a rule raises an exception on a
    document; the message names the rule and the exception.  The other rules still run.

    ## Why is this bad?
    The crashed rule did not check the document, so problems may have gone unreported.
    Please report it with the document that triggers it.

    ## Example
    ```xml
    <!-- no document triggers this on purpose -->
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

    code = "BX900"
    name = "internal-error"
    summary = "A rule crashed on this document (a bug in bxmlkit)"
    category = "meta"
    default_severity = Severity.ERROR
    needs_tree = False

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        return iter(())  # reported by the engine
