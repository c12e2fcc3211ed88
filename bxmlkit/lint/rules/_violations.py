"""A base for the structure rules that turn XSD violations into diagnostics."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import element_for

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation

__all__ = ["ViolationRule"]


class ViolationRule(Rule[NoOptions]):
    """Reports the XSD violations of ``kinds``; subclasses word the message."""

    kinds: ClassVar[tuple[str, ...]]
    category = "structure"

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        for violation in ctx.violations_of(*self.kinds):
            finding = self.describe(ctx, violation)
            if finding is not None:
                yield finding

    def describe(self, ctx: Context, violation: Violation) -> Finding | None:
        """The finding for one violation (None to skip it)."""
        element = element_for(ctx, violation.path)
        if element is None:
            return Finding(violation.message, line=violation.line, column=violation.column)
        return Finding(violation.message, element=element, attribute=violation.attribute)

    @staticmethod
    def at(ctx: Context, violation: Violation, message: str, **kwargs: object) -> Finding:
        """A finding at the violation's element (or its reported position)."""
        element = element_for(ctx, violation.path)
        if element is None:
            return Finding(message, line=violation.line, column=violation.column)
        return Finding(message, element=element, **kwargs)  # type: ignore[arg-type]
