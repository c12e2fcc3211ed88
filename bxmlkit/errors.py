"""Every exception bxmlkit raises on purpose.

The tree, so a reader sees it before the classes::

    BxmlError                      root: catch this to catch everything bxmlkit raises
    ├── BxmlParseError             the input is not a BXML document we can turn into models
    │   ├── XmlSyntaxError         not well-formed XML, or a DOCTYPE, entity or PI
    │   ├── XmlLimitError          over the size or nesting-depth limit of the hardened parser
    │   └── BxmlStructureError     well-formed XML that breaks BXML: unknown element or attribute,
    │                              bad value, illegal nesting, wrong root, missing attribute
    ├── SourceError                the source cannot be read (missing file, directory, FIFO, ...)
    ├── SchemaLoadError            the bundled XSD cannot be found or compiled (a broken install)
    ├── ConfigError                a linter configuration (file, mapping or command line) is
    │                              invalid: unknown key, rule or value (also a ValueError)
    ├── CallbackError              a webhook payload contradicts its event type
    │                              (``bxmlkit.callbacks``; also a ValueError)
    └── ApiError                   raised by ``bxmlkit.client`` (see ``bxmlkit.client.errors``)

Building a model from Python with a bad value raises pydantic's ``ValidationError``
(a ``ValueError``), as every pydantic model does; bxmlkit does not wrap it.

Foreign exceptions (lxml's, httpx's, pydantic's) are translated to these at exactly one
place each, with ``raise ... from exc`` so the original stays attached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # pragma: no cover - a type only: this module imports nothing at run time
    import httpx

__all__ = [
    "ApiError",
    "BxmlError",
    "BxmlParseError",
    "BxmlStructureError",
    "ConfigError",
    "FieldError",
    "SchemaLoadError",
    "SourceError",
    "XmlLimitError",
    "XmlSyntaxError",
]


class BxmlError(Exception):
    """Root of every exception that bxmlkit raises on purpose."""


class SourceError(BxmlError, OSError):
    """A source (file, path, stream) could not be read.

    ``source`` names it; the message says why (missing, a directory, not a regular file, ...).
    """

    def __init__(self, message: str, *, source: str) -> None:
        super().__init__(message)
        self.source = source
        self.message = message

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class BxmlParseError(BxmlError, ValueError):
    """The input could not be turned into a BXML document.

    Attributes:
        message: what is wrong, in words a person understands.
        source: the file name, or ``<string>`` / ``<bytes>`` / ``<stream>``.
        line, column: 1-based position of the problem (0 when unknown).
        path: XPath-like location such as ``/Response/Gather[2]/@maxDigits`` ("" when none).
        expected, actual: what was allowed and what was found, when that applies.
        hint: a suggestion such as a did-you-mean, or "".
    """

    def __init__(
        self,
        message: str,
        *,
        source: str = "<string>",
        line: int = 0,
        column: int = 0,
        path: str = "",
        expected: str = "",
        actual: str = "",
        hint: str = "",
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.path = path
        self.expected = expected
        self.actual = actual
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}:{self.column}"
        text = f"{where}: {self.message}"
        if self.path:
            text += f" (at {self.path})"
        if self.hint:
            text += f"; {self.hint}"
        return text


class XmlSyntaxError(BxmlParseError):
    """The bytes are not well-formed XML, or use a construct BXML forbids."""


class XmlLimitError(BxmlParseError):
    """The document is larger or deeper than the hardened parser allows."""


class BxmlStructureError(BxmlParseError):
    """Well-formed XML that is not valid BXML."""


class SchemaLoadError(BxmlError):
    """The bundled XSD could not be found or compiled; the installation is broken."""


class ConfigError(BxmlError, ValueError):
    """A linter configuration is invalid (``[tool.bxmlkit]``, ``.bxmlkit.toml``, a mapping
    passed to ``lint(config=...)`` or a command-line flag).

    ``source`` names the file (or ``command line``), ``key`` the offending key ("" when none);
    the message says what is wrong and, where one is close, what was probably meant.
    """

    def __init__(self, message: str, *, source: str, key: str = "") -> None:
        self.source = source
        self.key = key
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        key = f"[{self.key}] " if self.key else ""
        return f"{where}{key}{self.message}"


class FieldError(NamedTuple):
    """One entry of the messaging API's ``fieldErrors`` list (on :class:`ApiError`)."""

    field_name: str
    description: str


class ApiError(BxmlError):
    """Root of the REST client's errors; ``bxmlkit.client.errors`` defines the subclasses.

    Attributes:
        message: what happened and what to do next (never contains a credential).
        status_code: the HTTP status, or ``None`` when no HTTP response arrived.
        error_type, description, error_id: the API's error body fields ``type``,
            ``description`` and ``id`` ("" / ``None`` when the body had none).
        field_errors: the messaging API's ``fieldErrors`` as ``FieldError(field_name,
            description)`` pairs (empty for the voice API, which documents none).
        method, url: the request that failed (the URL never carries credentials).
        response: the ``httpx.Response`` when there was one; its ``request`` is a redacted
            copy (no ``Authorization`` header, passwords in the body masked).
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        error_type: str = "",
        description: str = "",
        error_id: str | None = None,
        field_errors: tuple[FieldError, ...] = (),
        method: str = "",
        url: str = "",
        response: httpx.Response | None = None,
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.error_type = error_type
        self.description = description
        self.error_id = error_id
        self.field_errors = tuple(field_errors)
        self.method = method
        self.url = url
        self.response = response
        super().__init__(message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status_code={self.status_code!r})"
