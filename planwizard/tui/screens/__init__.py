"""The wizard's screens: start, main, examples, review, help, and small dialogs."""
