"""One module per ``bxmlkit`` subcommand; each exposes ``register(subparsers)``."""
