#!/usr/bin/env python3
"""Merges the hand-written labelled appeals (one JSON Lines file per writer) into one evaluation file.

  python3 dispatch/tools/merge_written_set.py OUT.jsonl IN1.jsonl IN2.jsonl ...

Checks every line: valid JSON object; non-empty string title, content, category, matter; category one
of the 7 top-level categories; appealType, district, department, receivedAt, closedAt strings when
present; no other fields. Drops exact repeats (same title + content), refuses a matter name used by
two writers (grouped evaluation would join two different matters), and writes the rows in input
order with a fixed field order. Exits non-zero on any invalid line, naming file and line.
"""
import json
import sys
from collections import Counter

CATEGORIES = ("城乡建设", "环境保护", "交通运输", "教育文体", "劳动和社会保障", "商贸旅游", "卫生计生")
REQUIRED = ("title", "content", "category", "matter")
OPTIONAL = ("department", "district", "appealType", "receivedAt", "closedAt")


def check(row, where):
    if not isinstance(row, dict):
        return f"{where}: not a JSON object"
    for field in REQUIRED:
        if not isinstance(row.get(field), str) or not row[field].strip():
            return f"{where}: missing or empty {field}"
    if row["category"] not in CATEGORIES:
        return f"{where}: unknown category {row['category']!r}"
    for field in OPTIONAL:
        if field in row and not isinstance(row[field], str):
            return f"{where}: {field} is not a string"
    unknown = set(row) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        return f"{where}: unknown fields {sorted(unknown)}"
    return None


def main(out_path, inputs):
    rows, errors, seen, repeats = [], [], set(), 0
    writer_of_matter = {}
    for path in inputs:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{where}: invalid JSON ({e})")
                    continue
                problem = check(row, where)
                if problem:
                    errors.append(problem)
                    continue
                if writer_of_matter.setdefault(row["matter"], path) != path:
                    errors.append(f"{where}: matter {row['matter']} also used in {writer_of_matter[row['matter']]}")
                    continue
                key = (row["title"].strip(), row["content"].strip())
                if key in seen:
                    repeats += 1
                    continue
                seen.add(key)
                rows.append({k: row[k] for k in REQUIRED + OPTIONAL if k in row})
    if errors:
        print("\n".join(errors[:50]), file=sys.stderr)
        sys.exit(f"{len(errors)} invalid lines: nothing written")
    with open(out_path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = Counter(r["category"] for r in rows)
    lengths = sorted(len(r["title"]) + len(r["content"]) for r in rows)
    print(f"wrote {len(rows)} rows ({repeats} repeats dropped), {len(writer_of_matter)} matters, "
          f"text length median {lengths[len(lengths) // 2]}, max {lengths[-1]}")
    for category in CATEGORIES:
        print(f"  {category}: {counts.get(category, 0)}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
