"""Threads and pickling: extraction releases the GIL and gives the same
results from many threads at once; what Dask ships between processes pickles."""
import concurrent.futures
import pickle
import threading
import time

import lede
from conftest import PROSE, article_page


def test_eight_threads_give_the_same_results_as_one(pages):
    extractor = lede.Extractor(output_format="json", with_markdown=True)
    expected = [extractor.extract(page) for page in pages]
    work = pages * 4
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(extractor.extract, work))
        articles = list(pool.map(lede.extract_article, work))
    assert results == expected * 4
    assert articles == [lede.extract_article(page) for page in pages] * 4


def test_the_gil_is_released_during_extraction():
    page = article_page("Long", PROSE * 15000)  # takes lede a few hundred ms
    started = time.perf_counter()
    lede.extract(page)
    alone = time.perf_counter() - started

    finished = threading.Event()
    worker = threading.Thread(target=lambda: (lede.extract(page), finished.set()))
    # This thread keeps running Python while the other extracts: with the GIL
    # held throughout, it would stall for the whole extraction (from start()
    # on, which hands the GIL to the new thread).
    longest_stall, last = 0.0, time.perf_counter()
    worker.start()
    while not finished.is_set():
        now = time.perf_counter()
        longest_stall, last = max(longest_stall, now - last), now
    worker.join()
    assert alone > 0.05
    assert longest_stall < alone / 2


def test_extractor_pickles_with_its_options(news_html):
    extractor = lede.Extractor(output_format="markdown", include_links=True, guess=True, favor_recall=True)
    copy = pickle.loads(pickle.dumps(extractor))
    assert isinstance(copy, lede.Extractor)
    assert copy.options == extractor.options
    assert copy.extract(news_html) == extractor.extract(news_html)


def test_results_and_errors_pickle(news_html, crawl):
    article = lede.extract_article(news_html)
    assert pickle.loads(pickle.dumps(article)) == article
    records = list(lede.extract_file(crawl / "crawl.warc.gz"))
    assert pickle.loads(pickle.dumps(records)) == records
    try:
        lede.extract(b"\x00" * 100)
    except lede.Error as error:
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is lede.Error and str(copy) == str(error)
