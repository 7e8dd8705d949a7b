"""Bad arguments and corrupted input: a Python exception with a clear
message, never a crash."""
import gzip
import os
import random

import pytest

import lede


def test_wrong_page_types_raise_type_error():
    for bad in (None, 3, 4.5, ["<p>x</p>"], {"html": "x"}):
        with pytest.raises(TypeError, match="html must be str or bytes"):
            lede.extract(bad)
    with pytest.raises(TypeError):
        lede.extract("<p>x</p>", url=5)


def test_bad_options_raise_value_error():
    with pytest.raises(ValueError, match="output_format must be 'txt', 'markdown', 'html' or 'json', not 'xml'"):
        lede.extract("<p>x</p>", output_format="xml")
    with pytest.raises(ValueError, match="exclude each other"):
        lede.Extractor(favor_precision=True, favor_recall=True)
    with pytest.raises(TypeError):
        lede.extract("<p>x</p>", fast=True)


def test_binary_input_raises_lede_error():
    with pytest.raises(lede.Error, match="binary content"):
        lede.extract(gzip.compress(b"<html><body><p>zipped</p></body></html>" * 50))
    assert issubclass(lede.Error, ValueError)


def test_unencodable_str_raises_unicode_error():
    with pytest.raises(UnicodeEncodeError):
        lede.extract("<p>lone surrogate \ud800</p>")


def test_random_bytes_never_crash():
    rng = random.Random(7)
    for size in (1, 10, 100, 1000, 10000) * 8:
        data = rng.randbytes(size)
        try:
            result = lede.extract(data)
        except lede.Error:
            continue
        assert result is None or isinstance(result, str)


def test_truncated_and_mangled_pages_still_extract(news_html):
    assert isinstance(lede.extract(news_html[: len(news_html) // 2]), str)
    mangled = news_html.replace(b">", b"<", 40).replace(b"</p>", b"")
    assert lede.extract(mangled) is None or isinstance(lede.extract(mangled), str)


def test_deep_nesting_is_not_a_crash():
    page = "<html><body>" + "<div>" * 100_000 + "<p>" + "deep words " * 60 + "</p></body></html>"
    assert "deep words" in lede.extract(page)


def test_unreadable_files_are_reported(tmp_path):
    missing = tmp_path / "missing.warc"
    with pytest.raises(lede.Error, match="missing.warc"):
        lede.read_warc(missing)
    (records,) = [list(lede.extract_file(missing))]
    assert len(records) == 1 and "missing.warc" in records[0]["error"]
    corrupt = tmp_path / "corrupt.html.gz"
    corrupt.write_bytes(gzip.compress(b"<html>" + os.urandom(5000))[:200])
    (record,) = list(lede.extract_file(corrupt))
    assert record["id"] == "corrupt" and record["error"]


def test_garbage_in_a_warc_is_a_record_with_an_error(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\ntruncated")
    records = list(lede.read_warc(path))
    assert records and all(r["error"] for r in records)
    (record,) = list(lede.extract_file(path))
    assert "error" in record


def test_bad_batch_options():
    with pytest.raises(ValueError, match="max_record_size must be positive"):
        lede.read_warc(os.devnull, max_record_size=0)
    with pytest.raises(TypeError, match="either an extractor or extraction options"):
        lede.extract_file(os.devnull, extractor=lede.Extractor(), guess=True)
