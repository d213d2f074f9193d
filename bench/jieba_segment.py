#!/usr/bin/python3
"""Python jieba on a SIGHAN test file, for nlpipe's segmentation benchmarks.

  jieba_segment.py speed TEXT [SECONDS] [ROUNDS]   prints jieba's warm throughput, "WALL CPU": chars per second of
                                                   wall time and of this process's CPU time (medians of rounds)
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
        cpu = time.process_time()
        passes = 0
        while True:
            for line in lines:
                list(jieba.cut(line))
            passes += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                return passes * chars / elapsed, passes * chars / (time.process_time() - cpu)

    timed()  # warm-up
    runs = [timed() for _ in range(rounds)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def segment(path, out):
    with open(out, "w", encoding="utf-8") as f:
        for line in lines_of(path):
            f.write("  ".join(jieba.cut(line)) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "speed":
        wall, cpu = speed(sys.argv[2], *(float(a) for a in sys.argv[3:4]), *(int(a) for a in sys.argv[4:5]))
        print(round(wall), round(cpu))
    elif sys.argv[1] == "segment":
        segment(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
