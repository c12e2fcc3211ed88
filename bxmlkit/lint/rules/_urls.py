"""URL helpers for the security rules."""

from __future__ import annotations

import re

__all__ = ["has_userinfo", "host_of", "scheme_of"]

_SCHEME = r"^\s*(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):"
_AUTHORITY = r"^\s*[A-Za-z][A-Za-z0-9+.-]*://(?P<authority>[^/?#]*)"


def scheme_of(url: str) -> str | None:
    """The lowercase scheme of an absolute URL, None for a relative one."""
    match = re.match(_SCHEME, url)
    if match is None or "/" in url[: match.start("scheme")]:
        return None
    return match.group("scheme").lower()


def _authority(url: str) -> str:
    match = re.match(_AUTHORITY, url)
    return match.group("authority") if match else ""


def has_userinfo(url: str) -> bool:
    """True for ``https://user:secret@host/...``."""
    return "@" in _authority(url)


def host_of(url: str) -> str:
    """The host of an absolute URL (lowercase, without port and userinfo)."""
    authority = _authority(url).rpartition("@")[2]
    if authority.startswith("["):
        return authority[1:].partition("]")[0].lower()
    return authority.partition(":")[0].lower()
