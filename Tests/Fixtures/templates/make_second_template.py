#!/usr/bin/env python3
"""A second report template, laid out unlike the shipped sample and written only from the
contract in docs/templates.md: blocks that start in column B, a two-row body with a merged
cell per item and a conditional row inside it, key figures side by side, a total on another
sheet that counts a block on this one, a workbook-level name, and a per-unit sheet whose
units' names are too long for a tab.

Run:  python3 Tests/Fixtures/templates/make_second_template.py
"""

import io
import os
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Uppföljning"
    ws["B2"] = "{{nämnd}}"
    ws["B2"].font = Font(size=16, bold=True)
    ws["B3"] = "Uppföljning {{period}} – {{kommun}}"
    ws["B5"], ws["C5"], ws["D5"] = "Nyckeltal", "Uppnådda", "Andel"
    ws["B6"] = "{{antal_nyckeltal}}"
    ws["C6"] = "{{nyckeltal_uppfyllda}}"
    ws["D6"] = "{{andel_nyckeltal_uppfyllda}}"
    ws["D6"].number_format = "0.0%"
    ws["B8"] = "{{#each nyckeltal}}"
    ws["B9"] = "{{id}}: {{namn}} ({{enhet}})"
    ws.merge_cells("B9:E9")
    ws["B10"] = "Utfall"
    ws["C10"] = "{{utfall}}"
    ws["C10"].number_format = "0.00"
    ws["D10"] = "Mål: {{målvärde}}"
    ws["E10"] = "{{status}}"
    ws["F10"] = "=C10*2"
    ws["B11"] = "{{#if trend == 'Försämrad'}}"
    ws["B12"] = "Obs! {{namn}} har försämrats sedan {{föregående}}."
    ws["B12"].font = Font(color="C00000")
    ws["B13"] = "{{/if}}"
    ws["B14"] = "{{/each}}"
    ws["B16"] = "Summa utfall"
    ws["C16"] = "=SUM(C8:C14)"
    ws["B17"] = "Antal enheter"
    ws["C17"] = "=COUNTA(Data!A2:A4)"
    ws["B19"] = "{{#if not antal_fel}}"
    ws["B20"] = "Inga fel i underlaget."
    ws["B21"] = "{{/if}}"
    ws["B22"] = "Slut på rapporten"
    ws["B22"].fill = PatternFill("solid", fgColor="DDDDDD")

    data = wb.create_sheet("Data")
    data["A1"] = "Enheter {{period_id}}"
    data["A2"] = "{{#each enheter}}"
    data["A3"] = "{{namn}}"
    data["B3"] = "{{antal_nyckeltal}}"
    data["C3"] = "=B3+0"
    data["A4"] = "{{/each}}"
    data["A5"] = "=SUM(B2:B4)"
    wb.defined_names["Enhetsnamn"] = DefinedName("Enhetsnamn", attr_text="Data!$A$3")

    unit = wb.create_sheet("{{#each enheter}}")
    unit["A1"] = "Enhet: {{namn}} ({{id}})"
    unit["A3"] = "{{#each aktiviteter}}"
    unit["A4"] = "{{titel}}"
    unit["B4"] = "{{slut}}"
    unit["B4"].number_format = "d mmm yyyy"
    unit["A5"] = "{{/each}}"
    unit["A6"] = "=Data!A5"

    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    with open(os.path.join(HERE, "andra-mall.xlsx"), "wb") as f:
        f.write(out.getvalue())


def broken() -> None:
    """A template with one of each problem `report check` finds."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Fel"
    ws["A1"] = "{{kommunen}}"
    ws["A3"] = "{{#each nyckeltal}}"
    ws["A4"] = "{{id}}"
    ws["B4"] = "{{utfal}}"
    ws["A5"] = "{{/each}}"
    ws["A7"] = "Text"
    ws["B7"] = "{{#each mål}}"
    ws["A9"] = "{{nämnd"
    ws["A10"] = "{{#if antal_fel}}"
    other = wb.create_sheet("Mer")
    other["A1"] = "{{/each}}"
    other["A2"] = "{{#each nyckeltall}}"
    other["A3"] = "{{/each}}"
    save(wb, "trasig-mall.xlsx")


def save(wb, name: str) -> None:
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(out.getvalue())


if __name__ == "__main__":
    main()
    broken()
