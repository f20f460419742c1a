"""Makes the fixtures of the XLSX editing layer's tests (python3 make_fixtures.py; openpyxl).

Zip timestamps are fixed, so reruns give the same bytes.
"""
import io
import zipfile

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill


def fixed(path, data):
    """Rewrites a zip with every entry at 1980-01-01, in the same order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            fresh = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fresh.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fresh, src.read(info.filename))


def existing_notes():
    """Two sheets; 'Mål' has a note on A1 by another author, a styled number in B2 (0.0 %),
    a sheet-scoped defined name, and is the selected tab; 'Tom' is empty."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Mål"
    ws["A1"] = "Rubrik"
    ws["A1"].comment = Comment("Skriv målets namn här.", "Mallens författare")
    ws["B2"] = 0.875
    ws["B2"].number_format = "0.0 %"
    ws["B2"].font = Font(bold=True)
    ws["C3"] = "text"
    ws["C3"].fill = PatternFill("solid", fgColor="FFFF00")
    ws["A5"] = "rad fem"
    wb.create_sheet("Tom")
    other = wb.create_sheet("Data")
    other["A1"] = 1
    other["B1"] = "=A1*2"
    wb.defined_names["Utskrift"] = openpyxl.workbook.defined_name.DefinedName(
        "Utskrift", localSheetId=2, attr_text="Data!$A$1:$B$1")
    buffer = io.BytesIO()
    wb.save(buffer)
    fixed("existing-notes.xlsx", buffer.getvalue())


existing_notes()
