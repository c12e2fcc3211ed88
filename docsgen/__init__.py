"""Generators for the documentation site's reference pages (run by ``mkdocs build``).

The reference is generated from the code on every build, never written by hand: one page
per BXML element (from the bundled XSD, the models and :mod:`docsgen.examples`), one page
per lint rule (the rule's documentation, as ``bxmlkit rule CODE`` prints it), the command
line (from the argparse parsers), the callback events (from the event models) and the API
(mkdocstrings, from the docstrings).  :func:`docsgen.pages.generate` returns them all;
``docsgen/hook.py`` hands them to MkDocs.
"""
