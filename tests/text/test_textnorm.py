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
