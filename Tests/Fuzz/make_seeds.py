#!/usr/bin/env python3
"""Seeds for the XLSX fuzzer: whole workbook files (up to 1 MiB), and each worksheet, shared
strings, workbook and styles part of them as a structured input (selector byte + XML)."""
import hashlib
import sys
import zipfile
from pathlib import Path

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
SELECT = {"sheet": 0x20, "sharedstrings": 0x21, "workbook": 0x22, "styles": 0x23}


def put(data):
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)


for folder in sys.argv[2:]:
    for path in sorted(Path(folder).rglob("*")):
        if not path.is_file() or path.stat().st_size > 1 << 20:
            continue
        data = path.read_bytes()
        if data[:1] in (b"P", b"\xd0"):
            put(data)
        try:
            z = zipfile.ZipFile(path)
            for info in z.infolist():
                name = info.filename.replace("\\", "/").lower()
                if info.file_size > 1 << 20 or not name.endswith(".xml"):
                    continue
                kind = ("sheet" if "worksheets/" in name else
                        "sharedstrings" if name.endswith("sharedstrings.xml") else
                        "workbook" if name.endswith("workbook.xml") else
                        "styles" if name.endswith("styles.xml") else None)
                if kind:
                    put(bytes([SELECT[kind]]) + z.read(info))
        except Exception:
            pass
print(len(list(out.iterdir())), "seeds in", out)
