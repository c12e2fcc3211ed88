"""Following next-page links safely: same origin only, no loops, a bound on pages.

Sans-I/O: :class:`PageTrail` is told each page's URL and the next link the server gave, and
says where to go next or raises :class:`~bxmlkit.client.errors.InvalidResponseError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from bxmlkit.client.errors import InvalidResponseError

__all__ = ["DEFAULT_MAX_PAGES", "PageTrail", "same_origin"]

#: How many pages one listing may fetch before it stops with an error (a listing of calls
#: holds at most 10000 records; at the smallest page size that is 10000 pages).
DEFAULT_MAX_PAGES = 10000

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = -1  # an unreadable port never matches
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme)


def same_origin(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` share scheme, host and port (``:443`` is https's default)."""
    return _origin(a) == _origin(b)


def _normal(url: str) -> str:
    """A URL spelled one way: lower-case scheme and host, no default port, no fragment."""
    parts = urlsplit(url)
    scheme, host, port = _origin(url)
    netloc = host if port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    return f"{scheme}://{netloc}{parts.path or '/'}{'?' + parts.query if parts.query else ''}"


@dataclass
class PageTrail:
    """The pages one listing has fetched so far (URL and, for media, Continuation-Token)."""

    base_url: str
    max_pages: int = DEFAULT_MAX_PAGES
    seen: list[tuple[str, str | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.max_pages < 1:
            raise ValueError(f"max_pages must be at least 1, not {self.max_pages}")

    def visit(self, url: str, token: str | None = None) -> None:
        self.seen.append((_normal(url), token))

    def _fail(self, response: httpx.Response, problem: str) -> InvalidResponseError:
        request = response.request
        return InvalidResponseError(
            f"{request.method} {request.url}: {problem}",
            status_code=response.status_code,
            method=request.method,
            url=str(request.url),
            response=response,
        )

    def _check(self, response: httpx.Response, key: tuple[str, str | None], shown: str) -> None:
        if key in self.seen:
            page = self.seen.index(key) + 1
            raise self._fail(
                response,
                f"the next page ({shown}) leads back to page {page}; stopped instead of looping "
                f"after {len(self.seen)} pages (the items so far were returned)",
            )
        if len(self.seen) >= self.max_pages:
            raise self._fail(
                response,
                f"stopped after {self.max_pages} pages (max_pages); the server still offers a "
                "next page: narrow the filters or raise the client's max_pages",
            )

    def follow(self, response: httpx.Response, link: str | None) -> str | None:
        """The absolute URL of the next page, or None when ``link`` is empty (the last page)."""
        if not link:
            return None
        target = urljoin(str(response.request.url), link)
        if not same_origin(self.base_url, target):
            there = urlsplit(target)
            raise self._fail(
                response,
                f"the next-page link points to another origin ({there.scheme}://"
                f"{there.hostname}); not following it with your credentials",
            )
        self._check(response, (_normal(target), None), target)
        return target

    def follow_token(self, response: httpx.Response, token: str, name: str) -> str:
        """``token`` (sent back as header ``name``) unless it repeats or the bound is hit."""
        self._check(response, (_normal(str(response.request.url)), token), f"{name}: {token}")
        return token
