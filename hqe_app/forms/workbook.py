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
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from hqe_app.forms import texts as T

FORMS = ("scoring", "recommendation")
FORM_TITLES = {"scoring": "评分表", "recommendation": "推荐表"}
FONT_NAME = "宋体"
THIN = Side(style="thin", color="000000")
ALL_SIDES = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
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


def scoring_sheet(ws: Worksheet | WriteOnlyWorksheet, f: Form) -> int:
	"""附件1 on an empty sheet: title, the application's lines, one row per indicator, the totals, the verdict.

	Written row by row (`ws.append`, each row's height set before it), so the same function draws the
	desk's export (a normal sheet) and `hqe-score -o` (a write-only sheet, thousands of them). Every
	text comes from `f` (forms.data.scoring_form). Returns the number of the last row written.
	"""
	widths = (6, 12, 7, 48, 12, 34)
	_widths(ws, widths)
	lines = _Lines(ws)
	lines.add([(f["annex"], SMALL, LEFT)], 18)
	lines.add([(f["title"], TITLE, CENTER)], 34, merges=["A{0}:F{0}"])
	lines.add([(f["subtitle"], BODY, CENTER)], 20, merges=["A{0}:F{0}"])
	info = f["info"]
	for (label1, value1), (label2, value2) in zip(info[::2], info[1::2], strict=True):
		lines.add(
			[
				(label1, BOLD, CENTER),
				None,
				(value1, BODY, LEFT),
				None,
				(label2, BOLD, CENTER),
				(value2, BODY, LEFT),
			],
			24,
			merges=["A{0}:B{0}", "C{0}:D{0}"],
			boxed=True,
		)
	header = lines.add([(label, BOLD, CENTER, HEADER_FILL) for label in f["header"]], 22, boxed=True)
	for r in f["rows"]:
		# SMALL (10 pt) text: about 1.1 characters per unit of column width
		wrapped = max(_lines(r["method"], widths[3] * 1.1 - 2), _lines(r["basis"], widths[5] * 1.1 - 2), 1)
		span = r["rowspan"] > 1
		lines.add(
			[
				(r["number"], BODY, CENTER) if r["rowspan"] else None,
				(r["item"], BODY, CENTER) if r["rowspan"] else None,
				(_number(r["max_points"]), BODY, CENTER),
				(r["method"], SMALL, LEFT),
				(_number(r["points"]), BOLD, CENTER),
				(r["basis"], SMALL, LEFT),
			],
			wrapped * POINTS_PER_LINE + 6,
			merges=["A{0}:A{1}", "B{0}:B{1}"] if span else [],
			boxed=True,
			down=r["rowspan"] - 1,
		)
	for total in f["totals"]:
		lines.add(
			[(total["label"], BOLD, CENTER), None, (_number(total["max"]), BODY, CENTER), None,
			 (_number(total["points"]), BOLD, CENTER), None],
			22,
			merges=["A{0}:B{0}"],
			boxed=True,
		)  # fmt: skip
	last = lines.add(
		[(f["pass_mark_label"], BOLD, CENTER), None, (_number(f["pass_mark"]), BODY, CENTER),
		 (f["verdict"], BOLD, CENTER), None, None],
		22,
		merges=["A{0}:B{0}", "D{0}:F{0}"],
		boxed=True,
	)  # fmt: skip
	_page(ws, f"A1:F{last}", one_page=False)
	ws.print_title_rows = f"{header}:{header}"
	return last


class _Lines:
	"""Rows appended to a normal or a write-only sheet: values with their style, height, merges, borders."""

	def __init__(self, ws: Worksheet | WriteOnlyWorksheet) -> None:
		self.ws, self.row = ws, 0

	def add(
		self,
		cells: list[tuple | None],
		height: float,
		merges: Iterable[str] = (),
		boxed: bool = False,
		down: int = 0,
	) -> int:
		"""Append one row; a merge "A{0}:A{1}" spans from this row down `down` more rows."""
		self.row += 1
		self.ws.row_dimensions[self.row].height = height  # before the row: a write-only sheet streams it
		row = []
		for spec in cells:
			value, font, alignment, fill = (*spec, None)[:4] if spec else (None, None, None, None)
			cell = WriteOnlyCell(self.ws, value=value)
			if font or fill or boxed:
				cell.style = _named_style(self.ws.parent, font, alignment, fill, ALL_SIDES if boxed else None)
			row.append(cell)
		self.ws.append(row)
		for ref in merges:
			self.ws.merged_cells.add(CellRange(ref.format(self.row, self.row + down)))
		return self.row


def _named_style(wb: Workbook, font, alignment, fill, border) -> str:
	"""The workbook's named style of this look, registered once: thousands of sheets reuse a handful of
	looks, and a named style is set on a cell by name instead of indexing each part again."""
	parts = (font, alignment, fill, border)
	key = tuple(id(part) for part in parts)  # the module's own style objects: hashing them would cost more
	name = f"hqe-{_LOOKS.setdefault(key, len(_LOOKS))}"
	if name not in wb.named_styles:
		style = NamedStyle(name=name)
		for attribute, part in zip(("font", "alignment", "fill", "border"), parts, strict=True):
			if part is not None:
				setattr(style, attribute, part)
		wb.add_named_style(style)
	return name


#: Each look (ids of the module's font, alignment, fill, border) → its number in the named styles' names.
_LOOKS: dict[tuple[int, ...], int] = {}


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
	ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
	ws.page_setup.orientation = Worksheet.ORIENTATION_PORTRAIT
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
