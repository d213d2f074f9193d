#!/usr/bin/python3
"""Python jieba on a SIGHAN test file, for nlpipe's segmentation benchmarks.

  jieba_segment.py speed TEXT [SECONDS] [ROUNDS]   prints jieba's warm throughput in chars/s (median of rounds)
  jieba_segment.py segment TEXT OUT                writes jieba's segmentation of TEXT, words separated by two spaces
"""
import logging
import statistics
import sys
import time

import jieba

jieba.setLogLevel(logging.WARNING)


def lines_of(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f]


def speed(path, seconds=2.0, rounds=3):
    lines = [line for line in lines_of(path) if line]
    chars = sum(len(line) for line in lines)
    jieba.initialize()

    def timed():
        start = time.perf_counter()
        passes = 0
        while True:
            for line in lines:
                list(jieba.cut(line))
            passes += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                return passes * chars / elapsed

    timed()  # warm-up
    return statistics.median(timed() for _ in range(rounds))


def segment(path, out):
    with open(out, "w", encoding="utf-8") as f:
        for line in lines_of(path):
            f.write("  ".join(jieba.cut(line)) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "speed":
        print(round(speed(sys.argv[2], *(float(a) for a in sys.argv[3:4]), *(int(a) for a in sys.argv[4:5]))))
    elif sys.argv[1] == "segment":
        segment(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
