#!/usr/bin/env python3
"""Compares december_numpy.py's P(level >= k) with `plan simulate`'s checks.csv, check by check, as
a two-sample z statistic with the pooled proportion (comparisons where both are 0 are skipped).

    python3 validate.py REFERENCE_CSV REFERENCE_TRIALS PLAN_TRIALS [CHECKS_CSV]

REFERENCE_CSV is `december_numpy.py REFERENCE_TRIALS SEED --csv`'s output; CHECKS_CSV defaults to
notebooks-output/december/checks.csv, whose run.json gives PLAN_TRIALS. Prints the largest |z|,
where it is, and over how many comparisons: with the same model, the largest of about 150 |z|
exceeds 3.4 about one time in ten (the comparisons are correlated, so less often than that).
"""
import csv
import math
import pathlib
import sys


def main():
    reference_csv, reference_trials, plan_trials = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    root = pathlib.Path(__file__).resolve().parents[2]
    checks_csv = sys.argv[4] if len(sys.argv) > 4 else root / "notebooks-output/december/checks.csv"
    with open(checks_csv) as f:
        plan = list(csv.DictReader(f))
    with open(reference_csv) as f:
        reference = list(csv.DictReader(f))
    if len(plan) != len(reference):
        sys.exit(f"{checks_csv} has {len(plan)} checks, {reference_csv} {len(reference)}")
    largest, where, count = 0.0, None, 0
    for c, (p, r) in enumerate(zip(plan, reference)):
        for k in range(2, 9):
            a, b = float(p[f"p_ge_{k}"]), float(r[f"ge{k}"])
            pooled = (a * plan_trials + b * reference_trials) / (plan_trials + reference_trials)
            if pooled <= 0 or pooled >= 1:
                continue
            z = (a - b) / math.sqrt(pooled * (1 - pooled) * (1 / plan_trials + 1 / reference_trials))
            count += 1
            if abs(z) > abs(largest):
                largest, where = z, f"{p['date']} {p['window']} level >= {k}: plan {a:.4f}, reference {b:.4f}"
    print(f"largest |z| {abs(largest):.2f} over {count} comparisons ({where})")


if __name__ == "__main__":
    main()
