"""Outside yardstick for memory-benchmark: the same queries over the same memory with
rapidfuzz's exhaustive normalized-Levenshtein scan (C++), on all cores.

Reads a file of tab-free lines: the memory's sources, a line with a single form feed, then the
queries. Prints one line: "<lookups per second> <queries>".
"""
import sys
import time

from rapidfuzz import fuzz, process

def main(path):
    text = open(path, encoding="utf-8").read()
    memory, queries = text.split("\n\f\n")
    sources = memory.split("\n")
    queries = [q for q in queries.split("\n") if q]
    start = time.perf_counter()
    process.cdist(queries, sources, scorer=fuzz.ratio, score_cutoff=75, workers=-1, dtype="uint8")
    elapsed = time.perf_counter() - start
    print(f"{len(queries) / elapsed:.1f} {len(queries)}")

if __name__ == "__main__":
    main(sys.argv[1])
