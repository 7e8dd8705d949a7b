"""lede.dask on a LocalCluster of two worker processes: the same records as
the command line on the same files."""
import json

import distributed
import pytest

import lede
import lede.dask
from test_files import cli_records


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


def test_bag_and_jsonl_files_match_the_command_line(client, crawl, cli, tmp_path):
    expected = cli_records(cli, lede.expand_inputs(crawl), "--with-markdown")
    bag = lede.dask.extract_bag(str(crawl), with_markdown=True)
    assert bag.npartitions == 4  # a partition per file
    assert bag.compute() == expected
    written = lede.dask.to_jsonl(bag, tmp_path / "out")
    assert [p.rsplit("/", 1)[1] for p in written] == ["part-%05d.jsonl" % i for i in range(4)]
    lines = [json.loads(line) for path in written for line in open(path, encoding="utf-8")]
    assert lines == expected
    # The workers did the work, in their own processes.
    assert len(client.run(lambda: __import__("lede").__version__)) == 2


def test_bad_options_fail_on_the_client(crawl):
    with pytest.raises(ValueError, match="exclude each other"):
        lede.dask.extract_bag(str(crawl), favor_precision=True, favor_recall=True)
    with pytest.raises(ValueError, match="no input files"):
        lede.dask.extract_bag([])
