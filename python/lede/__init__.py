"""lede: the main article of web pages, as text, Markdown, HTML or JSON.

    import lede
    text = lede.extract(html)                      # str, or None without an article
    article = lede.extract_article(html, url=url)  # dict: title, authors, date, text, ...
    for record in lede.extract_file("crawl.warc.gz"):
        ...                                        # a dict per page, as `lede extract --jsonl`

`extract` takes trafilatura's arguments of the same names, so switching is a
one-line change. Pages may be `str` or `bytes` (bytes in any encoding: lede
sniffs it as a browser does). Extraction runs without the GIL, so threads
scale; `Extractor` keeps options for many pages and pickles. `lede.dask`
runs the same over many files on a Dask cluster.
"""
import json
import os

from lede._lede import Error, Extractor, RecordStream, WarcStream, __version__
from lede._lede import clean_json as _clean_json
from lede._lede import expand_inputs as _expand_inputs

__all__ = ["Error", "Extractor", "extract", "extract_article", "extract_file", "read_warc",
           "clean_text", "expand_inputs", "__version__"]

_DEFAULT_MAX_RECORD_SIZE = 20 << 20


def extract(html, url=None, *, output_format="txt", with_metadata=False, include_comments=False,
            favor_precision=False, favor_recall=False, include_links=False, guess=False,
            with_markdown=False, charset=None):
    """The article of one page as a document, or None when it has no article text.

    html: the page, as str or bytes (any encoding; `charset`, e.g. from an
    HTTP header, is a hint for bytes). url: its address, for metadata and links.
    output_format: "txt" (title, blank line, body), "markdown", "html" (a
    complete page) or "json" (every field; see extract_article).
    with_metadata: a "---" header of the metadata fields before txt and
    markdown (json always has them). include_comments: also reader comments.
    favor_precision / favor_recall: lean toward cutting / keeping borderline
    blocks. include_links: link targets in markdown and html. guess: also
    dates and bylines from the running text. with_markdown: json also carries
    "markdown".

    Raises TypeError when html is neither str nor bytes, lede.Error (a
    ValueError) when it is not a page at all (binary data).
    """
    extractor = Extractor(output_format=output_format, with_metadata=with_metadata,
                          include_comments=include_comments, favor_precision=favor_precision,
                          favor_recall=favor_recall, include_links=include_links, guess=guess,
                          with_markdown=with_markdown)
    return extractor.extract(html, url, charset=charset)


def extract_article(html, url=None, *, include_comments=False, favor_precision=False,
                    favor_recall=False, include_links=False, guess=False, with_markdown=False,
                    charset=None):
    """The article of one page as a dict with the members of lede's JSON output.

    title, subtitle, authors (list), date, date_modified, sitename,
    description, language, url (canonical), image, tags, categories,
    license, page_type, sources ({field: where its value came from}), text;
    markdown when with_markdown, comments when include_comments and the page
    has some. A field the page gives no reliable value for is None (or []).
    Arguments and errors as for extract.
    """
    extractor = Extractor(include_comments=include_comments, favor_precision=favor_precision,
                          favor_recall=favor_recall, include_links=include_links, guess=guess,
                          with_markdown=with_markdown)
    return extractor.extract_article(html, url, charset=charset)


def clean_text(text, url=None):
    """Text someone else extracted, without its chrome, as `lede clean --json` gives it.

    A dict: title, subtitle, authors (list), date (ISO 8601), text (the body,
    a paragraph per line) and removed (the lines cut: {line, reason, text}).
    url: the document's address. Raises TypeError when text is not a str.
    """
    if not isinstance(text, str):
        raise TypeError("clean_text() takes text as str, not %s" % type(text).__name__)
    return json.loads(_clean_json(text, url or ""))


def extract_file(path, *, all_records=False, html_field="html", url_field="url", id_field="id",
                 max_record_size=_DEFAULT_MAX_RECORD_SIZE, extractor=None, **options):
    """Every page of one file, as `lede extract --jsonl FILE` gives them.

    The file is an HTML page, a WARC file (its HTML responses and resource
    records) or a JSONL file (a page per line, in the member `html_field`),
    plain, gzip or zstd, recognised by content. Yields a dict per record, in
    input order: where it came from (id, source, offset or line, url,
    warc_record_id, warc_date, http_status, content_type), then the article's
    fields as in extract_article (the canonical URL as canonical_url when the
    record has its own url); a record that failed has "error" instead, a
    skipped one (with all_records) "skipped". Records over max_record_size
    bytes are skipped. Options are Extractor's, or pass an `extractor`.

    A file that cannot be read gives one record with "error"; iteration
    itself raises nothing for bad input. The file is read and extracted
    ahead on a thread of its own; to stop early, use the iterator in a
    `with` statement or call its close().
    """
    if extractor is None:
        extractor = Extractor(**options)
    elif options:
        raise TypeError("extract_file takes either an extractor or extraction options, not both")
    return extractor.extract_file(os.fspath(path), all_records=all_records, html_field=html_field,
                                  url_field=url_field, id_field=id_field, max_record_size=max_record_size)


def read_warc(path, *, max_record_size=_DEFAULT_MAX_RECORD_SIZE):
    """Every record of a WARC file (plain, gzip or zstd), as dicts.

    Members: type ("response", "request", "resource", "warcinfo", ...), url
    (WARC-Target-URI), record_id, date, content_type, offset (where the
    record starts in the file, compressed), length (of its block); for a
    response with an HTTP message: http_status, http_content_type, charset
    and payload, the body de-chunked and decoded (gzip, deflate, br);
    for other records payload is the block. error is None, or says what is
    wrong: a malformed stretch of the file (then reading goes on after it,
    and only offset is known), a record over max_record_size bytes (headers
    only, no payload), an HTTP message that cannot be parsed (payload is the
    raw block). Raises lede.Error when the file cannot be opened.
    """
    return WarcStream(os.fspath(path), max_record_size)


def expand_inputs(paths):
    """Files as the command line expands its inputs: folders become their
    *.html, *.htm, *.warc, *.jsonl files (also .gz, .zst; recursively,
    sorted), glob patterns their matches; other paths stay as given."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    return _expand_inputs([os.fsdecode(p) for p in paths])
