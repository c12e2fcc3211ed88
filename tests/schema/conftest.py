"""Shared fixtures for the schema tests: the corpus folders and a fresh-cache helper."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# `.venv/bin/pytest` does not put the checkout on sys.path (bxmlkit is not installed there).
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CORPUS = Path(__file__).resolve().parent / "corpus"
VALID = sorted((CORPUS / "valid").glob("*.xml"))
INVALID = sorted((CORPUS / "invalid").glob("*.xml"))
XSD = REPO / "schema" / "bxml.xsd"


@pytest.fixture
def fresh_schema_caches() -> Iterator[None]:
    """Forget the compiled XSD and the catalogue before and after the test."""
    from bxmlkit.schema import _catalogue, _files

    saved = (_files._compiled, _catalogue._catalogue)
    _files._compiled = None
    _catalogue._catalogue = None
    yield
    _files._compiled, _catalogue._catalogue = saved
