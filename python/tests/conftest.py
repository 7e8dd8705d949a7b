"""Fixtures for the tests of the Python package: pages, a small crawl of
HTML, WARC and JSONL files, and the lede command line of the same build.

Run from the repository with the package of a build tree first on the path:
    PYTHONPATH=build/python /usr/bin/python3 -m pytest python/tests
"""
import glob
import gzip
import json
import os
import pathlib
import uuid

import pytest

import lede

REPO = pathlib.Path(__file__).resolve().parents[2]
EVAL_PAGES = REPO.parent / "shared" / "eval" / "data" / "wcxb-dev" / "html"

# Dask's worker processes import lede too: they must find this same build.
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(pathlib.Path(lede.__file__).resolve().parents[1])] +
    [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])


def article_page(title, paragraphs, extra_head=""):
    body = "".join("<p>%s</p>\n" % p for p in paragraphs)
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>%s | Example News</title>%s</head>"
            "<body><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
            "<article><h1>%s</h1>%s</article><footer>Copyright Example News</footer></body></html>"
            % (title, extra_head, title, body))


PROSE = [
    "The committee met on Thursday to review the proposal, which had been debated for more than a year "
    "before it reached the floor of the assembly in its current form.",
    "Supporters argued that the change would reduce costs for residents, while critics said the figures "
    "had not been checked by anyone outside the department that drafted them.",
    "A final vote is expected next month, after a period of public consultation during which anyone may "
    "submit written comments to the clerk's office.",
]


@pytest.fixture(scope="session")
def news_html():
    return (REPO / "examples" / "news.html").read_bytes()


@pytest.fixture(scope="session")
def pages(news_html):
    """Varied pages as bytes: the example, synthetic ones and, when the
    evaluation data lies beside the repository, a sample of real pages."""
    found = [news_html] + [article_page("Story %d" % i, PROSE[i % 3:] + PROSE[:i % 3]).encode() for i in range(3)]
    for path in sorted(glob.glob(str(EVAL_PAGES / "*.html.gz")))[:40]:
        with gzip.open(path, "rb") as f:
            found.append(f.read())
    return found


@pytest.fixture(scope="session")
def cli():
    """The command line built beside this package (build/lede), or $LEDE_CLI."""
    path = os.environ.get("LEDE_CLI") or str(pathlib.Path(lede.__file__).resolve().parents[2] / "lede")
    if not os.access(path, os.X_OK):
        pytest.skip("no lede command line at %s (set LEDE_CLI)" % path)
    return path


def warc_record(kind, uri, content_type, block, compress=True):
    """A WARC record, gzipped on its own as Common Crawl writes them."""
    head = ["WARC/1.0", "WARC-Type: " + kind]
    if uri:
        head.append("WARC-Target-URI: " + uri)
    head += ["WARC-Date: 2024-05-01T12:00:00Z", "WARC-Record-ID: <urn:uuid:%s>" % uuid.uuid4(),
             "Content-Type: " + content_type, "Content-Length: %d" % len(block)]
    record = ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
    return gzip.compress(record) if compress else record


def http_response(status, content_type, body):
    return ("HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (status, content_type, len(body))).encode() + body


@pytest.fixture(scope="session")
def crawl(tmp_path_factory, pages):
    """A small crawl: two HTML files, a WARC file (gzip per record) with
    pages and records that are skipped, and a JSONL file with a bad line."""
    folder = tmp_path_factory.mktemp("crawl")
    (folder / "story.html").write_bytes(pages[1])
    (folder / "news.html.gz").write_bytes(gzip.compress(pages[0]))
    records = [warc_record("warcinfo", "", "application/warc-fields", b"software: lede-tests\r\n")]
    for number, page in enumerate(pages[:8]):
        uri = "https://example.org/a/%d" % number
        records.append(warc_record("request", uri, "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n"))
        records.append(warc_record("response", uri, "application/http; msgtype=response",
                                   http_response(200, "text/html; charset=utf-8", page)))
    records.append(warc_record("response", "https://example.org/missing", "application/http; msgtype=response",
                               http_response(404, "text/html", b"<html><body>Not found</body></html>")))
    records.append(warc_record("response", "https://example.org/logo.png", "application/http; msgtype=response",
                               http_response(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))))
    records.append(warc_record("resource", "https://example.org/stored", "text/html", pages[2]))
    (folder / "crawl.warc.gz").write_bytes(b"".join(records))
    lines = [json.dumps({"id": "doc-%d" % i, "url": "https://example.com/%d" % i, "html": page.decode("utf-8", "replace")})
             for i, page in enumerate(pages[:5])]
    lines.insert(2, '{"id": "broken", "html": ')
    (folder / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
