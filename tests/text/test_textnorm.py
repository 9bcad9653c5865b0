import unicodedata

from briefing.text.normalize import clean, match_form, syllables


def test_clean_makes_nfc_and_drops_invisible_characters():
    nfd = unicodedata.normalize("NFD", "Hà Tĩnh")
    assert nfd != "Hà Tĩnh"
    assert clean(f"{nfd}\u200b\u00a0tăng\r\n") == "Hà Tĩnh tăng\n"


def test_old_and_new_tone_styles_match():
    for old, new in [("hòa", "hoà"), ("thủy", "thuỷ"), ("Ủy ban", "uỷ ban"), ("khỏe", "khoẻ"), ("tài khóa", "tài khoá")]:
        assert match_form(old) == match_form(new)


def test_matching_keeps_distinct_words_distinct():
    assert match_form("hoà") != match_form("hoa")
    assert match_form("quý") == "quý"
    assert match_form("thuở") == "thuở"  # horn vowel: no swap
    assert match_form("của") == "của"  # "ua" keeps its tone on u in both styles
    assert match_form("quả") == "quả"


def test_syllables_are_word_runs_in_matching_form():
    assert syllables("Hòa bình, 8,05% TP.HCM") == ["hoà", "bình", "8", "05", "tp", "hcm"]


def test_the_shortcut_for_text_with_nothing_to_move_changes_nothing():
    """one_tone_style skips the round trip through NFD when no old-style tone can be in the text: on
    every word of the seeds, in both tone styles and both cases, it gives what the round trip gives."""
    import re

    from briefing.text.normalize import _OLD_STYLE, _new_style, one_tone_style
    from conftest import SEEDS

    def full(text):
        return unicodedata.normalize("NFC", _OLD_STYLE.sub(_new_style, unicodedata.normalize("NFD", text)))

    words = {w for path in SEEDS.glob("*.txt") for w in re.findall(r"\w+", path.read_text("utf-8"))}
    words |= {"hòa", "Hòa", "HÒA", "thủy", "khỏe", "hoà", "thuỷ", "quý", "thuở", "của"}
    for word in words:
        for form in (word, word.upper(), unicodedata.normalize("NFD", word)):
            assert one_tone_style(form) == full(form), form
