#!/usr/bin/env python3
"""Writes N time-off requests for scenarios/december.json's team to stdout (name,start,end,priority):
random SEs, 1-4 days starting anywhere in December, priorities 0-2; the same N always gives the same file."""
import random
import sys

count = int(sys.argv[1])
names = ["emea-gb", "emea-nl", "emea-za"] + [f"us-{i:02d}" for i in range(1, 12)]
rng = random.Random(26)
print("name,start,end,priority")
for _ in range(count):
    first = rng.randint(1, 30)
    last = min(31, first + rng.randint(0, 3))
    print(f"{rng.choice(names)},2026-12-{first:02d},2026-12-{last:02d},{rng.randint(0, 2)}")
