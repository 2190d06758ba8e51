"""The 认定文件 / 公示 lists (forms.document_lists) as an Excel sheet, in the styles of forms.workbook.

Frappe-free: one sheet with the title, the notice's text, the list (序号, county, township, community,
score) with its header repeated on every printed page, and the issuer and date; A4 portrait.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from hqe_app.forms.workbook import (
	BODY,
	BOLD,
	CENTER,
	HEADER_FILL,
	LEFT,
	POINTS_PER_LINE,
	RIGHT,
	SMALL,
	TITLE,
	TOP_LEFT,
	_box,
	_cell,
	_lines,
	_merge,
	_number,
	_page,
	_widths,
)

WIDTHS = (7, 16, 18, 30, 11)


def list_sheet(ws: Worksheet, data: Mapping[str, Any]) -> int:
	"""Write one list on an empty sheet; returns the last row."""
	_widths(ws, WIDTHS)
	row = 1
	if data["heading"]:
		_merge(ws, f"A{row}:E{row}", data["heading"], TITLE, CENTER)
		ws.row_dimensions[row].height = 34
		row += 1
	if data["number"]:
		_merge(ws, f"A{row}:E{row}", data["number"], BODY, CENTER)
		ws.row_dimensions[row].height = 22
		row += 1
	_merge(ws, f"A{row}:E{row}", data["title"], BOLD, CENTER)
	ws.row_dimensions[row].height = 30
	row += 1
	if data["addressee"]:
		_merge(ws, f"A{row}:E{row}", data["addressee"], BODY, LEFT)
		row += 1
	_merge(ws, f"A{row}:E{row}", "　　" + data["body"], BODY, TOP_LEFT)
	ws.row_dimensions[row].height = _lines(data["body"], sum(WIDTHS) * 0.9) * POINTS_PER_LINE + 8
	row += 1
	for text in (data["issuer"], data["date"]):
		_merge(ws, f"A{row}:E{row}", text, BODY, RIGHT)
		row += 1
	row += 1
	if data["annex"]:
		_cell(ws, f"A{row}", data["annex"], SMALL, LEFT)
		row += 1
	_merge(ws, f"A{row}:E{row}", data["list_title"], BOLD, CENTER)
	ws.row_dimensions[row].height = 26
	row += 1
	header = row
	for col, label in enumerate(data["header"], start=1):
		cell = ws.cell(row=row, column=col, value=label)
		cell.font, cell.alignment, cell.fill = BOLD, CENTER, HEADER_FILL
	_box_row(ws, row)
	for values in data["rows"]:
		row += 1
		for col, value in enumerate(values, start=1):
			cell = ws.cell(row=row, column=col, value=_number(value) if col == 5 else value)
			cell.font, cell.alignment = BODY, CENTER if col in (1, 5) else LEFT
		_box_row(ws, row)
	_page(ws, f"A1:E{row}", one_page=False)
	ws.print_title_rows = f"{header}:{header}"
	return row


def _box_row(ws: Worksheet, row: int) -> None:
	for col in range(1, len(WIDTHS) + 1):
		_box(ws, row, col, row, col)


def list_workbook_bytes(data: Mapping[str, Any]) -> bytes:
	wb = Workbook()
	ws = wb.active
	ws.title = data["sheet"]
	list_sheet(ws, data)
	buffer = io.BytesIO()
	wb.save(buffer)
	return buffer.getvalue()
