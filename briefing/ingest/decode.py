"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1258."""

from __future__ import annotations

import codecs
import re
import unicodedata

from briefing.text.normalize import clean, is_vietnamese_syllable


class DecodeError(ValueError):
    """The bytes are not text in an encoding the tool reads."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Words with a letter outside ASCII: in real Vietnamese nearly all of them are
# syllables; in bytes of another encoding read as Windows-1258, few are.
_ACCENTED_WORD = re.compile(r"\w*[^\x00-\x7f\W]\w*")
LEGACY_MIN_WORDS = 5
LEGACY_MIN_SHARE = 0.9


def decode(data: bytes) -> str:
    """Decode ``data`` and return clean NFC text; raise DecodeError with the reason."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[3:], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data, "utf-16")
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if _mostly_utf8(data):
            raise DecodeError(f"not valid UTF-8 (byte 0x{data[err.start]:02X} at offset {err.start})") from None
        return _legacy(data)
    return _text_only(text)


def _mostly_utf8(data: bytes) -> bool:
    """Real UTF-8 with a stray byte: more well-formed multi-byte characters than bad bytes."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    return sum(1 for ch in text if ord(ch) > 0x7F) - bad > bad


def _checked(data: bytes, encoding: str) -> str:
    try:
        return _text_only(data.decode(encoding))
    except UnicodeDecodeError as err:
        raise DecodeError(f"not valid {encoding.upper()} (byte {err.start})") from None


def _legacy(data: bytes) -> str:
    """Windows-1258 is accepted only when the result reads as Vietnamese text."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        raise DecodeError("not UTF-8, UTF-16 or Windows-1258 text") from None
    if _CONTROL.search(text) or not _reads_as_vietnamese(text):
        raise DecodeError("not UTF-8, UTF-16 or Windows-1258 text")
    return _text_only(text)


def _reads_as_vietnamese(text: str) -> bool:
    words = _ACCENTED_WORD.findall(unicodedata.normalize("NFC", text))
    good = sum(1 for w in words if is_vietnamese_syllable(w))
    return len(words) >= LEGACY_MIN_WORDS and good >= LEGACY_MIN_SHARE * len(words)


def _text_only(text: str) -> str:
    text = clean(text)
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 1000):
        raise DecodeError("binary file (control characters), not text")
    return text
