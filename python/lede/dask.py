"""lede on Dask: the pages of many files as a Dask bag of article dicts.

    from dask.distributed import Client
    import lede.dask

    client = Client("tcp://scheduler:8786")          # or Client(LocalCluster(...))
    bag = lede.dask.extract_bag("/data/crawl/*.warc.gz")
    lede.dask.to_jsonl(bag, "/data/articles")        # part-00000.jsonl, ... one per input file

Each input file is one partition, read and extracted by one task on a worker,
so the paths must be readable from every worker (a shared or network file
system) and lede must be installed on every worker. The records are those of
`lede extract --jsonl` on the same files: the same members, names and order.
"""
import json
import os

import dask
import dask.bag

import lede

_BATCH_OPTIONS = ("all_records", "html_field", "url_field", "id_field", "max_record_size")


def extract_bag(paths, **options):
    """A Dask bag of the records of every page in `paths`.

    paths: a file, folder or glob pattern, or a list of them, expanded as the
    command line does (lede.expand_inputs) on the calling machine; each file
    (HTML, WARC or JSONL, plain, gzip or zstd) becomes one partition.
    options: lede.extract_file's: the Extractor options (include_comments,
    favor_precision, favor_recall, include_links, guess, with_markdown) and
    all_records, html_field, url_field, id_field, max_record_size.
    """
    files = lede.expand_inputs(paths)
    if not files:
        raise ValueError("no input files in %r" % (paths,))
    batch = {name: options.pop(name) for name in _BATCH_OPTIONS if name in options}
    extractor = lede.Extractor(**options)  # bad options fail here, not on a worker
    return dask.bag.from_sequence(files, partition_size=1).map_partitions(
        _extract_partition, extractor=extractor, batch=batch)


def _extract_partition(files, extractor, batch):
    records = []
    for path in files:
        records.extend(lede.extract_file(path, extractor=extractor, **batch))
    return records


def to_jsonl(bag, folder, compute=True):
    """Writes `bag` as JSONL files into `folder`, one per partition
    (part-00000.jsonl, ...), each under a temporary name until complete.
    Returns the file names; with compute=False the Dask delayed objects that
    write them."""
    folder = os.path.abspath(folder)
    os.makedirs(folder, exist_ok=True)
    writes = [dask.delayed(_write_partition)(partition, os.path.join(folder, "part-%05d.jsonl" % number))
              for number, partition in enumerate(bag.to_delayed())]
    return list(dask.compute(*writes)) if compute else writes


def _write_partition(records, path):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    os.replace(temporary, path)
    return path
