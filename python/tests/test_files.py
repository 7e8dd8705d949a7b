"""Files of pages: extract_file gives the records of `lede extract --jsonl`,
read_warc the records of a WARC file."""
import json
import subprocess

import lede
from conftest import http_response, warc_record


def cli_records(cli, paths, *flags):
    run = subprocess.run([cli, "extract", "--jsonl", "-q", "-j", "2", *flags, *map(str, paths)],
                         capture_output=True, check=False)
    assert run.returncode in (0, 1), run.stderr
    return [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]


def test_warc_records_carry_provenance_and_the_article(crawl):
    records = list(lede.extract_file(crawl / "crawl.warc.gz"))
    # Eight responses and one resource; the 404, the image and the rest skipped.
    assert len(records) == 9
    first = records[0]
    assert list(first)[:8] == ["id", "source", "offset", "url", "warc_record_id", "warc_date", "http_status",
                               "content_type"]
    assert first["url"] == "https://example.org/a/0" and first["http_status"] == 200
    assert "canonical_url" in first and first["title"].startswith("City council")
    assert [r["offset"] for r in records] == sorted(r["offset"] for r in records)


def test_all_records_adds_the_skipped_ones(crawl):
    records = list(lede.extract_file(crawl / "crawl.warc.gz", all_records=True))
    skipped = [r["skipped"] for r in records if "skipped" in r]
    assert any(s.startswith("HTTP status not 200") for s in skipped)
    assert any(s.startswith("not HTML (image/png)") for s in skipped)
    assert any(s.startswith("not a response or resource record (request)") for s in skipped)


def test_jsonl_records_and_a_bad_line(crawl):
    records = list(lede.extract_file(crawl / "pages.jsonl"))
    assert [r.get("line") for r in records] == [1, 2, 3, 4, 5, 6]
    assert records[0]["id"] == "doc-0" and records[0]["url"] == "https://example.com/0"
    assert "error" in records[2] and "text" not in records[2]


def test_html_file_record(crawl):
    (record,) = list(lede.extract_file(crawl / "news.html.gz"))
    assert record["id"] == "news" and record["source"].endswith("news.html.gz")
    assert record["title"].startswith("City council")


def test_records_match_the_command_line(crawl, cli):
    files = lede.expand_inputs(crawl)
    assert len(files) == 4
    ours = [r for f in files for r in lede.extract_file(f, with_markdown=True)]
    assert ours == cli_records(cli, files, "--with-markdown")


def test_stopping_early_is_clean(crawl):
    stream = lede.extract_file(crawl / "crawl.warc.gz")
    assert next(stream)["http_status"] == 200
    stream.close()
    assert list(stream) == []
    del stream  # the reader thread ends
    with lede.extract_file(crawl / "crawl.warc.gz") as records:
        assert next(records)["http_status"] == 200
    assert list(records) == []


def test_read_warc_gives_every_record(crawl, pages):
    records = list(lede.read_warc(crawl / "crawl.warc.gz"))
    assert [r["type"] for r in records[:3]] == ["warcinfo", "request", "response"]
    assert len(records) == 1 + 2 * 8 + 3
    response = records[2]
    assert response["http_status"] == 200 and response["http_content_type"] == "text/html"
    assert response["charset"] == "utf-8" and response["url"] == "https://example.org/a/0"
    assert response["payload"] == pages[0]
    assert records[0]["payload"] == b"software: lede-tests\r\n" and records[0]["http_status"] is None
    assert all(r["error"] is None for r in records)


def test_read_warc_goes_on_after_a_malformed_stretch(tmp_path, pages):
    def response(uri, page):
        return warc_record("response", uri, "application/http; msgtype=response",
                           http_response(200, "text/html", page), compress=False)
    good = response("https://example.org/1", pages[1])
    path = tmp_path / "mixed.warc"
    path.write_bytes(good + b"this is not a WARC record\r\n\r\n" + response("https://example.org/2", pages[2]))
    records = list(lede.read_warc(path))
    assert [r["url"] for r in records] == ["https://example.org/1", None, "https://example.org/2"]
    assert records[1]["error"] and records[1]["payload"] is None and records[1]["offset"] == len(good)
    assert records[2]["payload"] == pages[2] and records[2]["error"] is None
