"""Whose number is it? The country's or a province's own, or someone else's.

A figure is a fact for the pack only when it belongs to Vietnam as a whole or
to one province or city, as its authorities or statistics state it. Numbers
in the same sentences often belong to someone else: another country, an
outside forecaster, a bank or company, a tax or customs office collecting its
share, a sector, or a hypothetical. Each of those is recognised by the words
of the figure's clause (its own part of the sentence), all in matching form
(lower case, one tone style). The vocabularies are defined once here.
"""

from __future__ import annotations

import re

from briefing.text.normalize import is_vietnamese_syllable
from briefing.text.patterns import found_in

OWN = "own"  # the country or a province, as its authorities state it

# Other countries, regions and the world, as Vietnamese news names them.
FOREIGN = re.compile(
    r"\b(?:mỹ(?! (?:phẩm|thuật|tho|đình|nghệ|lệ|hào|xuyên|an|tú|đức|lộc))|hoa kỳ|trung quốc|bắc kinh|nhật bản|"
    r"hàn quốc|triều tiên|nước nga|kinh tế nga|của nga|liên bang nga|anh quốc|nước anh|kinh tế anh|chính phủ anh|"
    r"nước pháp|kinh tế pháp|chính phủ pháp|nước đức|kinh tế đức|chính phủ đức|tây ban nha|hy lạp|ấn độ|thái lan|"
    r"singapore|indonesia|malaysia|philippines|campuchia|lào(?! cai)|myanmar|australia|canada|brazil|mexico|"
    r"argentina|venezuela|thổ nhĩ kỳ|ả rập|saudi|iran|iraq|israel|qatar|ukraine|nam phi|đài loan|hồng kông|"
    r"eurozone|khu vực đồng euro|châu âu|liên minh châu âu|eu|asean|đông nam á|châu á|opec|toàn cầu|kinh tế thế giới|"
    r"trên thế giới|washington|moskva|tokyo|london|brexit|fed|tổng thống)\b"
)
# Words that bring the figure back home even in a sentence that names another country
# (but "Chính phủ Indonesia", "Thủ tướng Nhật Bản" are that country's).
HOME_WORDS = r"việt nam|cả nước|trong nước|nước ta"
HOME = re.compile(rf"\b(?:{HOME_WORDS}|(?:chính phủ|quốc hội|thủ tướng)(?!\s+{FOREIGN.pattern}))\b")
# Vietnam named as such, or a leader's title followed by a Vietnamese family name ("Thủ tướng Nguyễn Xuân Phúc").
# ("Lý" is left out: Chinese and Singaporean leaders are written "Lý Khắc Cường", "Lý Hiển Long".)
VIETNAMESE_FAMILY_NAMES = (
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương vương trương đinh mai tô đào hà "
    "lưu tống chu lương quách thái cao kiều đoàn lâm trịnh tạ"
)
HOME_NAMED = re.compile(
    rf"\b(?:{HOME_WORDS}|vn)\b|\b(?:thủ tướng|phó thủ tướng|chủ tịch quốc hội|chủ tịch nước|"
    rf"tổng bí thư|bộ trưởng|thống đốc)(?: chính phủ)? (?!{FOREIGN.pattern})(?:"
    + "|".join(VIETNAMESE_FAMILY_NAMES.split()) + r")\b"
)
# A bare "Chính phủ", "Quốc hội" or "Thủ tướng" is Vietnam's, unless a country or a foreign name follows
# it ("Thủ tướng Nhật Bản", "Thủ tướng Medvedev": a name no Vietnamese syllable can spell).
BARE_TITLE = re.compile(r"\b(?:chính phủ|quốc hội|thủ tướng)\b")
NEXT_WORD = re.compile(r"\s+(\w+)")
# Forecasters, analysts and international bodies: their estimates are not the authorities' figures.
FORECASTER = re.compile(
    r"\b(?:ngân hàng thế giới|world bank|\bwb\b|imf|quỹ tiền tệ quốc tế|adb|ngân hàng phát triển châu á|hsbc|"
    r"standard chartered|uob|fitch|moody|s ?& ?p|bloomberg|reuters|cnbc|\bey\b|pwc|kpmg|deloitte|oecd|"
    r"chuyên gia|giới phân tích|nhà phân tích|các tổ chức quốc tế|tổ chức quốc tế|ngân hàng anh|"
    r"ngân hàng trung ương|viện nghiên cứu|theo dự báo|liên hợp quốc|liên hiệp quốc)\b"
)
# A company, a bank or an agency collecting its own share: its numbers are not the place's.
ORGANISATION = re.compile(
    r"\b(?:tập đoàn|tổng công ty|công ty|doanh nghiệp này|samsung|formosa|vingroup|evn|pvn|petrolimex|viettel|"
    r"cục hải quan|hải quan|cục thuế|chi cục|tổng cục hải quan|tổng cục thuế|đơn vị này|ngành thuế|ngành hải quan|"
    r"ngân hàng thương mại|các ngân hàng|ngân hàng tmcp|\w+bank|bidv|ctcp|khu kinh tế|khu công nghiệp|cảng)\b"
)
# A company board's officer speaking: the sentence's numbers are the company's ("ông … - Chủ tịch Hội đồng
# thành viên Vinachem cho hay, tổng kim ngạch xuất nhập khẩu đạt 582 triệu USD"). Only companies have these
# boards; a board only named ("đề nghị Hội đồng quản trị các doanh nghiệp …") speaks for no figure.
COMPANY_SPEAKER = re.compile(
    r"\b(?:hội đồng thành viên|hđtv|hội đồng quản trị|hđqt)\b[^,.;:]{0,40}?\b(?:cho biết|cho hay|nói|chia sẻ|báo cáo)\b"
)
# A sector of the economy: its growth is not the economy's (industry and agriculture
# have their own indicators, decided elsewhere).
SECTOR = re.compile(
    r"\b(?:khu vực (?:dịch vụ|nông|công nghiệp|fdi|kinh tế tư nhân|nhà nước)|tín dụng|nhóm hàng|mặt hàng|"
    r"(?<!bộ, )(?<!bộ )(?<!toàn )(?<!các )ngành (?!nông nghiệp|công nghiệp|chức năng)[a-zà-ỹđ]{2,}|"
    r"thị trường chứng khoán|chứng khoán|bất động sản|du lịch tăng trưởng)\b"
)
# A figure of the whole economy, named in its own clause: a sector that is the sentence's subject
# does not own it ("công tác điều hành tín dụng … tăng trưởng 14%, … nhưng vẫn góp tăng trưởng kinh tế đạt 7,08%").
WHOLE_ECONOMY = re.compile(r"\b(?:tăng trưởng kinh tế|nền kinh tế|gdp|grdp)\b")
# A district of a province, named: "huyện Kỳ Anh tăng trưởng 12%" is not the province's growth
# ("100% huyện đạt chuẩn", "các huyện, thành, thị" count districts, they name none).
DISTRICT = re.compile(
    r"\b(?:huyện|quận|thị xã)\s+(?!đạt|và|hoàn|có|được|thành|thị|xã|trong|trên|của|này|đó|mới|nông)[a-zà-ỹđ]{2,}"
)
# A condition or a comparison with elsewhere: "như ở Mỹ", "nếu", "giả sử" ("lấy ví dụ" introduces real figures).
HYPOTHETICAL = re.compile(
    r"\b(?:nếu|giả sử|giả định|như ở|kịch bản)\b"
    # "để duy trì tăng trưởng trên 15% …", "để đạt mục tiêu cả năm thì quý IV phải tăng 10%": what it would take
    r"|\bđể (?:duy trì|tăng trưởng|giữ)\b|\bthì\b[^,;]{0,40}\b(?:phải|cần)\b"
)
# "tăng trưởng sẽ vượt 7% nếu các dự án lớn sớm đi vào hoạt động": a condition right after the figure;
# "phải đạt tăng trưởng 8,5% thì mới thu đủ": what it takes ("only then"), later in its clause
# ("mục tiêu 20 xã thì mới có 12 xã": "but only", a number follows).
CONDITION_AFTER = re.compile(r"\s*(?:nếu|giả sử|với điều kiện)\b|[^,;.]{0,40}?\bthì mới\b(?![^,;.]{0,30}\d)")


# Why a figure that is someone else's is set aside, in the words the annex shows.
NOT_OWN = {
    "hypothetical": "a condition or a comparison",
    "forecaster": "a forecaster's estimate",
    "foreign": "another country's figure",
    "organisation": "an agency's or a company's figure",
    "sector": "a sector's figure",
    "district": "a district's figure",
}
SUBJECT_REACH = 40  # the subject of a sentence stands in its first words: "Khu kinh tế Nghi Sơn hiện có …"


def owner(clause: str, sentence: str, foreign_article: bool) -> str:
    """Whose the figure of ``clause`` is: OWN, or the reason it is someone else's.

    ``clause`` is the figure's own words: from the previous figure (or the start
    of its clause) up to it; ``sentence`` the whole sentence; both in matching form.
    """
    if HYPOTHETICAL.search(clause):
        return "hypothetical"
    if FORECASTER.search(clause) or found_in(FORECASTER, sentence):
        return "forecaster"
    if FOREIGN.search(clause) and not HOME.search(clause):
        return "foreign"
    subject = _subject(sentence)
    if ORGANISATION.search(clause) or ORGANISATION.search(subject) or COMPANY_SPEAKER.search(sentence):
        return "organisation"
    # a list of items set apart by ";" gives each its own subject ("tín dụng tăng 14%; thu ngân sách đạt …")
    listed = ";" in sentence
    if SECTOR.search(clause) or (not listed and SECTOR.search(subject) and not WHOLE_ECONOMY.search(clause)):
        return "sector"
    if DISTRICT.search(clause):
        return "district"
    if foreign_article and not found_in(HOME, sentence):
        return "foreign"
    return OWN


def _subject(sentence: str) -> str:
    """The sentence's first SUBJECT_REACH characters, to the end of the word they cut ("ngành nông nghi|ệp")."""
    end = SUBJECT_REACH
    while end < len(sentence) and sentence[end].isalnum():
        end += 1
    return sentence[:end]


def is_foreign_article(opening: str, names_a_province: bool) -> bool:
    """An article whose title and lead speak of another country and not of Vietnam or a province.
    Vietnam's name or a Vietnamese leader's makes it home; so do bare "Thủ tướng", "Chính phủ" or
    "Quốc hội" named more often than the other country, unless one of them is clearly foreign
    ("Thủ tướng Medvedev … chính phủ của nhiệm kỳ cũ", "Trung Quốc khai mạc kỳ họp quốc hội")."""
    if not FOREIGN.search(opening) or names_a_province or HOME_NAMED.search(opening):
        return False
    titles = [m.end() for m in BARE_TITLE.finditer(opening)]
    if any(_foreign_title(opening, end) for end in titles):
        return True
    return len(FOREIGN.findall(opening)) >= len(titles)  # the other country named more than our bodies


def _foreign_title(text: str, end: int) -> bool:
    """The title ending at ``end`` is followed by a country or by a name no Vietnamese syllable spells."""
    word = NEXT_WORD.match(text, end)
    if not word:
        return False
    name = word.group(1)  # a number or an abbreviation ("9 tháng", "tp hcm") is no one's name
    return bool(FOREIGN.match(text, word.start(1))) or (
        name.isalpha() and len(name) > 2 and not is_vietnamese_syllable(name))
