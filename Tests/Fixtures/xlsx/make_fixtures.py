#!/usr/bin/env python3
"""Makes the fixtures in Tests/Fixtures/xlsx/made/ (see README.md).

Two kinds: workbooks written by openpyxl (dates and number formats as Excel stores them), and
packages assembled with Python's zipfile from hand-written XML, each showing one property of
the format that a reader must handle (or one kind of file it must refuse by name). Run it from
anywhere; it rewrites the folder deterministically (fixed zip timestamps).

    python3 Tests/Fixtures/xlsx/make_fixtures.py
"""
import datetime
import io
import os
import struct
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment

OUT = Path(__file__).resolve().parent / "made"
STAMP = (1980, 1, 1, 0, 0, 0)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def write_zip(name, parts, compression=zipfile.ZIP_DEFLATED):
    """parts: list of (entry name, bytes or str), in order."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for entry, data in parts:
            info = zipfile.ZipInfo(entry, STAMP)
            info.compress_type = compression
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    (OUT / name).write_bytes(buf.getvalue())


def content_types(extra=""):
    return (DECL + f'<Types xmlns="{CT}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f'{extra}</Types>')


def root_rels(target="xl/workbook.xml"):
    return (DECL + f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="{target}"/>'
            '</Relationships>')


def workbook(sheets, pr=""):
    """sheets: list of (name, rId, state or None)."""
    items = "".join(
        f'<sheet name="{n}" sheetId="{i + 1}"' + (f' state="{s}"' if s else "") + f' r:id="{r}"/>'
        for i, (n, r, s) in enumerate(sheets))
    return DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<sheets>{items}</sheets></workbook>'


def rels(items):
    """items: list of (rId, type suffix, target)."""
    body = "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{tg}"/>' for i, t, tg in items)
    return DECL + f'<Relationships xmlns="{PKG}">{body}</Relationships>'


def sheet(data, extra=""):
    return DECL + f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>{data}</sheetData>{extra}</worksheet>'


def simple_package(name, sheet_xml, sst=None, styles=None, sheet_name="Sheet1", pr=""):
    parts = [("[Content_Types].xml", content_types()), ("_rels/.rels", root_rels()),
             ("xl/workbook.xml", workbook([(sheet_name, "rId1", None)], pr))]
    items = [("rId1", "worksheet", "worksheets/sheet1.xml")]
    if sst is not None:
        items.append(("rId2", "sharedStrings", "sharedStrings.xml"))
    if styles is not None:
        items.append(("rId3", "styles", "styles.xml"))
    parts.append(("xl/_rels/workbook.xml.rels", rels(items)))
    parts.append(("xl/worksheets/sheet1.xml", sheet_xml))
    if sst is not None:
        parts.append(("xl/sharedStrings.xml", DECL + f'<sst xmlns="{MAIN}">{sst}</sst>'))
    if styles is not None:
        parts.append(("xl/styles.xml", styles))
    write_zip(name, parts)


def made_with_openpyxl():
    """dates-1900.xlsx and dates-1904.xlsx: the same serials under many number formats."""
    formats = [
        ("yyyy-mm-dd", 46112.0),                 # 2026-03-31
        ("[$-41D]yyyy-mm-dd", 46112.0),          # Swedish locale prefix
        ("[$-41D]d mmmm yyyy", 46112.0),
        ('[$-sv-SE]yyyy-mm-dd hh:mm', 46112.4270833333),  # 10:15
        ("[h]:mm", 1.5),                         # 36 hours
        ("[mm]:ss", 0.0625),                     # 90 minutes
        ("h:mm", 0.4270833333),                  # a time of day alone
        ("yyyy-mm-dd", 0.5),                     # serial < 1 under a date format: a time
        ("yyyy-mm-dd", 60.0),                    # Excel's 1900-02-29
        ("yyyy-mm-dd", 61.0),                    # 1900-03-01
        ("yyyy-mm-dd", 1e12),                    # beyond year 9999: stays a number
        ("0%", 0.88),
        ("0.0 %", 0.125),
        ('#,##0 "kr"', 1234.0),
        ('"Datum: "0', 7.0),                     # quoted d and m are not date tokens
        ("mm-dd-yy", 46112.0),                   # built-in id 14
        ("General", 3.25),
    ]
    for name, epoch in (("dates-1900.xlsx", None), ("dates-1904.xlsx", "1904")):
        wb = openpyxl.Workbook()
        if epoch:
            wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
        ws = wb.active
        ws.title = "Datum"
        ws["A1"] = "format"
        ws["B1"] = "value"
        for i, (code, serial) in enumerate(formats, start=2):
            ws.cell(row=i, column=1, value=code)
            c = ws.cell(row=i, column=2, value=serial)
            c.number_format = code
        wb.save(OUT / name)
        # openpyxl stamps the save time into docProps/core.xml: normalize it and the zip dates.
        rewrite_deterministic(OUT / name)


def rewrite_deterministic(path):
    src = zipfile.ZipFile(path)
    parts = []
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename == "docProps/core.xml":
            import re
            data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-01-01T00:00:00Z", data)
        parts.append((info.filename, data))
    src.close()
    write_zip(path.name, parts)


def crafted():
    # Cell types: shared/inline/formula strings, booleans, errors, ISO dates, formulas.
    simple_package(
        "cell-types.xlsx",
        sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c>'
              '<c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>'
              '<c r="E1" t="e"><v>#DIV/0!</v></c><c r="F1" t="e"><f>NA()</f><v>#N/A</v></c></row>'
              '<row r="2"><c r="A2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
              '<c r="B2"><f>SUM(B1,1)</f><v>2.5</v></c>'
              '<c r="C2" t="inlineStr"><is><t>inline</t></is></c>'
              '<c r="D2" t="d"><v>2026-03-31T10:15:00</v></c><c r="E2" t="d"><v>2026-03-31</v></c>'
              '<c r="F2" s="1"><v>-12.5E-1</v></c></row>'
              '<row r="3"><c r="A3" t="s"/><c r="B3" s="1"/><c r="C3"><v></v></c></row>'),
        sst='<si><t>shared</t></si>',
        styles=DECL + f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/>'
        '<xf numFmtId="2"/></cellXfs></styleSheet>')

    # Shared strings: rich text runs joined, phonetic runs skipped, escapes, whitespace.
    simple_package(
        "shared-strings.xlsx",
        sheet("".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>' for i in range(7))),
        sst=('<si><r><rPr><b/></rPr><t>Mål</t></r><r><t xml:space="preserve"> 2026</t></r></si>'
             '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>'
             '<si><t>line_x000D_\nbreak</t></si>'
             '<si><t>A_x005F_x0030_B</t></si>'
             '<si><t>  trimmed  </t></si>'
             '<si><t xml:space="preserve">  kept  </t></si>'
             '<si><t>_xD83D__xDE00_ and _xD801_ alone</t></si>'))

    # Cells without r, empty styled cells that still take a column, rows without r, a wrong
    # dimension, rows out of order and a duplicated row.
    simple_package(
        "no-cell-reference.xlsx",
        DECL + f'<worksheet xmlns="{MAIN}"><dimension ref="A1:B2"/><sheetData>'
        '<row><c t="inlineStr"><is><t>a</t></is></c><c s="0"/><c><v>3</v></c></row>'
        '<row><c/><c t="inlineStr"><is><t>b</t></is></c></row>'
        '<row r="5"><c r="D5"><v>5</v></c><c><v>6</v></c></row>'
        '<row r="4"><c r="A4"><v>4</v></c></row>'
        '<row r="5"><c r="A5"><v>7</v></c></row>'
        '</sheetData></worksheet>')

    # A prefixed SpreadsheetML namespace (x:) as the OpenXML SDK writes it.
    write_zip("prefixed-namespace.xlsx", [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", root_rels()),
        ("xl/workbook.xml", DECL + f'<x:workbook xmlns:x="{MAIN}" xmlns:r="{REL}"><x:sheets>'
         '<x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>'),
        ("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml")])),
        ("xl/worksheets/sheet1.xml", DECL + f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
         '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c>'
         '<x:c r="B1"><x:v>42</x:v></x:c></x:row></x:sheetData>'
         '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>'),
    ])

    # Strict OOXML (ISO/IEC 29500 Strict namespaces) with 1904 dates.
    smain = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    srel = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    write_zip("strict-1904.xlsx", [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", DECL + f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
         f'Type="{srel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", DECL + f'<workbook xmlns="{smain}" xmlns:r="{srel}">'
         '<workbookPr date1904="true"/><sheets><sheet name="Strict" sheetId="1" r:id="rId1"/>'
         '</sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", DECL + f'<Relationships xmlns="{PKG}">'
         f'<Relationship Id="rId1" Type="{srel}/worksheet" Target="worksheets/sheet1.xml"/>'
         f'<Relationship Id="rId2" Type="{srel}/styles" Target="styles.xml"/></Relationships>'),
        ("xl/styles.xml", DECL + f'<styleSheet xmlns="{smain}"><cellXfs count="2"><xf numFmtId="0"/>'
         '<xf numFmtId="14"/></cellXfs></styleSheet>'),
        ("xl/worksheets/sheet1.xml", DECL + f'<worksheet xmlns="{smain}"><sheetData><row r="1">'
         '<c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44647</v></c><c r="C1"><v>1</v></c>'
         '</row></sheetData></worksheet>'),
    ])

    # UTF-16 parts (with BOM): the workbook little-endian, the sheet big-endian.
    def utf16(text, codec):
        return ('<?xml version="1.0" encoding="UTF-16"?>' + text).encode(codec)
    write_zip("utf16-parts.xlsx", [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", root_rels()),
        ("xl/workbook.xml", b"\xff\xfe" + utf16(
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Blad1 åäö" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>', "utf-16-le")),
        ("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml")])),
        ("xl/worksheets/sheet1.xml", b"\xfe\xff" + utf16(
            f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
            '<t>Förskola 🎈</t></is></c></row></sheetData></worksheet>', "utf-16-be")),
    ])

    # Parts at unusual places, found only through relationships: the workbook in a folder
    # named 'data', a leading-slash target, a percent-escaped name, a '..' segment.
    write_zip("unusual-paths.xlsx", [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", root_rels("/data/book.xml")),
        ("data/book.xml", workbook([("Första", "rId1", None), ("Andra", "rId2", None)])),
        ("data/_rels/book.xml.rels", rels([
            ("rId1", "worksheet", "/data/sheets/first%20sheet.xml"),
            ("rId2", "worksheet", "../other/second.xml"),
            ("rId3", "sharedStrings", "strings/shared.xml")])),
        ("data/sheets/first sheet.xml", sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')),
        ("other/second.xml", sheet('<row r="2"><c r="B2"><v>2</v></c></row>')),
        ("data/strings/shared.xml", DECL + f'<sst xmlns="{MAIN}"><si><t>found</t></si></sst>'),
    ])

    # Backslashes as folder separators in zip entry names (older .NET writers).
    write_zip("backslash-paths.xlsx", [
        ("[Content_Types].xml", content_types()),
        ("_rels\\.rels", root_rels()),
        ("xl\\workbook.xml", workbook([("Sheet1", "rId1", None)])),
        ("xl\\_rels\\workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml")])),
        ("xl\\worksheets\\sheet1.xml", sheet('<row r="1"><c r="A1"><v>1</v></c></row>')),
    ])

    # Two zip entries with the same name: the later one is the part (as in Python's zipfile).
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        write_zip("duplicate-entries.xlsx", [
            ("[Content_Types].xml", content_types()),
            ("_rels/.rels", root_rels()),
            ("xl/workbook.xml", workbook([("Sheet1", "rId1", None)])),
            ("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml")])),
            ("xl/worksheets/sheet1.xml", sheet('<row r="1"><c r="A1"><v>1</v></c></row>')),
            ("xl/worksheets/sheet1.xml", sheet('<row r="1"><c r="A1"><v>2</v></c></row>')),
        ])

    # Hidden, very hidden, a chartsheet, a sheet name with '&'.
    write_zip("visibility.xlsx", [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", root_rels()),
        ("xl/workbook.xml", workbook([("Synlig", "rId1", None), ("Dold", "rId2", "hidden"),
                                     ("Mycket dold", "rId3", "veryHidden"),
                                     ("Diagram", "rId4", None), ("R&amp;D", "rId5", None)])),
        ("xl/_rels/workbook.xml.rels", rels([
            ("rId1", "worksheet", "worksheets/sheet1.xml"),
            ("rId2", "worksheet", "worksheets/sheet2.xml"),
            ("rId3", "worksheet", "worksheets/sheet3.xml"),
            ("rId4", "chartsheet", "chartsheets/sheet1.xml"),
            ("rId5", "worksheet", "worksheets/sheet4.xml")])),
        ("xl/worksheets/sheet1.xml", sheet('<row r="1"><c r="A1"><v>1</v></c></row>')),
        ("xl/worksheets/sheet2.xml", sheet('<row r="1"><c r="A1"><v>2</v></c></row>')),
        ("xl/worksheets/sheet3.xml", sheet('<row r="1"><c r="A1"><v>3</v></c></row>')),
        ("xl/chartsheets/sheet1.xml", DECL + f'<chartsheet xmlns="{MAIN}"/>'),
        ("xl/worksheets/sheet4.xml", sheet('<row r="1"><c r="A1"><v>4</v></c></row>')),
    ])

    # Merged ranges after the cells.
    simple_package(
        "merged.xlsx",
        sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Mål</t></is></c></row>'
              '<row r="3"><c r="B3"><v>1</v></c></row>',
              '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A2:A4"/></mergeCells>'))

    # Beyond Excel's grid: column XFE and row 1,048,577.
    simple_package("column-out-of-range.xlsx",
                   sheet('<row r="1"><c r="XFD1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>'))
    simple_package("row-out-of-range.xlsx",
                   sheet('<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
                         '<row r="1048577"><c r="A1048577"><v>2</v></c></row>'))
    # A shared-string index past the table.
    simple_package("invalid-shared-string.xlsx",
                   sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>5</v></c></row>'),
                   sst='<si><t>only one</t></si>')
    # Shared-string cells whose value is empty (`<v/>`, `<v></v>`, `<v> </v>`): empty cells.
    simple_package("empty-shared-string-value.xlsx",
                   sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v/></c>'
                         '<c r="C1" t="s"><v></v></c><c r="D1" t="s"><v>1</v></c></row>'
                         '<row r="2"><c r="A2" t="s"><v> </v></c><c r="B2"><v>42</v></c>'
                         '<c r="C2" t="s"><v>2</v></c></row>'),
                   sst='<si><t>Mål-id</t></si><si><t>Status</t></si><si><t>Pågår</t></si>')
    # A very hidden sheet with an empty relationship id, and a sheet naming a relationship the
    # workbook's relationships part does not have: both skipped, the other two read.
    write_zip("empty-relationship-id.xlsx", [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", root_rels()),
        ("xl/workbook.xml", DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
         '<sheet name="Mål" sheetId="1" r:id="rId1"/>'
         '<sheet name="x" sheetId="3" state="veryHidden" r:id=""/>'
         '<sheet name="Saknas" sheetId="4" r:id="rId9"/>'
         '<sheet name="Data" sheetId="2" r:id="rId2"/>'
         '</sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                             ("rId2", "worksheet", "worksheets/sheet2.xml")])),
        ("xl/worksheets/sheet1.xml",
         sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Mål-id</t></is></c></row>')),
        ("xl/worksheets/sheet2.xml", sheet('<row r="1"><c r="A1"><v>7</v></c></row>')),
    ])
    # Not well-formed XML in a sheet.
    simple_package("malformed-sheet.xlsx",
                   sheet('<row r="1"><c r="A1"><v>1</v></row>'))
    # A DOCTYPE in the workbook part (no entities: refused for the DOCTYPE alone).
    write_zip("doctype.xlsx", [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", root_rels()),
        ("xl/workbook.xml", DECL + '<!DOCTYPE workbook>' + workbook([("Sheet1", "rId1", None)])[len(DECL):]),
        ("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml")])),
        ("xl/worksheets/sheet1.xml", sheet('')),
    ])
    # No shared strings and no styles: both optional.
    simple_package("no-optional-parts.xlsx",
                   sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>'
                         '<c r="B1" s="3"><v>2</v></c></row>'))
    # The workbook part named by _rels/.rels is missing.
    write_zip("missing-workbook.xlsx", [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", root_rels()),
        ("xl/worksheets/sheet1.xml", sheet('')),
    ])
    # A sheet whose part is missing.
    write_zip("missing-sheet-part.xlsx", [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", root_rels()),
        ("xl/workbook.xml", workbook([("Sheet1", "rId1", None)])),
        ("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml")])),
    ])
    # Binary workbook (.xlsb): the officeDocument part is xl/workbook.bin.
    write_zip("binary.xlsb", [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", root_rels("xl/workbook.bin")),
        ("xl/workbook.bin", b"\x83\x01\x00"),
    ])
    # OpenDocument spreadsheet: mimetype first, stored.
    write_zip("opendocument.ods", [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", DECL + '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
    ], compression=zipfile.ZIP_STORED)
    # Not a zip: a CSV file named .xlsx.
    (OUT / "csv-named-xlsx.xlsx").write_bytes("Enhet;Värde\nLillåskolan;88\n".encode("utf-8"))
    # A zip cut off in the middle (its central directory is gone).
    whole = (OUT / "merged.xlsx").read_bytes()
    (OUT / "truncated.xlsx").write_bytes(whole[: len(whole) // 2])
    # Compound File containers: a legacy .xls (a 'Workbook' stream) and an encrypted package.
    (OUT / "legacy.xls").write_bytes(compound_file(["Workbook", "\x05SummaryInformation"]))
    (OUT / "encrypted.xlsx").write_bytes(
        compound_file(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))


def compound_file(names):
    """A minimal [MS-CFB] version 3 container: header, one FAT sector, one directory sector
    holding a root entry and one empty stream per name (enough for a reader to list names)."""
    sector = 512
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)   # minor, major, BOM, shift 9
    struct.pack_into("<H", header, 32, 6)                       # mini sector shift
    struct.pack_into("<I", header, 44, 1)                       # one FAT sector
    struct.pack_into("<I", header, 48, 1)                       # directory starts at sector 1
    struct.pack_into("<I", header, 56, 4096)                    # mini stream cutoff
    struct.pack_into("<I", header, 60, 0xFFFFFFFE)              # no mini FAT
    struct.pack_into("<I", header, 68, 0xFFFFFFFE)              # no DIFAT sectors
    struct.pack_into("<I", header, 76, 0)                       # FAT is sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<I", fat, 0, 0xFFFFFFFD)                  # sector 0: FAT
    struct.pack_into("<I", fat, 4, 0xFFFFFFFE)                  # sector 1: end of directory chain
    directory = bytearray(sector)

    def entry(i, name, kind, child=0xFFFFFFFF, right=0xFFFFFFFF):
        base = i * 128
        encoded = (name + "\x00").encode("utf-16-le")
        directory[base:base + len(encoded)] = encoded
        struct.pack_into("<H", directory, base + 64, len(encoded))
        directory[base + 66] = kind
        directory[base + 67] = 1
        struct.pack_into("<III", directory, base + 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<I", directory, base + 116, 0xFFFFFFFE)
    entry(0, "Root Entry", 5, child=1)
    for i, name in enumerate(names[:3], start=1):
        entry(i, name, 2, right=i + 1 if i < len(names[:3]) else 0xFFFFFFFF)
    return bytes(header + fat + directory)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    made_with_openpyxl()
    crafted()
    print("wrote", len(list(OUT.iterdir())), "files to", OUT)
