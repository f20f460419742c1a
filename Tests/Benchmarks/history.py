#!/usr/bin/env python3
"""Per-file cost against the size of the store: feeds a burst workspace (make_burst.py) with
ROUNDS more rounds of the same N workbooks, each round with other bytes (a zip comment added,
so every file is a new delivery that supersedes the one before), and prints the wall and CPU
time per file of each round.

    python3 Tests/Benchmarks/history.py REDTHREAD WORKSPACE FILES_DIR ROUNDS
"""
import os
import resource
import shutil
import struct
import subprocess
import sys
import time


def with_comment(data, comment):
    c = comment.encode()
    return data[:-2] + struct.pack("<H", len(c)) + c


def main(argv):
    redthread, ws, files, rounds = argv[0], argv[1], argv[2], int(argv[3])
    names = sorted(n for n in os.listdir(files) if n.endswith(".xlsx"))
    for r in range(rounds):
        inbox = os.path.join(ws, "inbox")
        for n in names:
            data = open(os.path.join(files, n), "rb").read()
            if r:
                data = with_comment(data, f"round {r}")
            open(os.path.join(inbox, n), "wb").write(data)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([redthread, "run", ws, "--quiet"], check=True, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"round {r + 1}: stored before {r * len(names)} files; {len(names)} files: "
              f"wall {wall:.2f} s ({wall / len(names) * 1000:.1f} ms/file), "
              f"cpu {cpu:.2f} s ({cpu / len(names) * 1000:.1f} ms/file)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
