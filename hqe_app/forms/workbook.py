"""附件1 (评分表) and 附件2 (推荐表) as Excel sheets, one per application, laid out like the print formats.

Frappe-free: takes the plain dicts of forms.data and returns an openpyxl workbook or its bytes.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from hqe_app.forms import texts as T

FORMS = ("scoring", "recommendation")
FORM_TITLES = {"scoring": "评分表", "recommendation": "推荐表"}
FONT_NAME = "宋体"
THIN = Side(style="thin", color="000000")
TITLE = Font(name=FONT_NAME, size=18, bold=True)
BOLD = Font(name=FONT_NAME, size=11, bold=True)
BODY = Font(name=FONT_NAME, size=11)
SMALL = Font(name=FONT_NAME, size=10)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
POINTS_PER_LINE = 14.5  # row height of one wrapped line of 10–11 pt text

Form = Mapping[str, Any]


def build_workbook(form: str, forms: Iterable[Form]) -> Workbook:
	"""A workbook with one sheet per application's form ("scoring" = 附件1, "recommendation" = 附件2)."""
	if form not in FORMS:
		raise ValueError(f"unknown form {form!r}; use one of {', '.join(FORMS)}")
	write: Callable[[Worksheet, Form], None] = scoring_sheet if form == "scoring" else recommendation_sheet
	wb = Workbook()
	wb.remove(wb.active)
	titles: set[str] = set()
	for data in forms:
		ws = wb.create_sheet(sheet_title(data.get("community_name") or data.get("name") or "", titles))
		write(ws, data)
	if not wb.worksheets:
		raise ValueError("no application to export")
	return wb


def workbook_bytes(form: str, forms: Iterable[Form]) -> bytes:
	buffer = io.BytesIO()
	build_workbook(form, forms).save(buffer)
	return buffer.getvalue()


def sheet_title(name: str, taken: set[str]) -> str:
	"""A legal sheet name (≤ 31 characters) not yet in `taken` (compared case-insensitively)."""
	base = BAD_SHEET_CHARS.sub("_", name).strip("'") or "Sheet"
	title, n = base[:31], 1
	while title.lower() in taken:
		n += 1
		suffix = f"({n})"
		title = base[: 31 - len(suffix)] + suffix
	taken.add(title.lower())
	return title


def recommendation_sheet(ws: Worksheet, f: Form) -> None:
	"""附件2: six columns, so the three opinion blocks are two columns each under the 4-cell rows."""
	_widths(ws, (15, 15, 14, 13, 14, 15))
	_cell(ws, "A1", T.RECOMMENDATION_ANNEX, SMALL, LEFT)
	_merge(ws, "A2:F2", T.RECOMMENDATION_TITLE, TITLE, CENTER)
	ws.row_dimensions[1].height = 18
	ws.row_dimensions[2].height = 42
	for row, (label1, value1, label2, value2) in (
		(3, (T.COMMUNITY_NAME, f["community_name"], T.CONTACT_PERSON, f["contact_person"])),
		(4, (T.ADDRESS, f["address"], T.CONTACT_PHONE, f["phone"])),
	):
		_cell(ws, f"A{row}", label1, BOLD, CENTER)
		_merge(ws, f"B{row}:C{row}", value1, BODY, LEFT)
		_cell(ws, f"D{row}", label2, BOLD, CENTER)
		_merge(ws, f"E{row}:F{row}", value2, BODY, LEFT)
		ws.row_dimensions[row].height = 40
		_box(ws, row, 1, row, 1)
		_box(ws, row, 2, row, 3)
		_box(ws, row, 4, row, 4)
		_box(ws, row, 5, row, 6)
	_cell(ws, "A5", "\n".join(T.ACHIEVEMENTS_LINES), BOLD, CENTER)
	_merge(ws, "B5:F5", f["achievements"], BODY, TOP_LEFT)
	ws.row_dimensions[5].height = max(250, _lines(f["achievements"], 68) * POINTS_PER_LINE + 10)
	_box(ws, 5, 1, 5, 1)
	_box(ws, 5, 2, 5, 6)
	for block, opinion in enumerate(f["opinions"]):
		first, last = 1 + 2 * block, 2 + 2 * block
		cols = f"{_col(first)}{{0}}:{_col(last)}{{0}}"
		_merge(ws, cols.format(6), opinion["heading"], BOLD, TOP_LEFT)
		_merge(ws, cols.format(7), opinion["text"], BODY, TOP_LEFT)
		_merge(ws, cols.format(8), opinion["seal"], BODY, RIGHT)
		_merge(ws, cols.format(9), opinion["date"], BODY, RIGHT)
		_box(ws, 6, first, 9, last)
	ws.row_dimensions[6].height = 36
	ws.row_dimensions[7].height = 190
	ws.row_dimensions[8].height = 22
	ws.row_dimensions[9].height = 26
	_page(ws, "A1:F9", one_page=True)


def scoring_sheet(ws: Worksheet, f: Form) -> None:
	"""附件1: the application's header, one row per indicator, then base, bonus, total and the verdict."""
	widths = (6, 12, 7, 48, 12, 34)
	_widths(ws, widths)
	_cell(ws, "A1", T.SCORING_ANNEX, SMALL, LEFT)
	_merge(ws, "A2:F2", T.SCORING_TITLE, TITLE, CENTER)
	ws.row_dimensions[2].height = 34
	for row, (label1, value1, label2, value2) in (
		(3, (T.COMMUNITY_NAME, f["community_name"], T.YEAR, f["year"])),
		(4, (T.TOWNSHIP, f["township"], T.COUNTY, f["county"])),
	):
		_merge(ws, f"A{row}:B{row}", label1, BOLD, CENTER)
		_merge(ws, f"C{row}:D{row}", value1, BODY, LEFT)
		_cell(ws, f"E{row}", label2, BOLD, CENTER)
		_cell(ws, f"F{row}", value2, BODY, LEFT)
		ws.row_dimensions[row].height = 24
		for span in ((1, 2), (3, 4), (5, 5), (6, 6)):
			_box(ws, row, span[0], row, span[1])
	header = 5
	for column, label in enumerate(T.SCORING_HEADER, start=1):
		cell = _cell(ws, f"{_col(column)}{header}", label, BOLD, CENTER)
		cell.fill = HEADER_FILL
		_box(ws, header, column, header, column)
	ws.row_dimensions[header].height = 22
	row = header
	for r in f["rows"]:
		row += 1
		if r["rowspan"]:
			span = f"{{0}}{row}:{{0}}{row + r['rowspan'] - 1}"
			_merge(ws, span.format("A"), r["number"], BODY, CENTER)
			_merge(ws, span.format("B"), r["item"], BODY, CENTER)
			_box(ws, row, 1, row + r["rowspan"] - 1, 1)
			_box(ws, row, 2, row + r["rowspan"] - 1, 2)
		_cell(ws, f"C{row}", _number(r["max_points"]), BODY, CENTER)
		_cell(ws, f"D{row}", r["method"], SMALL, LEFT)
		_cell(ws, f"E{row}", _number(r["points"]), BOLD, CENTER)
		_cell(ws, f"F{row}", r["basis"], SMALL, LEFT)
		for column in range(3, 7):
			_box(ws, row, column, row, column)
		# SMALL (10 pt) text: about 1.1 characters per unit of column width
		lines = max(_lines(r["method"], widths[3] * 1.1 - 2), _lines(r["basis"], widths[5] * 1.1 - 2), 1)
		ws.row_dimensions[row].height = lines * POINTS_PER_LINE + 6
	for label, maximum, value in (
		(T.BASE_SCORE, f["base_max"], f["base_score"]),
		(T.BONUS_SCORE, f["bonus_max"], f["bonus_score"]),
		(T.TOTAL_SCORE, f["total_max"], f["total_score"]),
	):
		row += 1
		_merge(ws, f"A{row}:B{row}", label, BOLD, CENTER)
		_cell(ws, f"C{row}", _number(maximum), BODY, CENTER)
		_cell(ws, f"E{row}", _number(value), BOLD, CENTER)
		_summary_borders(ws, row)
	row += 1
	_merge(ws, f"A{row}:B{row}", T.PASS_MARK, BOLD, CENTER)
	_cell(ws, f"C{row}", _number(f["pass_mark"]), BODY, CENTER)
	_merge(ws, f"D{row}:F{row}", f["verdict"], BOLD, CENTER)
	_summary_borders(ws, row, verdict=True)
	_page(ws, f"A1:F{row}", one_page=False)
	ws.print_title_rows = f"{header}:{header}"


def _summary_borders(ws: Worksheet, row: int, verdict: bool = False) -> None:
	ws.row_dimensions[row].height = 22
	spans = ((1, 2), (3, 3), (4, 6)) if verdict else ((1, 2), (3, 3), (4, 4), (5, 5), (6, 6))
	for first, last in spans:
		_box(ws, row, first, row, last)


def _col(index: int) -> str:
	return chr(ord("A") + index - 1)


def _widths(ws: Worksheet, widths: Iterable[float]) -> None:
	for index, width in enumerate(widths, start=1):
		ws.column_dimensions[_col(index)].width = width


def _cell(ws: Worksheet, ref: str, value: Any, font: Font, alignment: Alignment):
	cell = ws[ref]
	cell.value = value
	cell.font, cell.alignment = font, alignment
	return cell


def _merge(ws: Worksheet, ref: str, value: Any, font: Font, alignment: Alignment) -> None:
	ws.merge_cells(ref)
	_cell(ws, ref.split(":")[0], value, font, alignment)


def _box(ws: Worksheet, min_row: int, min_col: int, max_row: int, max_col: int) -> None:
	"""A thin outline around a block of cells (each edge cell of a merged range carries its part)."""
	for row in range(min_row, max_row + 1):
		for col in range(min_col, max_col + 1):
			cell = ws.cell(row=row, column=col)
			cell.border = Border(
				left=THIN if col == min_col else cell.border.left,
				right=THIN if col == max_col else cell.border.right,
				top=THIN if row == min_row else cell.border.top,
				bottom=THIN if row == max_row else cell.border.bottom,
			)


def _page(ws: Worksheet, area: str, one_page: bool) -> None:
	"""A4 portrait, centred, scaled to the page width (and height, for the one-page 推荐表)."""
	ws.page_setup.paperSize = ws.PAPERSIZE_A4
	ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
	ws.sheet_properties.pageSetUpPr.fitToPage = True
	ws.page_setup.fitToWidth = 1
	ws.page_setup.fitToHeight = 1 if one_page else 0
	ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.7, bottom=0.7, header=0.3, footer=0.3)
	ws.print_options.horizontalCentered = True
	ws.print_area = area


def _number(text: str) -> float | int | str:
	"""A points string of forms.data as the number it shows (5 → 5, 4.5 → 4.5)."""
	if text in ("", None):
		return ""
	value = float(text)
	return int(value) if value.is_integer() else value


def _lines(text: str, width: float) -> int:
	"""Wrapped lines of `text` in a column `width` characters wide (a CJK character is two)."""
	lines = 0
	for paragraph in str(text or "").split("\n"):
		units = sum(2 if ord(ch) > 0x2E7F else 1 for ch in paragraph)
		lines += max(1, math.ceil(units / max(width, 1)))
	return lines
