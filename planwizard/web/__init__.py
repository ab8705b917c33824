"""``planwizard serve``: the same wizard in a web browser (textual-serve, Textual's web driver)."""
