"""BX902 unused-suppression."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule


class UnusedSuppressionRule(Rule[NoOptions]):
    """A suppression comment that suppresses nothing.

    ## What it does
    Reports a `disable`, `disable-next-line`, `disable-line` or `disable-file` comment
    (or one code of it) that did not suppress any diagnostic.  Off by default: turn it on
    with `--report-unused-suppressions`, `report-unused-suppressions = true` or by
    selecting BX902.

    ## Why is this bad?
    Stale suppressions hide future problems at that place and mislead readers about what
    is wrong with the document.

    ## Example
    ```xml
    <Response>
        <!-- bxmlkit: disable-next-line=BX201 -->
        <Hangup/>
    </Response>
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

    code = "BX902"
    name = "unused-suppression"
    summary = "A suppression comment that suppresses nothing"
    category = "meta"
    default_severity = Severity.WARNING
    enabled_by_default = False
    needs_tree = False

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        return iter(())  # reported by the engine after suppression
