"""Figures: money, counts, percentages, durations and dates, with bounds and absolute offsets."""

import pytest

from claims.quantities import parse_quantities

CASES = [
    # (lang, text, [(text, value, unit, kind, bound), ...])
    ("ar", "قامت Meta بتوظيف ما لا يقل عن 11 باحثًا", [("11", 11, "count", "count", "at_least")]),
    ("ar", "عروض بقيمة 100 مليون دولار", [("100 مليون دولار", 1e8, "USD", "money", "exact")]),
    ("ar", "خسارة ما لا يقل عن ثمانية باحثين", [("ثمانية", 8, "count", "count", "at_least")]),
    ("ar", "عيّنت الشركة أحد عشر باحثا", [("أحد عشر", 11, "count", "count", "exact")]),
    ("ar", "عيّنت الشركة ١٧ باحثا", [("١٧", 17, "count", "count", "exact")]),
    ("ar", "حزم تعويضات تصل إلى 300 مليون دولار على مدى أربع سنوات",
     [("300 مليون دولار", 3e8, "USD", "money", "at_most"), ("أربع سنوات", 4, "year", "duration", "exact")]),
    ("ar", "يعملون نحو 80 ساعة أسبوعيا", [("80 ساعة", 80, "hour", "duration", "approx")]),
    ("ar", "ارتفع عدد الموظفين إلى ما يزيد قليلاً عن مائة شخص", [("مائة", 100, "count", "count", "at_least")]),
    ("ar", "يمتلك حصة 49٪ في الشركة", [("49٪", 49, "percent", "percent", "exact")]),
    ("ar", "جمع 39.1 مليون دولار", [("39.1 مليون دولار", 39.1e6, "USD", "money", "exact")]),
    ("ar", "استثمر ما يصل إلى 13 مليار دولار", [("13 مليار دولار", 13e9, "USD", "money", "at_most")]),
    ("ar", "في 30 نوفمبر 2022 أطلقت الشركة المنتج", [("30 نوفمبر 2022", 20221130, "date", "date", "exact")]),
    ("ar", "يعمل في الشركة منذ عام 2017", [("2017", 2017, "year", "date", "exact")]),
    ("ar", "حوالي ثلاثة وعشرين شخصا", [("ثلاثة وعشرين", 23, "count", "count", "approx")]),
    ("ar", "فرضت إجازة لمدة أسبوع كامل", [("أسبوع", 1, "week", "duration", "exact")]),
    ("en", "Meta hired at least 11 senior researchers", [("11", 11, "count", "count", "at_least")]),
    ("en", "$100M signing bonuses", [("$100M", 1e8, "USD", "money", "exact")]),
    ("en", "packages of up to $300 million over four years",
     [("$300 million", 3e8, "USD", "money", "at_most"), ("four years", 4, "year", "duration", "exact")]),
    ("en", "about 80 hours a week", [("80 hours", 80, "hour", "duration", "approx")]),
    ("en", "eleven researchers", [("eleven", 11, "count", "count", "exact")]),
    ("en", "a fee of €85 million", [("€85 million", 85e6, "EUR", "money", "exact")]),
    ("en", "costs rose to $4.2bn", [("$4.2bn", 4.2e9, "USD", "money", "exact")]),
    ("en", "more than 1,200 jobs", [("1,200", 1200, "count", "count", "at_least")]),
    ("en", "70 percent complete", [("70 percent", 70, "percent", "percent", "exact")]),
    ("en", "on Nov. 20, 2023", [("Nov. 20, 2023", 20231120, "date", "date", "exact")]),
    ("en", "the contract runs until June 2027", [("June 2027", 202706, "year-month", "date", "exact")]),
    ("ar", "أطلقت في نوفمبر 2022", [("نوفمبر 2022", 202211, "year-month", "date", "exact")]),
    ("en", "The 24-year-old scored 31 goals", [("31", 31, "count", "count", "exact")]),
    # inputs that must yield nothing
    ("ar", "01 ** الموظفون الداخليون يستقيلون", []),
    ("ar", "نصح أحد القادة الموظفين", []),
    ("ar", "الطقس جميل اليوم", []),
    ("en", "GPT-4 was trained by the lab", []),
    ("en", "No figures here at all.", []),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_parse_quantities(lang, text, expected):
    got = [(q.text, q.value, q.unit, q.kind, q.bound) for q in parse_quantities(text, lang=lang)]
    assert [(t, pytest.approx(v), u, k, b) for t, v, u, k, b in expected] == got


@pytest.mark.parametrize("lang,text,expected", [c for c in CASES if c[2]])
def test_offsets_are_absolute(lang, text, expected):
    prefix = "x" * 17 + "\n"
    for q in parse_quantities(prefix + text, lang=lang):
        assert (prefix + text)[q.start:q.end] == q.text
    for q in parse_quantities(text, offset=100, lang=lang):
        assert text[q.start - 100:q.end - 100] == q.text


def test_language_is_guessed_when_not_given():
    assert [q.value for q in parse_quantities("وظفت الشركة 11 باحثا")] == [11]
    assert [q.value for q in parse_quantities("The company hired eleven people")] == [11]
