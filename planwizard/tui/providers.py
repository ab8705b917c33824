"""The palettes' command providers, matching typed text with ``matching`` instead of Textual's
fuzzy matcher (whose work explodes on long entries such as questions; see ``matching``).

Entries are shown as plain text: a question or an example title with a "[" in it is not
read as markup.
"""

from __future__ import annotations

import re

from textual.command import DiscoveryHit, Hit, Hits, SimpleProvider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.system_commands import SystemCommandsProvider
from textual.theme import ThemeProvider

from planwizard.tui import matching

_UNSPACED = re.compile(r"\S+")
"""Highlights skip spaces, as Textual's do."""


class WordMatcher(Matcher):
    """Textual's ``Matcher`` interface over ``matching.match_words``."""

    def __init__(self, query: str, **kwargs) -> None:
        super().__init__(query, **kwargs)
        self.words = matching.query_words(query)
        self._last: tuple[str, tuple[float, list[matching.Span]]] | None = None

    def _match(self, candidate: str) -> tuple[float, list[matching.Span]]:
        # The palette asks for the score, then for the highlight of the same entry.
        if self._last is None or self._last[0] != candidate:
            self._last = (candidate, matching.match_words(self.words, candidate))
        return self._last[1]

    def match(self, candidate: str) -> float:
        return self._match(candidate)[0]

    def highlight(self, candidate: str) -> Content:
        content = Content(candidate)
        for start, end in self._match(candidate)[1]:
            for word in _UNSPACED.finditer(candidate, start, end):
                content = content.stylize(self.match_style, word.start(), word.end())
        return content


class WordMatching:
    """Mixed into a ``Provider``: its matcher is a ``WordMatcher``."""

    def matcher(self, user_input: str, case_sensitive: bool = False) -> Matcher:
        return WordMatcher(user_input, match_style=self.match_style)


class WizardCommands(WordMatching, SystemCommandsProvider):
    """The commands of Ctrl+P (``WizardApp.get_system_commands``).

    A command is found by its name, and else by the words of its explanation, listed
    below every command found by name: "importeren" finds "Word-concept inlezen".
    """

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
            elif help_text and (score := matching.match_words(matcher.words, help_text)[0]) > 0:
                yield Hit(score * HELP_WEIGHT, Content(name), callback, text=name, help=help_text)


HELP_WEIGHT = 0.25
"""A match in a command's explanation scores at most 3.75 * 0.25, below the least match by name (1)."""


class ColourSchemes(WordMatching, ThemeProvider):
    """Textual's colour schemes."""


class ListProvider(WordMatching, SimpleProvider):
    """A list of entries to pick from (items, themes, actions, examples)."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands:
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=_plain(help_text))

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands:
            yield DiscoveryHit(Content(name), callback, text=name, help=_plain(help_text))


def _plain(text: str | None) -> Content | None:
    # Hit.help is typed str, but the palette passes it through Content.from_markup, which
    # returns a Content as it is.
    return None if text is None else Content(text)
