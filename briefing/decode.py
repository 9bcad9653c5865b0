"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1258."""

from __future__ import annotations

import codecs
import re

from .textnorm import clean


class DecodeError(ValueError):
    """The bytes are not text in an encoding the tool reads."""


# Letters that only Vietnamese uses among the Latin-script languages.
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


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
    except UnicodeDecodeError:
        return _legacy(data)
    return _text_only(text)


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
    if not _VIETNAMESE.search(text) or _CONTROL.search(text):
        raise DecodeError("not UTF-8, UTF-16 or Windows-1258 text")
    return _text_only(text)


def _text_only(text: str) -> str:
    text = clean(text)
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 1000):
        raise DecodeError("binary file (control characters), not text")
    return text
