#!/usr/bin/env python3
"""Compares two configurations text by text (McNemar's test on paired predictions).

  python3 dispatch/tools/compare_predictions.py A.tsv B.tsv

Each file comes from ClassifierEvaluation with -Dpredictions=FILE (lines: seed, row, truth, top
answer) on the same data, folds and seeds. Prints how many texts only A or only B got right and
whether the difference exceeds chance (|b - c| > 1.96·sqrt(b + c), normal approximation); with
several seeds the same text counts once per seed, so read it per seed as well. Also prints, per
file, the share of texts whose top confidence reaches 0.6 (AutoDispatch's default threshold) and
the top-1 accuracy among them.
"""
import math
import sys
from collections import defaultdict


def read(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            seed, row, truth, predicted = line.rstrip("\n").split("\t")[:4]
            out[(seed, row)] = truth == predicted
    return out


def confident(path, threshold=0.6):
    sure = right = total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            total += 1
            if len(fields) > 4 and float(fields[4]) >= threshold:
                sure += 1
                right += fields[2] == fields[3]
    if sure:
        print(f"{path}: {sure / total:.3f} of texts at confidence >= {threshold}, top-1 among them {right / sure:.3f}")


def main(a_path, b_path):
    confident(a_path)
    confident(b_path)
    a, b = read(a_path), read(b_path)
    keys = sorted(set(a) & set(b))
    per_seed = defaultdict(lambda: [0, 0, 0])
    for key in keys:
        counts = per_seed[key[0]]
        counts[0] += 1
        counts[1] += a[key] and not b[key]
        counts[2] += b[key] and not a[key]
    for seed, (n, only_a, only_b) in sorted(per_seed.items()):
        z = (only_b - only_a) / math.sqrt(only_a + only_b) if only_a + only_b else 0.0
        verdict = "beyond chance" if abs(z) > 1.96 else "within chance"
        print(f"seed {seed}: n={n} only A right {only_a}, only B right {only_b}, "
              f"B - A = {(only_b - only_a) / n:+.4f} (z={z:+.2f}, {verdict})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
