"""Vietnam's provinces and centrally-run cities, and finding them in text.

The list is ``data/provinces.tsv``: the 63 units before the 2025 merger and the
34 after it, each with the spellings seen in news.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from briefing.text.normalize import one_tone_style


@dataclass(frozen=True)
class Place:
    name: str  # canonical
    type: str  # "province" | "city"
    era: str  # "both" | "pre2025" | "post2025"
    merged_into: str | None


@dataclass(frozen=True)
class Mention:
    place: Place
    start: int
    end: int
    text: str  # as written
    prefix: str  # administrative words right before it, as written: "UBND tỉnh", "TP.", "" ...


# Organisations and unit words that stand right before a place name.
_ORGS = """UBND; HĐND; Ủy ban nhân dân; Hội đồng nhân dân; Đảng bộ; Ban Thường vụ;
Công an; Đoàn ĐBQH; Đoàn đại biểu Quốc hội; Ủy ban MTTQ; MTTQ; điểm cầu"""
_UNITS = "tỉnh; thành phố; TP.; TP; Tỉnh ủy; Thành ủy"
_ALONE = "Thủ đô"

# Capitalised phrases that start with a place name but are something else;
# they are matched so the scan skips them, then dropped.
_NOT_PLACES = ("Thái Bình Dương", "Điện Biên Phủ", "Đồng Tháp Mười")



def places() -> list[Place]:
    """Every row of the gazetteer, in file order."""
    return list(_table()[0])


def lookup(name: str) -> Place | None:
    """The place any spelling of ``name`` refers to, ignoring case and tone style."""
    by_key = _table()[1]
    key = _lookup_key(name)
    if key in by_key:
        return by_key[key]
    for unit in ("tỉnh ", "thành phố ", "tp "):
        if key.startswith(unit):
            return by_key.get(key[len(unit) :])
    return None


def lookup_typed(name: str) -> Place | None:
    """The place a user typed, with or without tone marks ("Hà Tĩnh", "ha tinh", "TP HCM", "Ho Chi Minh")."""
    found = lookup(name)
    if found is not None:
        return found
    bare = _bare_name(name)
    return next((place for key, place in _table()[1].items() if _bare_name(key) == bare), None)


def alphabetical(name: str) -> str:
    """A place name's key for sorting in Vietnamese order: Đà Nẵng among the D's, not after Z."""
    return _bare_name(name)


def _bare_name(text: str) -> str:
    """Lower case without tone or vowel marks (đ as d) and without a leading "tỉnh", "thành phố" or
    "TP.": how a name is typed on a keyboard without Vietnamese."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    bare = " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).replace(".", " ").split())
    return re.sub(r"^(?:tinh|thanh pho|tp) ", "", bare)


def find_places(text: str) -> list[Mention]:
    """Every place named in ``text``, in order, longest match first, no overlaps.

    Offsets index ``text`` when it is NFC (as :func:`briefing.textnorm.clean` makes it).
    """
    text = unicodedata.normalize("NFC", text)
    key = one_tone_style(text)
    by_key = _table()[1]
    found = []
    for m in _names().finditer(key):
        place = by_key.get(_lookup_key(m[0]))
        if place is None:
            continue
        start, end = m.span()
        found.append(Mention(place, start, end, text[start:end], _prefix(text, key, start)))
    return found


def _prefix(text: str, key: str, start: int) -> str:
    # The leftmost match ending at ``start`` is the longest: "UBND tỉnh", not "tỉnh".
    m = _prefixes().search(key, max(0, start - 60), start)
    return " ".join(text[m.start(1) : m.end(1)].split()) if m else ""


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[Place, ...], dict[str, Place | None], tuple[str, ...]]:
    """The places, a lookup-key -> place map, and every spelling."""
    source = resources.files("briefing").joinpath("data/provinces.tsv").read_text("utf-8")
    lines = [line for line in source.splitlines() if line.strip() and not line.startswith("#")]
    rows = [line.split("\t") for line in lines[1:]]
    all_places = []
    by_key: dict[str, Place | None] = {_lookup_key(p): None for p in _NOT_PLACES}
    spellings = list(_NOT_PLACES)
    for name, type_, era, merged_into, variants in rows:
        place = Place(name, type_, era, merged_into or None)
        all_places.append(place)
        for spelling in [name, *filter(None, (v.strip() for v in variants.split(",")))]:
            by_key[_lookup_key(spelling)] = place
            spellings.append(spelling)
    return tuple(all_places), by_key, tuple(spellings)


@lru_cache(maxsize=1)
def _names() -> re.Pattern:
    names = sorted({_spelling_pattern(s) for s in _table()[2]}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(names)})(?![\w\u0300-\u036f])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _prefixes() -> re.Pattern:
    # Searched only right before a name: trying it at every word start is slow.
    orgs = [o.strip() for o in _ORGS.split(";")]
    units = [u.strip() for u in _UNITS.split(";")]
    words = [*orgs, *units, _ALONE, *(f"{o} {u}" for o in orgs for u in units)]
    prefixes = sorted({_spelling_pattern(w, case=False) for w in words}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)({'|'.join(prefixes)})(?:(?<=\.)|\s+)$", re.IGNORECASE)


def _spelling_pattern(spelling: str, case: bool = True) -> str:
    """A regex for ``spelling`` in tone-key form, run with re.IGNORECASE.

    With ``case`` a capital that starts a syllable must stay a capital, so that
    "hòa bình" (peace) is not Hòa Bình. Spaces, dots and dashes are loose.
    """
    parts = []
    for token in re.findall(r"\w+|\s*[-\u2013\u2014]\s*|\.\s*|\s+", one_tone_style(spelling)):
        if token[0].isalnum():
            first = f"(?-i:{re.escape(token[0])})" if case and token[0].isupper() else re.escape(token[0])
            parts.append(first + re.escape(token[1:]))
        elif token.strip() == ".":
            parts.append(r"\.\s*")
        elif token.strip():
            parts.append(r"\s*[-\u2013\u2014]\s*")
        else:
            parts.append(r"\s+")
    return "".join(parts)


def _lookup_key(name: str) -> str:
    key = one_tone_style(unicodedata.normalize("NFC", name)).lower()
    return " ".join(re.sub(r"[-\u2013\u2014.]", " ", key).split())
