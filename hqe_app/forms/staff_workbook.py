"""The staff workbook as a file: the template to download and the reading of a filled one (Frappe-free)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from hqe_app.programme.staff import COLUMNS, LEVEL_LABELS, STATUS_LABELS, Translator, records_from_table

SHEET, HELP_SHEET = "人员名单", "填写说明"
BOLD = Font(bold=True)
FILL = PatternFill("solid", fgColor="F2F2F2")
WIDTHS = {"full_name": 12, "mobile_no": 15, "email": 28, "level": 12, "node": 22, "parent": 16, "status": 8}


def template_bytes(_: Translator, rows: Iterable[Mapping[str, object]] = ()) -> bytes:
	"""The template: the header row, drop-downs for level and status, `rows` if given, and a help sheet."""
	book = Workbook()
	sheet = book.active
	sheet.title = SHEET
	sheet.append([c.label for c in COLUMNS])
	for cell, column in zip(sheet[1], COLUMNS, strict=True):
		cell.font, cell.fill = BOLD, FILL
		sheet.column_dimensions[cell.column_letter].width = WIDTHS[column.key]
	for row in rows:
		sheet.append([row.get(c.key, "") for c in COLUMNS])
	letters = {c.key: sheet.cell(1, i).column_letter for i, c in enumerate(COLUMNS, start=1)}
	for key, labels in (("level", LEVEL_LABELS.values()), ("status", STATUS_LABELS.values())):
		choice = DataValidation(type="list", formula1='"{}"'.format(",".join(labels)), allow_blank=True)
		sheet.add_data_validation(choice)
		choice.add(f"{letters[key]}2:{letters[key]}100000")
	sheet.freeze_panes = "A2"
	help_sheet = book.create_sheet(HELP_SHEET)
	help_sheet.append([_("Column"), _("How to fill it")])
	for cell in help_sheet[1]:
		cell.font, cell.fill = BOLD, FILL
	for column in COLUMNS:
		help_sheet.append([column.label, _(column.help)])
	help_sheet.column_dimensions["A"].width = 12
	help_sheet.column_dimensions["B"].width = 90
	for row in help_sheet.iter_rows(min_row=2):
		row[1].alignment = Alignment(wrap_text=True)
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def read_records(path: str | Path) -> list[tuple[int, dict[str, object]]]:
	"""(row number, values by column key) of the first sheet; ValueError names missing columns."""
	book = load_workbook(path, read_only=True, data_only=True)
	try:
		return records_from_table(book.worksheets[0].iter_rows(values_only=True))
	finally:
		book.close()
