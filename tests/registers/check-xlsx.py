#!/usr/bin/python3
"""Reads back a register written by Salesroom and checks it as the tests expect:
  check-xlsx.py FILE.xlsx EXPECT.json
EXPECT holds: title (a piece of A1), heads (row 4), rows (data rows in all sheets),
grouping (none, sheets, sections), totals {column letter: value} (the last sheet's or the
whole register's), types {column letter: money|date|datetime|text|number}.
Prints what is wrong and exits 1; exits 0 when all is right."""
import datetime, json, sys
import openpyxl

path, expect = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
wrong = []
wb = openpyxl.load_workbook(path)
values = openpyxl.load_workbook(path, data_only=True)
rows = 0
for ws in wb.worksheets:
    name = ws.title
    if len(name) > 31 or any(c in name for c in "[]:*?/\\"):
        wrong.append("bad sheet name %r" % name)
    if expect["title"] not in str(ws["A1"].value):
        wrong.append("%s: A1 is %r" % (name, ws["A1"].value))
    heads = [c.value for c in ws[4]]
    if heads != expect["heads"]:
        wrong.append("%s: header %r" % (name, heads))
    if ws.freeze_panes != "A5":
        wrong.append("%s: frozen at %r" % (name, ws.freeze_panes))
    if not (ws.auto_filter.ref or "").startswith("A4:"):
        wrong.append("%s: autofilter %r" % (name, ws.auto_filter.ref))
    if ws.page_setup.orientation != "landscape" or str(ws.page_setup.paperSize) != "9":
        wrong.append("%s: page %r %r" % (name, ws.page_setup.orientation, ws.page_setup.paperSize))
    if not ws.sheet_properties.pageSetUpPr.fitToPage or ws.page_setup.fitToWidth not in (None, 1, "1"):
        wrong.append("%s: not one page wide" % name)
    if ws.print_title_rows != "$4:$4":
        wrong.append("%s: repeated rows %r" % (name, ws.print_title_rows))
    if "&P" not in (ws.oddFooter.center.text or ""):
        wrong.append("%s: footer %r" % (name, ws.oddFooter.center.text))
    data = []
    for r in range(5, ws.max_row + 1):
        first = ws.cell(r, 1)
        row_values = [ws.cell(r, c).value for c in range(1, ws.max_column + 1)]
        if first.font.b:          # a section's name, a subtotal, the total
            continue
        if all(v is None for v in row_values):
            continue
        data.append(r)
    rows += len(data)
    for letter, kind in expect.get("types", {}).items():
        for r in data[:50]:
            cell = ws["%s%d" % (letter, r)]
            v = cell.value
            if v is None:
                continue
            ok = {"money": isinstance(v, (int, float)) and "¥" in cell.number_format,
                  "number": isinstance(v, (int, float)),
                  "date": isinstance(v, datetime.datetime) and cell.number_format == "yyyy-mm-dd",
                  "datetime": isinstance(v, datetime.datetime),
                  "text": isinstance(v, str) and cell.data_type == "s"}[kind]
            if not ok:
                wrong.append("%s!%s%d: %r (%s) is not %s" % (name, letter, r, v, cell.number_format, kind))
                break
last = values.worksheets[-1]
for letter, want in expect.get("totals", {}).items():
    formula = wb.worksheets[-1]["%s%d" % (letter, last.max_row)].value
    got = last["%s%d" % (letter, last.max_row)].value
    if not str(formula).startswith("=SUBTOTAL(9,"):
        wrong.append("total %s is %r" % (letter, formula))
    if got is None or abs(float(got) - float(want)) > 0.005:
        wrong.append("total %s stored %r, want %r" % (letter, got, want))
if rows != expect["rows"]:
    wrong.append("%d data rows, want %d" % (rows, expect["rows"]))
for w in wrong:
    print(w)
sys.exit(1 if wrong else 0)
