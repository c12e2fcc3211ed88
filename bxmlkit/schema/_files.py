"""Finding the bundled XSD and compiling it once per process."""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

from lxml import etree

from bxmlkit._parser import parse
from bxmlkit.errors import BxmlParseError, SchemaLoadError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["compiled_schema", "read_xsd", "schema_file", "schema_path"]

_SCHEMA_FILE = "bxml.xsd"


# ---------------------------------------------------------------------------------------------
# Finding and compiling the XSD
# ---------------------------------------------------------------------------------------------


def schema_path() -> Path:
    """The path of ``bxml.xsd``: the copy installed in the package, else the source checkout's.

    Raises ``SchemaLoadError`` when neither exists (a broken installation).  The package's
    folder is found from this file, not through ``importlib.resources`` (about 5 ms of imports
    on the linter's start-up); bxmlkit is never imported from a zip file.
    """
    from pathlib import Path

    return Path(schema_file())


def schema_file() -> str:
    """``schema_path()`` as a string: what bxmlkit itself uses, so that the linter's start-up
    does not import ``pathlib`` (about 2.5 ms with ``urllib.parse`` and ``ipaddress``)."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    installed = os.path.join(package, "_schema", _SCHEMA_FILE)
    if os.path.isfile(installed):
        return installed
    checkout = os.path.join(os.path.dirname(package), "schema", _SCHEMA_FILE)
    if os.path.isfile(checkout):
        return checkout
    raise SchemaLoadError(
        f"the bundled XSD {_SCHEMA_FILE} was not found (looked in bxmlkit/_schema/ and in "
        f"{os.path.dirname(checkout)}); reinstall bxmlkit"
    )


_load_lock = threading.Lock()
_compiled: etree.XMLSchema | None = None


def compiled_schema() -> etree.XMLSchema:
    """The compiled XSD, built on first use and shared by the whole process.

    Raises ``SchemaLoadError`` when the XSD is missing or does not compile.  The object is
    shared: lxml keeps one error log per schema object, so call ``validate`` /
    ``validate_tree`` (which serialize access) rather than its own ``validate`` from threads.
    """
    global _compiled
    schema = _compiled
    if schema is None:
        with _load_lock:
            if _compiled is None:
                _compiled = _compile(schema_file())
            schema = _compiled
    return schema


def read_xsd(path: str | os.PathLike[str]) -> etree._Element:
    """Parse an XSD file with the hardened parser; its URL is kept so imports resolve."""
    from pathlib import Path

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SchemaLoadError(f"{path}: cannot read the XSD: {exc.strerror or exc}") from exc
    try:
        document = parse(data, source=str(path))
    except BxmlParseError as exc:
        raise SchemaLoadError(f"{path}: the XSD is not well-formed XML: {exc}") from exc
    document.root.getroottree().docinfo.URL = path.as_uri()
    return document.root


def _compile(path: str) -> etree.XMLSchema:
    """Compile the XSD file.

    libxml2 reads the file itself here, not through ``bxmlkit._parser``: the XSD is our own
    packaged file, and its ``xs:import`` of the sibling ``xml.xsd`` must be resolved, which
    the hardened parser (rightly) refuses to do for documents.  The import is a relative
    local path, so nothing is fetched from the network.
    """
    if not os.path.isfile(path):
        raise SchemaLoadError(f"{path}: the XSD is missing")
    try:
        return etree.XMLSchema(file=path)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        raise SchemaLoadError(f"{path}: the XSD does not compile: {exc}") from exc
