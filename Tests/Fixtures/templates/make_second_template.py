#!/usr/bin/env python3
"""A second report template, laid out unlike the shipped sample and written only from the
contract in docs/templates.md: blocks that start in column B, a two-row body with a merged
cell per item and a conditional row inside it, key figures side by side, a total on another
sheet that counts a block on this one, a workbook-level name, and a per-unit sheet whose
units' names are too long for a tab.

Run:  python3 Tests/Fixtures/templates/make_second_template.py

Also here: trasig-mall.xlsx (one of each problem `report check` finds), and
nämndrapport-mall-libreoffice.xlsx, the shipped sample opened and saved by LibreOffice
(`soffice --headless --convert-to xlsx samples/templates/nämndrapport-mall.xlsx`), for a
template with shared strings and another producer's markup.
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

    save(wb, "andra-mall.xlsx", extension={"xl/worksheets/sheet1.xml": DATA_BAR})


# An Excel 2010 data bar on the utfall cell of the block's body (openpyxl writes no x14
# extensions, Excel does): its xm:sqref must follow the items.
DATA_BAR = (
    '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    "<x14:conditionalFormattings><x14:conditionalFormatting "
    'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    '<x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}">'
    '<x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/>'
    '<x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>C10</xm:sqref>'
    "</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>"
)


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


def save(wb, name: str, extension: dict | None = None) -> None:
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if extension and info.filename in extension:
                data = data.replace(
                    b"</worksheet>", extension[info.filename].encode() + b"</worksheet>")
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, data)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(out.getvalue())


if __name__ == "__main__":
    main()
    broken()
