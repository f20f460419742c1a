#!/usr/bin/env python3
"""Makes a pipeline workspace for the burst benchmark: the sample municipality (samples/hofors)
with N extra schools in its unit register and one arbetsplan each in the inbox, every one a
variant of Petreskolan's workbook written by openpyxl (unit name, goal titles and values
changed, so that no two files have the same bytes).

    python3 Tests/Benchmarks/make_burst.py OUT [N=700] [--first K]

OUT/           the workspace (redthread.yaml, reference/, mappings/, inbox/ with N files)
OUT-files/     the same N workbooks alone, for `peers.py read-many calamine OUT-files`

--first K puts only the first K files in the inbox (the rest stay in OUT-files), and
--only-files writes OUT-files alone.
"""
import os
import shutil
import sys

import openpyxl

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if not args:
        raise SystemExit(__doc__)
    out = os.path.abspath(args[0])
    n = int(args[1]) if len(args) > 1 else 700
    first = n
    if "--first" in argv:
        first = int(argv[argv.index("--first") + 1])
        args = [a for a in args if a != str(first)]
    files = out + "-files"
    for d in (out, files):
        if os.path.exists(d):
            shutil.rmtree(d)
    shutil.copytree(os.path.join(REPO, "samples/hofors"), out)
    shutil.copytree(os.path.join(REPO, "mappings"), os.path.join(out, "mappings"))
    inbox = os.path.join(out, "inbox")
    for name in os.listdir(inbox):
        os.remove(os.path.join(inbox, name))
    os.makedirs(files)
    with open(os.path.join(out, "redthread.yaml"), "a", encoding="utf-8") as f:
        f.write("inbox: { settle_seconds: 0 }\n")
    units = os.path.join(out, "reference/units.yaml")
    with open(units, "a", encoding="utf-8") as f:
        for i in range(1, n + 1):
            f.write(
                f'  - {{ id: skola-{i:04d}, name: Skola {i:04d}, kind: school, parent: bun, '
                f'schoolUnitCode: "9{i:07d}" }}\n')
    source = os.path.join(REPO, "samples/hofors/inbox/Arbetsplan Petreskolan kvartal 3 2026.xlsx")
    for i in range(1, n + 1):
        wb = openpyxl.load_workbook(source)
        for ws in wb:
            ws["B2"] = f"Skola {i:04d}"
            for row in ws.iter_rows(min_row=4):
                for c in row:
                    if isinstance(c.value, str) and "Petre" in c.value:
                        c.value = c.value.replace("Petreskolan", f"Skola {i:04d}")
                    elif isinstance(c.value, float) and 0 < c.value < 100:
                        c.value = round(c.value + (i % 7) / 10, 1)
        name = f"Arbetsplan Skola {i:04d} kvartal 3 2026.xlsx"
        path = os.path.join(files, name)
        wb.save(path)
        if i <= first:
            shutil.copy2(path, os.path.join(inbox, name))
    print(f"{out}: {first} files in the inbox; {files}: {n} files")


if __name__ == "__main__":
    main(sys.argv[1:])
