"""The shapes of lede's Python API: what a caller of extract, extract_article
and Extractor gets back, for str and bytes pages."""
import json

import lede
import pytest
from conftest import PROSE, article_page

ARTICLE_KEYS = ["title", "subtitle", "authors", "date", "date_modified", "sitename", "description", "language",
                "url", "image", "tags", "categories", "license", "page_type", "sources", "text"]


def test_extract_gives_title_then_body_text(news_html):
    text = lede.extract(news_html)
    assert isinstance(text, str)
    title, body = text.split("\n\n", 1)
    assert title == "City council approves new tram line after decade of delays"
    assert "voted 31 to 14" in body
    assert "Subscribe" not in text and "Cookie" not in text


def test_each_output_format(news_html):
    assert lede.extract(news_html, output_format="markdown").startswith("# City council approves")
    html = lede.extract(news_html, output_format="html")
    assert html.startswith("<!DOCTYPE html>") and "<h1>City council approves" in html
    record = json.loads(lede.extract(news_html, output_format="json"))
    assert record["authors"] == ["Anna Novak", "Peter Grant"]
    header = lede.extract(news_html, with_metadata=True)
    assert header.startswith("---\ntitle: City council approves")
    assert "authors: Anna Novak; Peter Grant\n" in header


def test_json_output_with_metadata_is_accepted_as_trafilatura_callers_write_it(news_html):
    assert lede.extract(news_html, output_format="json", with_metadata=True) == \
        lede.extract(news_html, output_format="json")


def test_no_article_gives_none():
    assert lede.extract("<html><head><title>Empty</title></head><body></body></html>") is None
    assert lede.extract(b"") is None


def test_extract_article_has_the_json_members(news_html):
    article = lede.extract_article(news_html, url="https://courier.example/x")
    assert list(article) == ARTICLE_KEYS
    assert article["date"] == "2024-06-04T17:30:00+02:00"
    assert article["sources"]["authors"] == "json-ld"
    assert article["image"] is None and article["tags"] == []
    assert article == json.loads(lede.extract(news_html, url="https://courier.example/x", output_format="json"))


def test_optional_members_appear_when_asked(news_html):
    article = lede.extract_article(news_html, with_markdown=True)
    assert "voted 31 to 14" in article["markdown"]
    assert "html" not in article and "comments" not in lede.extract_article(news_html)


def test_url_resolves_links_and_falls_back_as_canonical():
    page = article_page("Links", PROSE[:2] + ["See <a href='/more'>the full report</a> for details of the plan."])
    markdown = lede.extract(page, "https://news.example/2024/story", output_format="markdown", include_links=True)
    assert "[the full report](https://news.example/more)" in markdown


def test_str_and_utf8_bytes_give_the_same_article(pages):
    for page in pages[:4]:
        assert lede.extract_article(page.decode("utf-8")) == lede.extract_article(page)


def test_bytes_are_decoded_by_sniffing_and_str_is_taken_as_text():
    page = article_page("Caf\u00e9 prices", [p + " \u00a0Cr\u00e8me br\u00fbl\u00e9e." for p in PROSE],
                        extra_head="<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>")
    page = page.replace("<meta charset='utf-8'>", "")
    from_bytes = lede.extract_article(page.encode("windows-1252"))
    from_text = lede.extract_article(page)
    assert from_bytes["title"] == from_text["title"] == "Caf\u00e9 prices"
    assert "Cr\u00e8me br\u00fbl\u00e9e" in from_bytes["text"] and from_bytes["text"] == from_text["text"]


def test_charset_hint_applies_to_bytes():
    page = article_page("Na\u00efve", PROSE).replace("<meta charset='utf-8'>", "").encode("iso-8859-1")
    assert lede.extract_article(page, charset="iso-8859-1")["title"] == "Na\u00efve"


def test_bytes_like_objects_are_pages(news_html):
    expected = lede.extract(news_html)
    assert lede.extract(bytearray(news_html)) == expected
    assert lede.extract(memoryview(news_html)) == expected


def test_extractor_keeps_its_options(news_html):
    extractor = lede.Extractor(output_format="markdown", favor_precision=True)
    assert extractor.options["output_format"] == "markdown" and extractor.options["favor_precision"]
    assert extractor.extract(news_html) == lede.extract(news_html, output_format="markdown", favor_precision=True)
    assert extractor.extract(news_html) == extractor.extract(news_html)
    assert "favor_precision=True" in repr(extractor)


def test_precision_and_recall_change_what_is_kept(pages):
    balanced = [lede.extract(p) or "" for p in pages]
    precise = [lede.extract(p, favor_precision=True) or "" for p in pages]
    recalled = [lede.extract(p, favor_recall=True) or "" for p in pages]
    assert sum(map(len, precise)) <= sum(map(len, balanced)) <= sum(map(len, recalled))


def test_version():
    assert lede.__version__.count(".") == 2


def test_clean_text_cuts_the_chrome_and_recovers_the_structure():
    text = ("Get breaking news alerts from The Daily Courier\n"
            "Alerts can be turned off in your browser settings.\n"
            "City council approves new tram line after decade of delays\n"
            "The 14 km line will link the harbour to the university by 2029\n"
            "Anna Novak,Peter Grant\n"
            "Tuesday 4 June 2024 17:30 CEST\n"
            "Journalism like ours depends on you\n"
            "From city hall to the courts, our reporters are there when it matters. Whether it is "
            "tracking council spending or covering the elections, we need readers like you to keep "
            "going.\n"
            "Every contribution, however small, keeps our newsroom independent.\n"
            "The city council voted 31 to 14 on Tuesday to approve the line, which has been "
            "debated for a decade. Construction begins next year.\n"
            "You have been signed in\n")
    cleaned = lede.clean_text(text)
    assert cleaned["title"] == "City council approves new tram line after decade of delays"
    assert cleaned["subtitle"] == "The 14 km line will link the harbour to the university by 2029"
    assert cleaned["authors"] == ["Anna Novak", "Peter Grant"]
    assert cleaned["date"] == "2024-06-04T17:30:00+02:00"
    assert cleaned["text"].startswith("The city council voted 31 to 14")
    assert "newsroom" not in cleaned["text"] and "signed in" not in cleaned["text"]
    assert "donation appeal" in {r["reason"] for r in cleaned["removed"]}
    with pytest.raises(TypeError):
        lede.clean_text(b"bytes")
