#!/usr/bin/env python3
"""Fail when dyad's accuracy falls below the gates (see README, "Accuracy").

usage: gates.py SEED.json DEV.json   (both from `dyad eval --json`)
"""
import json
import sys

# (file, mode, language, metric, minimum)
GATES = [
    ("seed", "lenient", "all", "r", 1.00),
    ("seed", "lenient", "all", "p", 0.80),
    ("dev", "lenient", "it", "f1", 0.70),
    ("dev", "lenient", "en", "f1", 0.70),
    ("dev", "lenient", "es", "f1", 0.70),
    ("dev", "lenient", "fr", "f1", 0.70),
    ("dev", "lenient", "de", "f1", 0.70),
    # Regression guards on full codes (roles and subcodes), a little under what dyad reaches.
    ("seed", "strict", "all", "f1", 0.80),
    ("dev", "strict", "all", "f1", 0.55),
]


def main(seed_path, dev_path):
    reports = {"seed": json.load(open(seed_path)), "dev": json.load(open(dev_path))}
    failed = 0
    for name, mode, lang, metric, minimum in GATES:
        value = reports[name][mode].get(lang, {}).get(metric, 0.0)
        ok = value + 1e-9 >= minimum
        failed += not ok
        print(f"gate {name} {mode} {lang} {metric} = {value:.3f} (min {minimum:.2f}) {'ok' if ok else 'FAILED'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(*sys.argv[1:3])
