"""bxmlkit: typed models, a lossless codec, a bundled XSD, a linter and a REST client for BXML."""

from bxmlkit._version import __version__

__all__ = ["__version__"]
