"""claims.documents: reading inputs, bad input, offsets, language, and skips on the real seeds."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from claims.documents import detect_language, document_from_text, mark_skips, read_documents
from claims.types import InputError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "docs"
SEEDS = ROOT / "seeds"


def one(path) -> object:
    docs = read_documents([path])
    assert len(docs) == 1
    return docs[0]


def skipped_text(doc, reason=None) -> list[str]:
    return [doc.text[s.start:s.end] for s in doc.skips if reason in (None, s.reason)]


def check_skips_in_bounds(doc) -> None:
    last = 0
    for s in doc.skips:
        assert 0 <= s.start < s.end <= len(doc.text), s
        assert s.start >= last, "skips are sorted and do not overlap"
        assert s.reason in ("duplicate", "boilerplate")
        last = s.end


# --------------------------------------------------------------------------- formats


def test_txt_is_kept_exactly_as_read_with_title_and_language():
    doc = one(FIXTURES / "en.txt")
    assert doc.id == "en.txt"
    assert doc.path == str(FIXTURES / "en.txt")
    assert doc.text == (FIXTURES / "en.txt").read_bytes().decode("utf-8")
    assert doc.title == "Board denies report on chip venture"
    assert doc.lang == "en"
    assert skipped_text(doc, "boilerplate") == [
        "Read also: Five things to know about the board",
        "Share\n© 2024 Example News. All rights reserved.",
    ]
    # near-exact repeat (a dash for a comma, "!" for "."): the second copy only
    assert skipped_text(doc, "duplicate") == [
        "The company said on Tuesday that it had not approved the new chip venture — contradicting an earlier report!"
    ]
    first = doc.text.index("The company said")
    assert not doc.is_skipped(first, doc.text.index("\n", first))


def test_md_title_drops_leading_hashes_and_arabic_read_also_is_boilerplate():
    doc = one(FIXTURES / "ar.md")
    assert doc.text == (FIXTURES / "ar.md").read_text(encoding="utf-8")
    assert doc.title == "الشركة تنفي تقريرا عن مشروع الرقائق"
    assert doc.lang == "ar"
    assert skipped_text(doc) == ["اقرأ أيضاً: خمسة أشياء عن مجلس الإدارة"]


def test_html_gives_visible_text_only_one_line_per_block():
    doc = one(FIXTURES / "page.html")
    assert doc.id == "page.html"
    assert doc.title == "Board denies report"
    assert doc.lang == "en"
    for hidden in ("script", "color: red", "Hidden teaser", "<p>", "var "):
        assert hidden not in doc.text
    lines = doc.text.split("\n")
    assert "Board denies report" in lines  # whitespace inside a block collapsed
    assert "The company said on Tuesday that it had not approved the venture." in lines
    assert "A spokesperson declined to comment." in lines  # <br> is a line break
    # nav and footer are visible, so kept, but marked as furniture
    assert skipped_text(doc, "boilerplate") == ["Home Technology About us and our team",
                                                "Contact the newsroom for corrections"]
    check_skips_in_bounds(doc)


def test_jsonl_records_with_optional_fields_and_lang_override():
    docs = read_documents([FIXTURES / "records.jsonl"])
    assert [d.id for d in docs] == ["a1", "a2"]
    a1, a2 = docs
    assert a1.text == "The minister said the budget would rise by 5 percent next year."
    assert (a1.title, a1.source, a1.date, a1.url) == ("Budget", "Example Wire", "2024-03-01", "https://example.org/a1")
    assert a1.lang == "en"
    assert a2.lang == "ar" and a2.title is None
    assert a1.path == a2.path == str(FIXTURES / "records.jsonl")


def test_jsonl_lang_field_overrides_detection(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"id": "x", "text": "Plainly English words here.", "lang": "fr"}) + "\n", encoding="utf-8")
    assert one(f).lang == "fr"


def test_jsonl_text_with_unicode_line_separator_is_one_record(tmp_path):
    f = tmp_path / "x.jsonl"
    text = "First paragraph.\u2028Second paragraph."
    f.write_text(json.dumps({"id": "x", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert one(f).text == text


def test_stdin_is_read_as_jsonl(monkeypatch):
    lines = [json.dumps({"id": "s1", "text": "Hello from standard input, said the reporter."}),
             json.dumps({"id": "s2", "text": "قال المتحدث إن الاجتماع انتهى."}, ensure_ascii=False)]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    docs = read_documents(["-"])
    assert [(d.id, d.lang, d.path) for d in docs] == [("s1", "en", "-"), ("s2", "ar", "-")]


def test_folder_is_read_recursively_sorted_skipping_hidden_and_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed article text here.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# A\n\nAn article.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Cee article.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("inside a hidden folder\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    docs = read_documents([tmp_path])
    assert [d.id for d in docs] == ["a.md", "b/z.txt", "c.txt"]  # a.md < b/ < c.txt; ids relative to the folder
    assert docs[1].path == str(tmp_path / "b" / "z.txt")


def test_inputs_keep_their_order_and_mix_formats():
    docs = read_documents([FIXTURES / "records.jsonl", FIXTURES / "en.txt"])
    assert [d.id for d in docs] == ["a1", "a2", "en.txt"]


def test_bom_is_dropped_and_crlf_kept(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes("\ufeffTitle line\r\nBody text of the article.\r\n".encode("utf-8"))
    doc = one(f)
    assert doc.text == "Title line\r\nBody text of the article.\r\n"
    assert doc.title == "Title line"


def test_progress_bar_goes_to_stderr_only_when_asked(capsys):
    read_documents([FIXTURES], progress=False)
    assert capsys.readouterr().err == ""
    read_documents([FIXTURES], progress=True)
    out = capsys.readouterr()
    assert "reading" in out.err and out.out == ""


# --------------------------------------------------------------------------- bad input


def _write(tmp_path, name, data: bytes | str) -> Path:
    f = tmp_path / name
    if isinstance(data, str):
        f.write_text(data, encoding="utf-8")
    else:
        f.write_bytes(data)
    return f


@pytest.mark.parametrize(
    ("name", "data", "problem", "line"),
    [
        ("empty.txt", "", "empty file", None),
        ("blank.md", "  \n\t\n", "empty file", None),
        ("blank.jsonl", "\n\n", "empty file", None),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", None),
        ("latin1.txt", "café au lait".encode("latin-1"), "not UTF-8", None),
        ("bad.jsonl", '{"id": "a", "text": "ok"}\n{"id": "b", "text": \n', "malformed JSON", 2),
        ("list.jsonl", '["id", "text"]\n', "JSON object", 1),
        ("noid.jsonl", '{"id": "a", "text": "ok"}\n\n{"text": "no id"}\n', "no 'id'", 3),
        ("notext.jsonl", '{"id": "a"}\n', "no 'text'", 1),
        ("numtext.jsonl", '{"id": "a", "text": 42}\n', "'text' must be a string", 1),
        ("emptytext.jsonl", '{"id": "a", "text": "  "}\n', "'text' is empty", 1),
        ("baddate.jsonl", '{"id": "a", "text": "ok", "date": 2024}\n', "'date' must be a string", 1),
        ("dupe.jsonl", '{"id": "a", "text": "one"}\n{"id": "a", "text": "two"}\n', "duplicate document id 'a'", 2),
        ("empty.html", "<html><head><title>T</title><script>x()</script></head><body> </body></html>",
         "no visible text", None),
        ("page.pdf", b"%PDF-1.4", "unsupported file type", None),
    ],
)
def test_bad_input_raises_input_error_naming_the_file(tmp_path, name, data, problem, line):
    f = _write(tmp_path, name, data)
    with pytest.raises(InputError) as e:
        read_documents([f])
    assert e.value.path.startswith(str(f))
    assert problem in e.value.problem
    assert e.value.line == line
    assert str(e.value).startswith(f"{f}")
    assert "\n" not in str(e.value)


def test_duplicate_file_names_in_different_folders(tmp_path):
    # issue 14: ids are paths relative to the folder argument, so the same name in two sub-folders is fine
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(f"Article from {sub}.\n", encoding="utf-8")
    assert [d.id for d in read_documents([tmp_path])] == ["x/same.txt", "y/same.txt"]
    (tmp_path / "same.txt").write_text("Article at the top.\n", encoding="utf-8")
    with pytest.raises(InputError) as e:  # a file given twice (as itself and inside its folder) is still one id twice
        read_documents([tmp_path / "x" / "same.txt", tmp_path / "same.txt"])
    assert "duplicate document id 'same.txt'" in e.value.problem


def test_same_file_twice_is_a_duplicate_id():
    with pytest.raises(InputError, match="duplicate document id 'en.txt'"):
        read_documents([FIXTURES / "en.txt", FIXTURES / "en.txt"])


def test_missing_path(tmp_path):
    with pytest.raises(InputError) as e:
        read_documents([tmp_path / "nope.txt"])
    assert str(e.value) == f"{tmp_path / 'nope.txt'}: no such file or folder"


@pytest.mark.parametrize("contents", [{}, {"notes.csv": "a,b\n", ".hidden.txt": "hidden text\n"}])
def test_folder_without_documents(tmp_path, contents):
    for name, text in contents.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_documents([tmp_path])
    assert e.value.path == str(tmp_path)
    assert "no documents" in e.value.problem


def test_bad_stdin_line_is_named(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "a", "text": "fine"}\nnot json\n'))
    with pytest.raises(InputError) as e:
        read_documents(["-"])
    assert (e.value.path, e.value.line) == ("<stdin>", 2)


def test_empty_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(InputError, match="<stdin>: empty input"):
        read_documents(["-"])


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("قال الرئيس التنفيذي للشركة إن المفاوضات ما زالت جارية مع المستثمرين.", "ar"),
        ("انضم سام ألتمان إلى Microsoft بعد أن أقاله مجلس إدارة OpenAI.", "ar"),
        ("The chief executive said negotiations with investors were still going on.", "en"),
        ("2024-11-20 12:00 — 100 %", "und"),
        ("", "und"),
        ("   \n", "und"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_document_from_text_keeps_given_lang_and_merges_given_skips():
    from claims.types import Skip

    text = "Menu\nThe minister said the budget would rise.\nThe minister said the budget would rise.\n"
    doc = document_from_text("d", text, lang="xx", skips=[Skip(0, 4, "boilerplate")])
    assert doc.lang == "xx" and doc.text == text
    assert [(s.reason, text[s.start:s.end]) for s in doc.skips] == [
        ("boilerplate", "Menu"), ("duplicate", "The minister said the budget would rise.")]


def test_mark_skips_folds_case_diacritics_and_punctuation_but_not_words():
    text = ("قال الوزيرُ إنّ الخطة جاهزة.\n"
            "قال الوزير إن الخطة جاهزة\n"          # same words, diacritics and full stop dropped
            "قال الوزير إن الخطة ليست جاهزة.\n")   # one word more: a different paragraph
    skips = mark_skips(text)
    assert [(s.reason, text[s.start:s.end]) for s in skips] == [("duplicate", "قال الوزير إن الخطة جاهزة")]


def test_a_real_sentence_starting_like_a_credit_line_is_kept():
    text = "Sources said the plan was ready.\nالمصدر أكد أن الخطة جاهزة.\nSource: Example Wire\n"
    assert [text[s.start:s.end] for s in mark_skips(text)] == ["Source: Example Wire"]


# --------------------------------------------------------------------------- the real seeds


@pytest.fixture(scope="module")
def seeds():
    return {d.id: d for d in read_documents([SEEDS])}


def test_seeds_are_read_unchanged_with_skips_in_bounds(seeds):
    assert sorted(seeds) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for doc in seeds.values():
        assert doc.text == (SEEDS / doc.id).read_bytes().decode("utf-8-sig")
        assert doc.lang == "ar"
        check_skips_in_bounds(doc)


def test_clean_seeds_have_no_skips(seeds):
    for name in ("000_978c112ab6d3815d.txt", "001_2a287f6f6595dccf.txt", "003_cc3b97634c642159.txt"):
        assert seeds[name].skips == (), name


def test_seed_002_comment_form_and_navigation_are_boilerplate(seeds):
    doc = seeds["002_ac22526983ea9195.txt"]
    tail = doc.text.index("اترك تعليقاً")
    assert doc.is_skipped(tail, len(doc.text.rstrip()))
    for junk in ("اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني", "زر الذهاب إلى الأعلى"):
        at = doc.text.index(junk)
        assert any(s.start <= at < s.end and s.reason == "boilerplate" for s in doc.skips), junk
    assert doc.title.startswith("سام ألتمان ينتقد Meta")  # the section name "تكنولوجيا" above it is furniture
    # every article paragraph is kept
    for start, end in _paragraphs(doc.text[:tail]):
        if doc.text[start:end] != "تكنولوجيا":
            assert not doc.is_skipped(start, end), doc.text[start:end][:40]


def test_seed_004_second_copy_is_duplicate_and_disclaimer_boilerplate(seeds):
    doc = seeds["004_0ab4f2eb18108c33.txt"]
    text = doc.text
    first_line = text[:text.index("\n")]
    second = text.index(first_line, 1)
    assert second > 0
    dup = [s for s in doc.skips if s.reason == "duplicate"]
    assert len(dup) == 1 and dup[0].start == second and dup[0].end == len(text.rstrip())
    disclaimer = text.index("قد تحتوي هذه الصفحة على محتوى من جهات خارجية")
    assert any(s.start <= disclaimer < s.end and s.reason == "boilerplate" for s in doc.skips)
    # the first copy of the article is not skipped at all
    end_first = text.index("شاهد النسخة الأصلية")
    assert all(s.start >= end_first for s in doc.skips)
    assert len(text[:end_first]) > 10000


def _paragraphs(text):
    at = 0
    for line in text.split("\n"):
        if line.strip():
            yield at + len(line) - len(line.lstrip()), at + len(line.rstrip())
        at += len(line) + 1


def test_seed_004_furniture_between_the_copies_is_skipped(seeds):
    doc = seeds["004_0ab4f2eb18108c33.txt"]
    for line in ("شاهد النسخة الأصلية", '"OpenAI لا شيء بدون موظفين"', "المصدر: قنبلة الفضاء السابقة"):
        at = doc.text.index(line + "\n")
        assert doc.is_skipped(at, at + len(line)), line


def test_sources_jsonl_has_one_record_per_seed(seeds):
    records = [json.loads(line) for line in (SEEDS / "sources.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == sorted(seeds)
    for r in records:
        doc = seeds[r["id"]]
        assert (ROOT / r["file"]).name == r["id"]
        assert r["lang"] == doc.lang
        assert r["title"] in doc.text
        for key in ("outlet", "date", "title_en"):
            assert isinstance(r[key], str) and r[key], (r["id"], key)


def test_sources_jsonl_in_a_folder_is_metadata_not_documents(tmp_path, seeds):
    (tmp_path / "a.txt").write_text("Some headline\n\nThe minister said the plan was ready.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Other headline\n\nThe minister said the plan was not ready.\n", encoding="utf-8")
    (tmp_path / "sources.jsonl").write_text(
        json.dumps({"id": "a.txt", "title": "Plan ready", "outlet": "Example Wire", "date": "2024-03-01"}) + "\n"
        + json.dumps({"id": "b.txt", "outlet": "unknown", "date": "unknown"}) + "\n"
        + json.dumps({"id": "gone.txt", "outlet": "Nobody"}) + "\n", encoding="utf-8")
    a, b = read_documents([tmp_path])
    assert (a.id, a.title, a.source, a.date) == ("a.txt", "Plan ready", "Example Wire", "2024-03-01")
    assert (b.id, b.title, b.source, b.date) == ("b.txt", "Other headline", None, None)
    assert seeds["004_0ab4f2eb18108c33.txt"].title == "OpenAI لا شيء بدون موظفين"


def test_bad_sources_jsonl_is_named(tmp_path):
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "sources.jsonl").write_text('{"id": "a.txt"}\n{"title": "no id"}\n', encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_documents([tmp_path])
    assert (e.value.path, e.value.line) == (str(tmp_path / "sources.jsonl"), 2)


def test_given_skips_win_where_they_overlap_found_ones():
    from claims.types import Skip

    text = "The minister said the plan was ready.\nAbout us\nThe minister said the plan was ready.\nMore news here.\n"
    nav = text.index("About us")
    doc = document_from_text("d", text, skips=[Skip(nav, len(text) - 1, "boilerplate")])
    check_skips_in_bounds(doc)
    assert [(s.reason, s.start, s.end) for s in doc.skips] == [("boilerplate", nav, len(text) - 1)]


def test_stdin_bytes_are_checked_like_files(monkeypatch):
    class Stdin(io.TextIOWrapper):
        pass

    monkeypatch.setattr("sys.stdin", Stdin(io.BytesIO("caf\xe9".encode("latin-1")), encoding="utf-8"))
    with pytest.raises(InputError, match="<stdin>: not UTF-8"):
        read_documents(["-"])
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(InputError, match="no standard input"):
        read_documents(["-"])
    with pytest.raises(InputError, match="more than once"):
        read_documents(["-", "-"])


def test_deeply_nested_html_is_read(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text("<html><body>" + "<div>" * 3000 + "The minister said the plan was ready." + "</div>" * 3000
                 + "</body></html>", encoding="utf-8")
    assert one(f).text == "The minister said the plan was ready."


def test_ids_are_paths_relative_to_the_folder_and_stay_unique(tmp_path):
    from claims.documents import read_documents

    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "SOURCES.md").write_text(f"Notes about {sub}: Altman said so.", encoding="utf-8")
    (tmp_path / "a" / "story").mkdir()
    (tmp_path / "a" / "story" / "x.txt").write_text("Chen said yes.", encoding="utf-8")
    (tmp_path / "b" / "y.txt").write_text("Bosworth said no.", encoding="utf-8")
    docs = read_documents([tmp_path / "a", tmp_path / "b"])
    assert [d.id for d in docs] == [f"{tmp_path}/a/SOURCES.md", "story/x.txt", f"{tmp_path}/b/SOURCES.md", "y.txt"]
    assert len({d.id for d in docs}) == len(docs)
    assert [d.id for d in read_documents([tmp_path])] == ["a/SOURCES.md", "a/story/x.txt", "b/SOURCES.md", "b/y.txt"]


def test_exclude_skips_only_what_is_asked(tmp_path):
    from claims.documents import read_documents

    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "SOURCES.md").write_text("List of sources.", encoding="utf-8")
    (tmp_path / "s" / "a.txt").write_text("Altman said so.", encoding="utf-8")
    (tmp_path / "README.md").write_text("About this folder.", encoding="utf-8")
    assert [d.id for d in read_documents([tmp_path])] == ["README.md", "s/SOURCES.md", "s/a.txt"]
    assert [d.id for d in read_documents([tmp_path], exclude=["SOURCES.md"])] == ["README.md", "s/a.txt"]
    assert [d.id for d in read_documents([tmp_path], exclude=["*.md"])] == ["s/a.txt"]
    assert [d.id for d in read_documents([tmp_path], exclude=["s/*"])] == ["README.md"]
