#!/usr/bin/python3
"""Forward maximum matching with a word list: the SIGHAN bakeoff's baseline segmenter, rewritten
for nlpipe's benchmarks (one-character words where nothing matches). Scored by `nlpipe eval
segment`, it should reproduce the baseline figures the bakeoff data's README reports, which checks
the scorer.

  maxmatch_baseline.py WORDS TEXT OUT
"""
import sys


def main(words_path, text_path, out_path):
    with open(words_path, encoding="utf-8") as f:
        words = {line.strip() for line in f if line.strip()}
    longest = max(len(w) for w in words)
    with open(text_path, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as out:
        for line in f:
            s = line.rstrip("\r\n")
            i, found = 0, []
            while i < len(s):
                n = min(longest, len(s) - i)
                while n > 1 and s[i:i + n] not in words:
                    n -= 1
                found.append(s[i:i + n])
                i += n
            out.write("  ".join(found) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
