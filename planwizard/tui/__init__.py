"""The terminal wizard (Textual). Importing this package loads no Textual; ``tui.app`` does."""
