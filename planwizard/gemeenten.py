"""The bundled list of gemeenten and a forgiving lookup by name or CBS code."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

from planwizard import labels
from planwizard.errors import PlanError
from planwizard.resources import package_file
from planwizard.yamlio import load_file


@dataclass(frozen=True)
class Gemeente:
    """A gemeente with its beschermd-wonen region and centrumgemeente where known."""

    code: str
    name: str
    province: str
    region: str = ""
    central_municipality: str = ""


@dataclass(frozen=True)
class Registry:
    """All gemeenten, searchable by normalised name, alias and code."""

    gemeenten: tuple[Gemeente, ...]
    by_key: dict[str, Gemeente]
    source: str
    reference_date: str

    def find(self, query: str) -> Gemeente:
        """The gemeente meant by ``query``; PlanError with suggestions when unclear."""
        key = normalise(query)
        if not key:
            raise PlanError.at("", labels.err_unknown_gemeente(query, []))
        if key.upper().startswith("GM") and key[2:].isdigit():
            key = f"gm{int(key[2:]):04d}"
        if key in self.by_key:
            return self.by_key[key]
        starts = [g for g in self.gemeenten if normalise(g.name).startswith(key + " ")]
        if len(starts) == 1:
            return starts[0]
        if len(starts) > 1:
            raise PlanError.at("", labels.err_ambiguous_gemeente(query, [g.name for g in starts]))
        raise PlanError.at("", labels.err_unknown_gemeente(query, self.suggest(query)))

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Names close to ``query``, best first."""
        key = normalise(query)
        names = {normalise(g.name): g.name for g in self.gemeenten}
        close = difflib.get_close_matches(key, list(names), n=limit, cutoff=0.6)
        return [names[c] for c in close]

    def search(self, query: str, limit: int = 20) -> list[Gemeente]:
        """Gemeenten whose name starts with, then contains, ``query`` (for type-ahead)."""
        key = normalise(query)
        if not key:
            return list(self.gemeenten[:limit])
        first = [g for g in self.gemeenten if normalise(g.name).startswith(key)]
        rest = [g for g in self.gemeenten if key in normalise(g.name) and g not in first]
        return (first + rest)[:limit]


def normalise(name: str) -> str:
    """Lower case, no accents, punctuation as spaces: "'s-Hertogenbosch" -> "s hertogenbosch"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


@functools.lru_cache(maxsize=1)
def registry() -> Registry:
    """The bundled gemeenten (loaded once)."""
    doc = load_file(package_file("gemeenten.yaml"))
    data = doc.data
    region_of: dict[str, tuple[str, str]] = {}
    for region, info in data["regions"].items():
        for code in info["members"]:
            region_of[code] = (region, info["central_municipality"])
    gemeenten = []
    for code, name, province in data["gemeenten"]:
        region, central = region_of.get(code, ("", ""))
        gemeenten.append(Gemeente(code, name, province, region, central))
    by_key: dict[str, Gemeente] = {}
    names = [normalise(g.name) for g in gemeenten]
    for g, name in zip(gemeenten, names):
        by_key[name] = g
        by_key[g.code.lower()] = g
    # "Bergen (L.)" is also found as "Bergen", unless that short name starts several names.
    for g in gemeenten:
        plain = normalise(re.sub(r"\s*\(.*\)$", "", g.name))
        if plain not in by_key and sum(1 for name in names if name.startswith(plain + " ")) == 1:
            by_key[plain] = g
    for alias, name in data.get("aliases", {}).items():
        by_key[normalise(alias)] = by_key[normalise(name)]
    return Registry(tuple(gemeenten), by_key, str(data.get("source", "")), str(data.get("reference_date", "")))
