"""The bundled list of gemeenten and regions beschermd wonen, with a forgiving lookup."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from planwizard import labels
from planwizard.errors import PlanError
from planwizard.resources import package_file
from planwizard.yamlio import load_file

CONFIDENCES = ("high", "medium", "low")
"""How sure the bundled list is that a gemeente belongs to its region (see gemeenten.yaml)."""
CERTAIN = frozenset(("high", "medium"))
"""Confidences that are filled in without asking; a low one is a suggestion to confirm."""


_PROVINCE_MARK = re.compile(r"\s*\(.*\)$")
"""The "(L.)" in "Bergen (L.)": names that several gemeenten share carry their province."""


@dataclass(frozen=True)
class Gemeente:
    """A gemeente with its beschermd-wonen region and centrumgemeente where known."""

    code: str
    name: str
    province: str
    region: str = ""
    central_municipality: str = ""
    confidence: str = ""
    """high, medium or low: how sure the region is; empty when the gemeente is not placed."""
    source: str = ""
    """Address of the source that places the gemeente in its region."""
    note: str = ""
    """A caveat about this gemeente's region, or what is known when it is not placed."""

    @property
    def region_certain(self) -> bool:
        """Whether region and centrumgemeente may be filled in without asking."""
        return bool(self.region) and self.confidence in CERTAIN

    @property
    def region_suggested(self) -> bool:
        """Whether the list only suggests a region, for the user to confirm."""
        return bool(self.region) and self.confidence not in CERTAIN


@dataclass(frozen=True)
class Region:
    """A region beschermd wonen: its centrumgemeente, members and a caveat where there is one."""

    name: str
    central_municipality: str
    members: tuple[Gemeente, ...]
    note: str = ""

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source address of the members, once each, in member order."""
        return tuple(dict.fromkeys(g.source for g in self.members if g.source))


@dataclass(frozen=True)
class Former:
    """A gemeente that merged into another one."""

    name: str
    current: Gemeente
    year: int


@dataclass(frozen=True)
class Registry:
    """All gemeenten and regions, searchable by normalised name, alias, former name and code."""

    gemeenten: tuple[Gemeente, ...]
    by_key: dict[str, Gemeente]
    source: str
    reference_date: str
    regions: dict[str, Region]
    former: dict[str, Former]
    """Former gemeenten by normalised name."""

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

    def merged(self, query: str) -> Former | None:
        """The merger when ``query`` names a former gemeente (``find`` gives the current one)."""
        return self.former.get(normalise(query))

    def mismatch(self, name: str, code: str) -> str:
        """Why ``name`` and ``code`` do not describe one gemeente of the list ("" when they do)."""
        by_code = self.by_key.get(code.lower()) if code else None
        if by_code is not None and normalise(name) == normalise(_PROVINCE_MARK.sub("", by_code.name)):
            return ""  # "Bergen" with the code of "Bergen (NH.)"
        former = self.merged(name)
        if former is not None:  # "Weesp": find() gives Amsterdam, but the plan names a gemeente no more
            return labels.msg_merged(former.name, former.current.name, former.year)
        try:
            by_name: Gemeente | None = self.find(name) if name.strip() else None
        except PlanError:
            by_name = None
        if code and by_code is None:
            return labels.warn_unknown_code(code, by_name.name if by_name else "", by_name.code if by_name else "")
        if by_code is not None and by_name is not None and by_code != by_name:
            return labels.warn_name_code(name, code, by_code.name, by_name.code)
        if by_name is None and name.strip():
            return labels.warn_unknown_name(name, by_code.name if by_code else "", self.suggest(name))
        return ""

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Names close to ``query``, best first."""
        key = normalise(query)
        names = {normalise(g.name): g.name for g in self.gemeenten}
        import difflib  # only when a name is wrong: not on every start

        close = difflib.get_close_matches(key, list(names), n=limit, cutoff=0.6)
        return [names[c] for c in close]

    def search(self, query: str, limit: int = 20) -> list[Gemeente]:
        """Gemeenten whose name (or alias, or former name) starts with, then contains, ``query``."""
        key = normalise(query)
        if not key:
            return list(self.gemeenten[:limit])
        first = [g for g in self.gemeenten if normalise(g.name).startswith(key)]
        other = [g for name, g in self.by_key.items() if name.startswith(key) and not name.startswith("gm")]
        rest = [g for g in self.gemeenten if key in normalise(g.name)]
        return list(dict.fromkeys(first + other + rest))[:limit]

    def unplaced(self) -> list[Gemeente]:
        """Gemeenten without a region in the bundled list."""
        return [g for g in self.gemeenten if not g.region]

    def find_region(self, query: str) -> Region:
        """The region meant by ``query`` (its name or part of it, its centrumgemeente, or a member)."""
        key = normalise(query)
        exact = [r for r in self.regions.values() if normalise(r.name) == key]
        if exact:
            return exact[0]
        words = key.split()
        found: list[tuple[bool, Region]] = []
        for region in self.regions.values():
            known = self._region_words(region)
            if words and all(any(k.startswith(w) for k in known) for w in words):
                found.append((all(w in known for w in words), region))
        whole = [r for full, r in found if full]
        candidates = whole if whole else [r for _, r in found]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise PlanError.at("", labels.err_ambiguous_region(query, [r.name for r in candidates]))
        member = self.by_key.get(key)
        if member is not None and member.region:  # a member gemeente stands for its region
            return self.regions[member.region]
        names = {normalise(r.name): r.name for r in self.regions.values()}
        import difflib  # only when a name is wrong: not on every start

        close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)
        raise PlanError.at("", labels.err_unknown_region(query, [names[c] for c in close]))

    def named_region(self, text: str) -> Region | None:
        """The bundled region a user's text clearly names, or None (free text stays as typed)."""
        if not text.strip():
            return None
        try:
            return self.find_region(text)
        except PlanError:
            return None

    def _region_words(self, region: Region) -> set[str]:
        central = self.by_key.get(normalise(region.central_municipality))
        names = [region.name, region.central_municipality]
        if central is not None:
            names += [alias for alias, g in self.by_key.items() if g is central and not alias.startswith("gm")]
        return {word for name in names for word in normalise(name).split()}

    def gemeente_of(self, name: str, code: str = "") -> Gemeente | None:
        """The gemeente with this CBS code, else with this name; None when the list has neither."""
        return (self.by_key.get(code.lower()) if code else None) or self.by_key.get(normalise(name))

    def listed_region(self, name: str, code: str, region: str, central: str) -> Gemeente | None:
        """The gemeente when a plan's region and centrumgemeente are the ones this list gives it
        (so the list, with its source, is where they came from); else None."""
        gemeente = self.gemeente_of(name, code)
        if gemeente is None or not gemeente.region:
            return None
        same = normalise(region) == normalise(gemeente.region)
        return gemeente if same and normalise(central) == normalise(gemeente.central_municipality) else None


def normalise(name: str) -> str:
    """Lower case, no accents, punctuation as spaces: "'s-Hertogenbosch" -> "s hertogenbosch"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


@functools.lru_cache(maxsize=1)
def registry() -> Registry:
    """The bundled gemeenten and regions (read once, and remembered in the user's cache folder)."""
    from planwizard import cache

    path = package_file("gemeenten.yaml")
    return cache.remembered("gemeenten", [path], lambda: _read_registry(path), Registry)


def _read_registry(path: Path) -> Registry:
    data = load_file(path).data
    placed: dict[str, tuple[str, str, str, str, str]] = {}
    for region, info in data["regions"].items():
        for code, confidence, source, *note in info["members"]:
            if confidence not in CONFIDENCES or code in placed:
                raise PlanError.at(str(path), labels.err_bad_region_member(region, code))
            placed[code] = (region, info["central_municipality"], confidence, source, note[0] if note else "")
    unplaced = data.get("unplaced", {})
    gemeenten = []
    for code, name, province in data["gemeenten"]:
        region, central, confidence, source, note = placed.get(code, ("", "", "", "", unplaced.get(code, "")))
        gemeenten.append(Gemeente(code, name, province, region, central, confidence, source, note))
    by_code = {g.code: g for g in gemeenten}
    regions = {
        name: Region(name, info["central_municipality"],
                     tuple(by_code[member[0]] for member in info["members"]), info.get("note", ""))
        for name, info in data["regions"].items()
    }
    by_key: dict[str, Gemeente] = {}
    names = [normalise(g.name) for g in gemeenten]
    for g, name in zip(gemeenten, names):
        by_key[name] = g
        by_key[g.code.lower()] = g
    # "Bergen (L.)" is also found as "Bergen", unless that short name starts several names.
    for g in gemeenten:
        plain = normalise(_PROVINCE_MARK.sub("", g.name))
        if plain not in by_key and sum(1 for name in names if name.startswith(plain + " ")) == 1:
            by_key[plain] = g
    for alias, name in data.get("aliases", {}).items():
        by_key[normalise(alias)] = by_key[normalise(name)]
    former: dict[str, Former] = {}
    for old, (current, year) in data.get("former", {}).items():
        key = normalise(old)
        if key in by_key:  # a current name always wins over a former one
            continue
        former[key] = Former(old, by_key[normalise(current)], int(year))
        by_key[key] = former[key].current
    return Registry(tuple(gemeenten), by_key, str(data.get("source", "")), str(data.get("reference_date", "")),
                    regions, former)
