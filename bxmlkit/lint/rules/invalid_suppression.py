"""BX901 invalid-suppression."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule


class InvalidSuppressionRule(Rule[NoOptions]):
    """A `bxmlkit:` comment with an unknown code, scope or context.

    ## What it does
    Reports suppression comments that name a rule that does not exist
    (`<!-- bxmlkit: disable=BX999 -->`), use an unknown scope (`disable-lines`), omit the
    codes, or name an unknown context.

    ## Why is this bad?
    The comment does not do what its author thinks: the diagnostic it was meant to silence
    is still reported, or a typo silences nothing while looking deliberate.

    ## Example
    ```xml
    <Response>
        <!-- bxmlkit: disable-next-line=BX999 -->
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

    code = "BX901"
    name = "invalid-suppression"
    summary = "A bxmlkit: comment with an unknown code, scope or context"
    category = "meta"
    default_severity = Severity.WARNING
    needs_tree = False

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        return iter(())  # reported by the engine, which parses the suppressions
