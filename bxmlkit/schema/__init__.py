"""The bundled XSD: where it is, compiling it once, reading it, and validating documents.

``schema/bxml.xsd`` is the contract for BXML.  This package is made of single-purpose modules:

* ``_files``: finds the XSD (``schema_path``: inside the installed package, ``bxmlkit/_schema/``,
  or in the ``schema/`` folder of a source checkout) and compiles it with lxml on first use,
  once per process, thread-safely (``compiled_schema``); a missing or broken XSD raises
  ``SchemaLoadError``;
* ``_catalogue``: reads the XSD itself into a catalogue of elements and attributes
  (``element_catalogue``), which the linter and ``generate`` (the vocabulary generator) use,
  and which the tests use to keep the models and the XSD in agreement;
* ``_validate``: validates documents (``validate`` for anything ``bxmlkit._parser.read_source``
  accepts, ``validate_tree`` for an already parsed document);
* ``_rounds``: re-validates without the elements that stop libxml2, so that every problem
  is reported;
* ``_once``: one libxml2 validation (what ``_rounds`` repeats);
* ``_report``: turns libxml2's errors into ``Violation`` values with an exact line and column,
  a path such as ``/Response/Gather[2]/@maxDigits``, a kind, and a message;
* ``generate``: writes ``bxmlkit/vocabulary.py`` from the XSD (``python -m
  bxmlkit.schema.generate``).

It imports neither pydantic nor httpx: the linter uses it on its fast path.  A valid document
costs one parse and one libxml2 validation; positions are computed only when there is a
violation to report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bxmlkit.schema._catalogue import (
        AttributeSpec,
        ChildGroup,
        ChildSpec,
        ElementSpec,
        ValueSpec,
        element_catalogue,
        element_spec,
        root_names,
    )
    from bxmlkit.schema._files import compiled_schema, schema_path
    from bxmlkit.schema._validate import validate, validate_tree
    from bxmlkit.schema._violation import VIOLATION_KINDS, Violation, ViolationKind

#: Public name -> the module that defines it.  The modules are imported on first use, so
#: that ``bxmlkit.schema._violation`` or ``_rounds`` (the linter's start-up) do not pay for
#: the others.
_HOMES = {
    "AttributeSpec": "_catalogue",
    "ChildGroup": "_catalogue",
    "ChildSpec": "_catalogue",
    "ElementSpec": "_catalogue",
    "ValueSpec": "_catalogue",
    "element_catalogue": "_catalogue",
    "element_spec": "_catalogue",
    "root_names": "_catalogue",
    "compiled_schema": "_files",
    "schema_path": "_files",
    "validate": "_validate",
    "validate_tree": "_validate",
    "VIOLATION_KINDS": "_violation",
    "Violation": "_violation",
    "ViolationKind": "_violation",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'bxmlkit.schema' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"bxmlkit.schema.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))


__all__ = [
    "VIOLATION_KINDS",
    "AttributeSpec",
    "ChildGroup",
    "ChildSpec",
    "ElementSpec",
    "ValueSpec",
    "Violation",
    "ViolationKind",
    "compiled_schema",
    "element_catalogue",
    "element_spec",
    "root_names",
    "schema_path",
    "validate",
    "validate_tree",
]
