"""The framework-neutral request and response the webhook core works on."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["WebhookRequest", "WebhookResponse", "header_pairs", "read_limited"]

Headers = tuple[tuple[str, str], ...]


def _text(value: Any) -> str:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("latin-1")  # header bytes are latin-1 on the wire
    return str(value)


def header_pairs(headers: Any) -> Headers:
    """``(lowercase name, value)`` pairs from a mapping or from ``(name, value)`` pairs.

    Accepts a dict, any framework's header object (anything with ``items()``), or pairs of
    ``str`` or ``bytes`` such as ASGI's ``scope["headers"]``.
    """
    items: Iterable[Any] = headers.items() if callable(getattr(headers, "items", None)) else headers
    pairs: list[tuple[str, str]] = []
    for item in items:
        name, value = item
        pairs.append((_text(name).strip().lower(), _text(value)))
    return tuple(pairs)


def read_limited(read: Callable[[int], bytes], limit: int) -> bytes:
    """Read a stream to its end, but never more than ``limit + 1`` bytes (one byte past the
    limit is enough to tell that the body is too large).  Loops, because a stream's
    ``read(n)`` may return fewer than ``n`` bytes before the end."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = read(limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


@dataclass(frozen=True, init=False)
class WebhookRequest:
    """One webhook delivery as the web framework received it.

    Attributes:
        method: the HTTP method (``GET`` or ``POST`` for Bandwidth).
        path: the request path (for your own logging; dispatch is by event type).
        query_string: the raw query string (without ``?``); GET deliveries carry the event here.
        headers: the request headers: a mapping or ``(name, value)`` pairs (``str`` or
            ``bytes``); stored as ``(lowercase name, value)`` pairs.
        body: the raw request body; POST deliveries carry the event here as JSON.
    """

    method: str
    path: str = "/"
    query_string: str | bytes = ""
    headers: Headers = ()
    body: bytes = b""

    def __init__(
        self,
        method: str,
        path: str = "/",
        query_string: str | bytes = "",
        headers: Any = (),
        body: bytes = b"",
    ) -> None:
        object.__setattr__(self, "method", method.upper())
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "query_string", query_string)
        object.__setattr__(self, "headers", header_pairs(headers))
        object.__setattr__(self, "body", bytes(body))

    def header(self, name: str) -> str | None:
        """The value of a header (first one when repeated), or None; the name ignores case."""
        wanted = name.lower()
        for key, value in self.headers:
            if key == wanted:
                return value
        return None


@dataclass(frozen=True)
class WebhookResponse:
    """What to send back: a status, headers and a body, for any framework to copy out."""

    status: int
    headers: Headers = field(default=())
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """The value of a header, or None; the name ignores case."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None

    @property
    def content_type(self) -> str | None:
        """The ``Content-Type`` header, or None (204 has none)."""
        return self.header("Content-Type")
