"""The BXML linter: ``lint(source) -> list[Diagnostic]``.

    >>> from bxmlkit.lint import lint
    >>> for d in lint('<Response><Gather maxdigits="4"/></Response>'):
    ...     print(d)                                            # doctest: +SKIP
    <string>:1:19: BX103 <Gather> has no attribute 'maxdigits'; did you mean 'maxDigits'?

The linter works on lxml trees from the hardened parser and on the bundled XSD; it does not
import pydantic, the models or the client, so ``bxmlkit lint`` starts fast.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Mapping
from typing import Any

from bxmlkit.lint.config import (
    Config,
    ConfigError,
    config_from_mapping,
    find_config_file,
    load_config,
)
from bxmlkit.lint.diagnostic import Diagnostic, Edit, Fix, Severity
from bxmlkit.lint.rule import CONTEXTS, Rule
from bxmlkit.lint.rules import REGISTRY

__all__ = [
    "REGISTRY",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Edit",
    "Fix",
    "Rule",
    "Severity",
    "find_config_file",
    "lint",
    "load_config",
]


def lint(
    source: Any,
    *,
    config: Config | Mapping[str, Any] | None = None,
    context: str | None = None,
) -> list[Diagnostic]:
    """Lint one BXML document and return its diagnostics, sorted.

    ``source`` is the document text (``str``), its bytes, a path (``os.PathLike``) or a
    binary file object.  ``config`` is a :class:`Config`, a mapping shaped like the
    ``[tool.bxmlkit]`` table (``{"ignore": ["BX303"]}``), or None for the defaults (no file
    discovery: use :func:`find_config_file` and :func:`load_config` for that).  ``context``
    says what the document is for: ``webhook``, ``transfer-answer``, ``conference`` or
    ``update-call`` (default: inferred from the root).

    Any bytes give diagnostics, never an exception; a path that cannot be read raises
    :class:`bxmlkit.errors.SourceError`, an invalid ``config`` :class:`ConfigError`.
    """
    from bxmlkit._parser import read_file, read_source
    from bxmlkit.lint.engine import lint_bytes

    if isinstance(config, Mapping):
        config = config_from_mapping(config, source="config")
    if context is not None and context not in CONTEXTS:
        raise ConfigError(
            f"unknown context {context!r}; allowed: {', '.join(CONTEXTS)}", source="context"
        )
    size: int | None = None
    if isinstance(source, os.PathLike):
        # An oversized file is reported (BX203, with its real size) without reading it whole.
        data, size = read_file(source, partial=True)
        name, from_text = os.fspath(source), False
    else:
        data, name, from_text = read_source(source)
    return lint_bytes(
        data, path=name, config=config, context=context, from_text=from_text, size=size
    )


class _CallableModule(types.ModuleType):
    """``bxmlkit.lint`` is both this package and, as ``from bxmlkit import lint``, the function.

    Python sets a package's attribute on its parent whenever the package is imported, so a
    plain function named like the subpackage would be replaced by the module (or hide it)
    depending on import order.  Calling the module calls :func:`lint` instead, so both
    ``lint(text)`` and ``bxmlkit.lint.engine`` always work.
    """

    def __call__(
        self,
        source: Any,
        *,
        config: Config | Mapping[str, Any] | None = None,
        context: str | None = None,
    ) -> list[Diagnostic]:
        return lint(source, config=config, context=context)


sys.modules[__name__].__class__ = _CallableModule
