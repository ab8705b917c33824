"""One module per command; each has ``register(subparsers)`` (see cli.py)."""
