#!/usr/bin/python3
"""Writes a WARC file from the evaluation pages, as Common Crawl lays one out:
a warcinfo record, then per page a request, a response (HTTP headers + the
page) and a metadata record; the pages are reused, under new URLs, until the
file reaches --target-mb (compressed size).

  bench/make_warc.py --out /tmp/NAME/crawl.warc.gz            # ~100 MB, gzip per record
  bench/make_warc.py --out x.warc --compression none --target-mb 5
  bench/make_warc.py --out x.warc.gz --compression gzip-whole --records 20 --max-page-bytes 4000

For bench_warc and the fuzzer's seeds; it never reads truth.jsonl.
"""
import argparse
import glob
import gzip
import os
import sys
import uuid
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PAGES = os.path.join(HERE, "..", "..", "shared", "eval", "data", "wcxb-dev", "html")


def record(kind, uri, content_type, block, date="2024-05-01T12:00:00Z"):
    head = ["WARC/1.0", "WARC-Type: " + kind]
    if uri:
        head.append("WARC-Target-URI: " + uri)
    head += [
        "WARC-Date: " + date,
        "WARC-Record-ID: <urn:uuid:%s>" % uuid.uuid4(),
        "Content-Type: " + content_type,
        "Content-Length: %d" % len(block),
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def page_records(number, html):
    uri = "https://site%d.example.org/article/%d" % (number % 97, number)
    request = ("GET /article/%d HTTP/1.1\r\nHost: site%d.example.org\r\n"
               "User-Agent: lede-bench\r\nAccept: text/html\r\n\r\n" % (number, number % 97)).encode()
    response = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                "Content-Length: %d\r\nServer: bench\r\n\r\n" % len(html)).encode() + html
    metadata = ("fetchTimeMs: %d\r\ncharset-detected: UTF-8\r\n" % (100 + number % 900)).encode()
    return [
        record("request", uri, "application/http; msgtype=request", request),
        record("response", uri, "application/http; msgtype=response", response),
        record("metadata", uri, "application/warc-fields", metadata),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--pages", default=DEFAULT_PAGES, help="folder of *.html.gz pages")
    parser.add_argument("--compression", choices=["gzip", "gzip-whole", "none"], default="gzip")
    parser.add_argument("--target-mb", type=float, default=100.0, help="stop past this size")
    parser.add_argument("--records", type=int, default=0, help="stop after this many pages (0: no limit)")
    parser.add_argument("--max-page-bytes", type=int, default=0, help="cut pages to this size")
    args = parser.parse_args()

    paths = sorted(glob.glob(os.path.join(args.pages, "*.html.gz")))
    if not paths:
        sys.exit("no pages in " + args.pages)
    target = int(args.target_mb * (1 << 20))
    # gzip-whole: one member for the whole file (wbits 31: a gzip wrapper).
    whole = zlib.compressobj(6, zlib.DEFLATED, 31) if args.compression == "gzip-whole" else None
    written = pages = 0
    with open(args.out, "wb") as out:

        def write(data):
            nonlocal written
            if whole:
                data = whole.compress(data)
            elif args.compression == "gzip":
                data = gzip.compress(data, compresslevel=6, mtime=0)
            out.write(data)
            written += len(data)

        write(record("warcinfo", "", "application/warc-fields",
                     b"software: lede bench/make_warc.py\r\nformat: WARC File Format 1.0\r\n"))
        while written < target and (args.records == 0 or pages < args.records):
            with gzip.open(paths[pages % len(paths)], "rb") as page:
                html = page.read()
            if args.max_page_bytes:
                html = html[: args.max_page_bytes]
            for data in page_records(pages, html):
                write(data)
            pages += 1
        if whole:
            out.write(whole.flush())
    print("%s: %d pages, %d records, %.1f MB" % (args.out, pages, 1 + 3 * pages,
                                                os.path.getsize(args.out) / (1 << 20)))


if __name__ == "__main__":
    main()
