"""Write the data template: the Chinese header row, the field-name row, and a sheet explaining each column."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from hqe_app.excel_io.columns import DATA_SHEET, HELP_SHEET, columns
from hqe_app.i18n import Translator
from hqe_app.scoring.scheme import Scheme

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
NAME_FONT = Font(color="808080", size=9)
FIRST_DATA_ROW = 3
VALIDATED_ROWS = 2000


def write_template(path: str | Path, scheme: Scheme, _: Translator) -> None:
	wb = Workbook()
	ws = wb.active
	ws.title = DATA_SHEET
	cols = columns(scheme, _)
	checks = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
	ws.add_data_validation(checks)
	for index, col in enumerate(cols, start=1):
		letter = get_column_letter(index)
		head = ws.cell(row=1, column=index, value=col.label)
		head.font, head.fill = HEADER_FONT, HEADER_FILL
		head.alignment = Alignment(wrap_text=True, vertical="center")
		ws.cell(row=2, column=index, value=col.name).font = NAME_FONT
		ws.column_dimensions[letter].width = max(12, min(30, len(col.label) * 2 + 2))
		cells = f"{letter}{FIRST_DATA_ROW}:{letter}{VALIDATED_ROWS}"
		if col.kind == "check":
			checks.add(cells)
		elif col.kind == "select":
			options = ",".join(_(o) for o in col.spec.options)
			choice = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
			ws.add_data_validation(choice)
			choice.add(cells)
	ws.row_dimensions[1].height = 60
	ws.freeze_panes = f"B{FIRST_DATA_ROW}"

	help_ws = wb.create_sheet(HELP_SHEET)
	help_ws.append([_("Field"), _("Column"), _("Section"), _("How to fill in")])
	sections = dict(scheme.sections)
	for col in cols:
		section = _(sections[col.spec.section]) if col.spec else ""
		help_ws.append([col.name, col.label, section, col.help])
	help_ws.append([])
	help_ws.append(["", _("Fill one row per application from row 3; every cell is required.")])
	for cell in help_ws[1]:
		cell.font, cell.fill = HEADER_FONT, HEADER_FILL
	for letter, width in zip("ABCD", (32, 44, 18, 60), strict=True):
		help_ws.column_dimensions[letter].width = width
	help_ws.freeze_panes = "A2"
	wb.save(path)
