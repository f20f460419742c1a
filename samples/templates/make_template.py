#!/usr/bin/env python3
"""Generate the shipped board-report template, samples/templates/nämndrapport-mall.xlsx.

Run from anywhere:  python3 samples/templates/make_template.py

Built with openpyxl (not with RedThread), the way a controller would lay out a nämnd report in
Excel: a cover sheet with a logo, the title and the key figures; the nyckeltal in a block with
a total row, a chart, status colours and a drop-down; the activities as an Excel table; the
units with a conditional line for those that have not delivered; one sheet per unit; the
Kontroll list. Every placeholder is documented in docs/templates.md. Fixed values and zip
timestamps, so every run gives the same bytes.
"""

from __future__ import annotations

import io
import os
import zipfile

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableStyleInfo

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "nämndrapport-mall.xlsx")
FONT = "Calibri"
TITLE = Font(name=FONT, size=18, bold=True, color="8B1A1A")
H2 = Font(name=FONT, size=13, bold=True, color="8B1A1A")
BOLD = Font(name=FONT, bold=True)
HEAD_FILL = PatternFill("solid", fgColor="F2DCDB")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
MUTED = Font(name=FONT, italic=True, color="7F7F7F")
# Number formats. The [$-41D] prefix (Swedish) makes the thousands separator a space and the
# decimal separator a comma: 139 210,0 and 40 %, whatever the reader's own locale.
NUMBER = "[$-41D]#,##0.0"
CHANGE = "[$-41D]+#,##0.0;-#,##0.0;0.0"
PERCENT = "[$-41D]0\\ %"
COUNT = "[$-41D]0"
DATE = "yyyy-mm-dd"
TOP = Alignment(vertical="top")
TOP_WRAP = Alignment(vertical="top", wrap_text=True)
# One line per row where the text is short (activities, units): a longer text shrinks to fit.
TOP_SHRINK = Alignment(vertical="top", shrink_to_fit=True)
# A row of a block holds up to three wrapped lines of 11 pt text.
THREE_LINES = 45
TWO_LINES = 30


def logo() -> Image:
    """A small red-thread emblem (the 'logo' a municipality would place here)."""
    from PIL import Image as PILImage, ImageDraw

    img = PILImage.new("RGB", (120, 120), "white")
    d = ImageDraw.Draw(img)
    d.ellipse((8, 8, 112, 112), outline=(139, 26, 26), width=8)
    d.line((20, 90, 50, 40, 70, 80, 100, 30), fill=(139, 26, 26), width=6)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    image = Image(buf)
    image.width, image.height = 72, 72
    return image


def header(ws, row: int, titles: list[str]) -> None:
    for i, t in enumerate(titles, start=1):
        c = ws.cell(row=row, column=i, value=t)
        c.font = BOLD
        c.fill = HEAD_FILL
        c.border = BOX
        c.alignment = TOP_WRAP


def page(ws, landscape: bool = True) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddHeader.center.text = "{{kommun}} – {{nämnd}}"
    ws.oddHeader.right.text = "{{rapportdatum}}"
    ws.oddFooter.left.text = "{{period}}"
    ws.oddFooter.center.text = "Sida &P av &N"


def cover(wb: Workbook) -> None:
    ws = wb.active
    ws.title = "Rapport"
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 16
    ws["A1"] = "{{titel}}"
    ws["A1"].font = TITLE
    ws["A2"] = "{{kommun}} · {{nämnd}}"
    ws["A2"].font = H2
    rows = [
        ("Period", "{{period}}", None),
        ("Rapportdatum", "{{rapportdatum}}", DATE),
        ("Nyckeltal som uppnått målvärdet", "{{andel_nyckeltal_uppfyllda}}", PERCENT),
        ("Enheter som lämnat in", "{{enheter_inlämnade}}", COUNT),
        ("Försenade aktiviteter", "{{aktiviteter_försenade}}", COUNT),
    ]
    for i, (label, value, fmt) in enumerate(rows, start=4):
        ws.cell(row=i, column=1, value=label).font = BOLD
        c = ws.cell(row=i, column=2, value=value)
        if fmt:
            c.number_format = fmt
        c.alignment = Alignment(horizontal="left")
    ws["C7"] = "av {{enheter_förväntade}}"
    ws["A10"] = "{{#if antal_fel}}"
    ws["A11"] = "Underlaget har {{antal_fel}} fel – se bladet Kontroll innan rapporten lämnas."
    ws["A11"].font = Font(name=FONT, bold=True, color="C00000")
    ws["A12"] = "{{/if}}"
    ws["A14"] = "Till nyckeltalen"
    ws["A14"].hyperlink = "#'Nyckeltal'!A1"
    ws["A14"].font = Font(name=FONT, color="0563C1", underline="single")
    ws.add_image(logo(), "E1")
    page(ws, landscape=False)


def kpis(wb: Workbook) -> None:
    ws = wb.create_sheet("Nyckeltal")
    for col, width in zip("ABCDEFGHI", [12, 40, 27, 16, 12, 12, 12, 15, 12]):
        ws.column_dimensions[col].width = width
    ws["A1"] = "Nyckeltal – {{nämnd}}, {{period}}"
    ws["A1"].font = H2
    ws.merge_cells("A1:I1")
    header(ws, 3, ["Id", "Nyckeltal", "Enhet", "Målvärde", "Utfall", "Föregående", "Trend",
                   "Status", "Förändring"])
    ws["A4"] = "{{#each nyckeltal}}"
    body = ["{{id}}", "{{namn}}", "{{enhet}}", "{{målvärde}}", "{{utfall}}", "{{föregående}}",
            "{{trend}}", "{{status}}"]
    for i, v in enumerate(body, start=1):
        c = ws.cell(row=5, column=i, value=v)
        c.border = BOX
        c.alignment = TOP_WRAP
    ws.row_dimensions[5].height = THREE_LINES
    ws["E5"].number_format = NUMBER
    ws["F5"].number_format = NUMBER
    ws["I5"] = '=IF(AND(ISNUMBER(E5),ISNUMBER(F5)),E5-F5,"")'
    ws["I5"].number_format = CHANGE
    ws["I5"].border = BOX
    ws["I5"].alignment = TOP
    ws["A6"] = "{{/each}}"
    ws["A7"] = "Antal"
    ws["A7"].font = BOLD
    ws["B7"] = "=COUNTA(A4:A6)"
    ws["D7"] = "Andel uppnått"
    ws["D7"].font = BOLD
    ws["E7"] = '=IFERROR(COUNTIF(H5:H5,"Uppnått")/COUNTA(A5:A5),"")'
    ws["E7"].number_format = PERCENT
    ws["A8"] = "Uppnått"
    ws["A8"].font = BOLD
    ws["B8"] = '=COUNTIF(H4:H6,"Uppnått")'
    ws["A7"].comment = Comment("Räknas över alla rader i blocket ovan.", "Controller")
    ws["A10"] = "Källa: enheternas arbetsplaner och Kolada, sammanställda av RedThread."
    ws["A10"].font = MUTED
    ws.merge_cells("A10:I10")
    ws["A11"] = "Till kontrollen"
    ws["A11"].hyperlink = "#'Kontroll'!A1"
    ws["A11"].font = Font(name=FONT, color="0563C1", underline="single")
    ws["A12"] = "Bedömning"
    ws["B12"] = "Godkänd"
    dv_below = DataValidation(type="list", formula1='"Godkänd,Ej godkänd"', allow_blank=True)
    ws.add_data_validation(dv_below)
    dv_below.add("B12")
    # Status colours and a drop-down over the block's status column.
    green = PatternFill("solid", fgColor="C6EFCE")
    red = PatternFill("solid", fgColor="FFC7CE")
    ws.conditional_formatting.add(
        "H5:H5", FormulaRule(formula=['$H5="Uppnått"'], fill=green))
    ws.conditional_formatting.add(
        "H5:H5", FormulaRule(formula=['$H5="Ej uppnått"'], fill=red))
    ws.conditional_formatting.add(
        "B12", CellIsRule(operator="equal", formula=['"Ej godkänd"'], fill=red))
    dv = DataValidation(type="list", formula1='"Uppnått,Delvis uppnått,Ej uppnått"',
                        allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("H5:H5")
    chart = BarChart()
    chart.type = "col"
    chart.title = "Utfall per nyckeltal (logaritmisk skala)"
    chart.y_axis.title = "Utfall"
    chart.y_axis.scaling.logBase = 10
    chart.y_axis.number_format = "[$-41D]#,##0"
    chart.add_data(Reference(ws, min_col=5, min_row=3, max_row=5), titles_from_data=True)
    chart.add_data(Reference(ws, min_col=6, min_row=3, max_row=5), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=5, max_row=5))
    chart.width, chart.height = 26, 11
    ws.add_chart(chart, "A14")
    ws.row_breaks.append(Break(id=12))
    ws.print_title_rows = "3:3"
    ws.print_area = "A1:I40"
    page(ws)
    wb.defined_names["Utfall"] = DefinedName("Utfall", attr_text="Nyckeltal!$E$5:$E$5")


def activities(wb: Workbook) -> None:
    ws = wb.create_sheet("Aktiviteter")
    for col, width in zip("ABCDEF", [50, 27, 28, 12, 12, 14]):
        ws.column_dimensions[col].width = width
    ws["A1"] = "Aktiviteter {{period}}"
    ws["A1"].font = H2
    titles = ["Aktivitet", "Enhet", "Ansvarig", "Start", "Slut", "Status"]
    for i, t in enumerate(titles, start=1):
        ws.cell(row=3, column=i, value=t)
    ws["A4"] = "{{#each aktiviteter}}"
    for i, v in enumerate(["{{titel}}", "{{enhet}}", "{{ansvarig}}", "{{start}}", "{{slut}}",
                           "{{status}}"], start=1):
        ws.cell(row=5, column=i, value=v)
        ws.cell(row=5, column=i).alignment = TOP_SHRINK
    ws["D5"].number_format = DATE
    ws["E5"].number_format = DATE
    # Dates centred, so that a date does not run into the status beside it.
    for ref in ("D3", "E3"):
        ws[ref].alignment = Alignment(horizontal="center")
    for ref in ("D5", "E5"):
        ws[ref].alignment = Alignment(horizontal="center", vertical="top")
    ws["A6"] = "{{/each}}"
    table = Table(displayName="Aktiviteter", ref="A3:F6")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium3", showRowStripes=True)
    ws.add_table(table)
    ws["A8"] = "Antal aktiviteter: {{antal_aktiviteter}}"
    page(ws)


def units(wb: Workbook) -> None:
    ws = wb.create_sheet("Enheter")
    for col, width in zip("ABCD", [34, 12, 50, 8]):
        ws.column_dimensions[col].width = width
    ws["A1"] = "Enheter"
    ws["A1"].font = H2
    header(ws, 3, ["Enhet", "Inlämnad", "Fil", "Fel"])
    ws["A4"] = "{{#each enheter}}"
    for i, v in enumerate(["{{namn}}", "{{inlämnad}}", "{{fil}}", "{{fel}}"], start=1):
        c = ws.cell(row=5, column=i, value=v)
        c.border = BOX
        c.alignment = TOP_SHRINK
    ws["D5"].number_format = COUNT
    ws["A6"] = "{{#if not inlämnad}}"
    ws["A7"] = "↳ {{namn}} har inte lämnat in sin arbetsplan."
    ws["A7"].font = Font(name=FONT, italic=True, color="C00000")
    ws["A8"] = "{{/if}}"
    ws["A9"] = "{{/each}}"
    ws["A10"] = "Summa fel"
    ws["A10"].font = BOLD
    ws["D10"] = "=SUM(D4:D9)"
    page(ws, landscape=False)


def per_unit(wb: Workbook) -> None:
    ws = wb.create_sheet("{{#each enheter}}")
    for col, width in zip("ABCD", [12, 56, 12, 16]):
        ws.column_dimensions[col].width = width
    ws["A1"] = "{{namn}}"
    ws["A1"].font = H2
    ws["A2"] = "{{typ}} · {{antal_nyckeltal}} nyckeltal · {{antal_aktiviteter}} aktiviteter"
    header(ws, 3, ["Id", "Nyckeltal", "Utfall", "Status"])
    ws["A4"] = "{{#each nyckeltal}}"
    for i, v in enumerate(["{{id}}", "{{namn}}", "{{utfall}}", "{{status}}"], start=1):
        c = ws.cell(row=5, column=i, value=v)
        c.border = BOX
        c.alignment = TOP_WRAP
    ws.row_dimensions[5].height = TWO_LINES
    ws["C5"].number_format = NUMBER
    ws["A6"] = "{{/each}}"
    ws["A7"] = "Antal"
    ws["B7"] = "=COUNTA(B5:B5)"
    ws.print_area = "A1:D20"
    page(ws, landscape=False)
    ws.oddHeader.center.text = "{{namn}} – {{period}}"


def checks(wb: Workbook) -> None:
    ws = wb.create_sheet("Kontroll")
    for col, width in zip("ABCDE", [34, 16, 10, 60, 50]):
        ws.column_dimensions[col].width = width
    header(ws, 1, ["Fil", "Cell", "Allvar", "Meddelande", "Åtgärd"])
    ws["A2"] = "{{#each kontroll}}"
    for i, v in enumerate(["{{fil}}", "{{cell}}", "{{allvar}}", "{{meddelande}}", "{{åtgärd}}"],
                          start=1):
        c = ws.cell(row=3, column=i, value=v)
        c.alignment = TOP_WRAP
    ws.row_dimensions[3].height = THREE_LINES
    ws["A4"] = "{{/each}}"
    ws.freeze_panes = "A2"
    page(ws)


def save(wb: Workbook, path: str) -> None:
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re
                text = data.decode("utf-8")
                fixed = "2026-01-01T00:00:00Z"
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*", r"\g<1>" + fixed, text)
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", r"\g<1>" + fixed, text)
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def main() -> None:
    wb = Workbook()
    cover(wb)
    kpis(wb)
    activities(wb)
    units(wb)
    per_unit(wb)
    checks(wb)
    save(wb, OUT)
    print(OUT)


if __name__ == "__main__":
    main()
