"""附件1 (评分表) and 附件2 (推荐表) as Excel sheets, one per application, laid out like the print formats.

Frappe-free: takes the plain dicts of forms.data and returns an openpyxl workbook or its bytes.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
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
_NARROW = re.compile("[\x00-\u2e7f]+")  # characters one unit wide; CJK (U+2E80 on) takes two

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


class Look:
	"""A cell's font, alignment, fill and border, made once (`look`) and shared by every cell that has it.

	A sheet's cells share a handful of looks, so a writer resolves each to a workbook style once
	instead of once per cell. `number` names the look's named style (`hqe-<number>`).
	"""

	__slots__ = ("alignment", "border", "fill", "font", "number")

	def __init__(
		self,
		font: Font | None,
		alignment: Alignment | None,
		fill: PatternFill | None,
		border: Border | None,
		number: int,
	) -> None:
		self.font, self.alignment, self.fill, self.border, self.number = font, alignment, fill, border, number

	def __bool__(self) -> bool:
		return any(part is not None for part in (self.font, self.alignment, self.fill, self.border))


def look(
	font: Font | None = None,
	alignment: Alignment | None = None,
	fill: PatternFill | None = None,
	border: Border | None = None,
) -> Look:
	"""The one Look of these style objects (compared by identity: hashing openpyxl styles is slow)."""
	key = (id(font), id(alignment), id(fill), id(border))
	found = _LOOKS.get(key)
	if found is None:  # the Look holds its parts, so their ids stay theirs while it is cached
		found = _LOOKS[key] = Look(font, alignment, fill, border, len(_LOOKS))
	return found


_LOOKS: dict[tuple[int, int, int, int], Look] = {}


class Line(NamedTuple):
	"""One row of a laid-out sheet: a (value, look) per column (None: no cell), its height (None: the
	default) and the ranges merged from it."""

	cells: tuple[tuple[Any, Look] | None, ...]
	height: float | None = None
	merges: tuple[str, ...] = ()


class Layout(NamedTuple):
	"""A sheet as data, drawn the same on a normal sheet (`draw`) and as streamed XML (forms.streamed)."""

	widths: tuple[float, ...]
	lines: list[Line]
	print_titles: str | None = None  # rows repeated on each printed page, "6:6"
	print_area: str | None = None  # "A1:F22"
	one_page: bool | None = None  # A4, scaled to one page or to the page width (`_page`); None: no setup
	freeze: str | None = None  # the top left cell of the unfrozen panes, "A2"


SCORING_WIDTHS = (6, 12, 7, 48, 12, 34)
# The looks of 附件1, made once (in the order the named styles hqe-0… have always been numbered). Below
# the title every row is boxed: each cell, an empty one too, has a thin border, so merged ranges show theirs.
_ANNEX, _TITLE, _SUBTITLE = look(SMALL, LEFT), look(TITLE, CENTER), look(BODY, CENTER)
_STRONG = look(BOLD, CENTER, border=ALL_SIDES)  # labels, points
_EMPTY = (None, look(border=ALL_SIDES))
_VALUE = look(BODY, LEFT, border=ALL_SIDES)
_HEADING = look(BOLD, CENTER, HEADER_FILL, ALL_SIDES)
_PLAIN = look(BODY, CENTER, border=ALL_SIDES)  # 序号, 建设项目, 分值
_TEXT = look(SMALL, LEFT, border=ALL_SIDES)  # 评分办法, 评分依据


def scoring_layout(f: Form) -> Layout:
	"""附件1: title, the application's lines, one row per indicator, the totals, the verdict.

	Every text comes from `f` (forms.data.scoring_form); the desk's export and `hqe-score -o` both
	draw this layout, so the two show the same cells.
	"""
	lines = _Lines()
	lines.add([(f["annex"], _ANNEX)], 18)
	lines.add([(f["title"], _TITLE)], 34, ["A{0}:F{0}"])
	lines.add([(f["subtitle"], _SUBTITLE)], 20, ["A{0}:F{0}"])
	info = f["info"]
	for (label1, value1), (label2, value2) in zip(info[::2], info[1::2], strict=True):
		lines.add(
			[(label1, _STRONG), _EMPTY, (value1, _VALUE), _EMPTY, (label2, _STRONG), (value2, _VALUE)],
			24,
			["A{0}:B{0}", "C{0}:D{0}"],
		)
	header = lines.add([(label, _HEADING) for label in f["header"]], 22)
	# SMALL (10 pt) text: about 1.1 characters per unit of column width
	method_width, basis_width = SCORING_WIDTHS[3] * 1.1 - 2, SCORING_WIDTHS[5] * 1.1 - 2
	for r in f["rows"]:
		wrapped = max(_lines(r["method"], method_width), _lines(r["basis"], basis_width), 1)
		first = r["rowspan"] > 0  # a row of a merged 序号 leaves the first two cells to the first row
		lines.add(
			[
				(r["number"], _PLAIN) if first else _EMPTY,
				(r["item"], _PLAIN) if first else _EMPTY,
				(_number(r["max_points"]), _PLAIN),
				(r["method"], _TEXT),
				(_number(r["points"]), _STRONG),
				(r["basis"], _TEXT),
			],
			wrapped * POINTS_PER_LINE + 6,
			["A{0}:A{1}", "B{0}:B{1}"] if r["rowspan"] > 1 else (),
			down=r["rowspan"] - 1,
		)
	for total in f["totals"]:
		lines.add(
			[(total["label"], _STRONG), _EMPTY, (_number(total["max"]), _PLAIN), _EMPTY,
			 (_number(total["points"]), _STRONG), _EMPTY],
			22,
			["A{0}:B{0}"],
		)  # fmt: skip
	last = lines.add(
		[(f["pass_mark_label"], _STRONG), _EMPTY, (_number(f["pass_mark"]), _PLAIN),
		 (f["verdict"], _STRONG), _EMPTY, _EMPTY],
		22,
		["A{0}:B{0}", "D{0}:F{0}"],
	)  # fmt: skip
	return Layout(SCORING_WIDTHS, lines.lines, f"{header}:{header}", f"A1:F{last}", one_page=False)


def scoring_sheet(ws: Worksheet, f: Form) -> int:
	"""附件1 (`scoring_layout`) on an empty normal sheet; returns the number of the last row written."""
	return draw(ws, scoring_layout(f))


def draw(ws: Worksheet, layout: Layout) -> int:
	"""A layout on an empty normal sheet, row by row; returns the number of the last row written."""
	_widths(ws, layout.widths)
	wb = ws.parent
	for row, line in enumerate(layout.lines, start=1):
		if line.height is not None:
			ws.row_dimensions[row].height = line.height
		cells = []
		for spec in line.cells:
			value, cell_look = spec or (None, None)
			cell = WriteOnlyCell(ws, value=value)
			if cell_look:
				cell.style = named_style(wb, cell_look)
			cells.append(cell)
		ws.append(cells)
		for ref in line.merges:
			ws.merged_cells.add(CellRange(ref))
	last = len(layout.lines)
	if layout.one_page is not None:
		_page(ws, layout.print_area, layout.one_page)
	if layout.freeze:
		ws.freeze_panes = layout.freeze
	if layout.print_titles:
		ws.print_title_rows = layout.print_titles
	return last


class _Lines:
	"""Lines laid out one after another, each knowing its row number for its merged ranges."""

	def __init__(self) -> None:
		self.lines: list[Line] = []

	def add(
		self,
		cells: list[tuple[Any, Look] | None],
		height: float | None,
		merges: Iterable[str] = (),
		down: int = 0,
	) -> int:
		"""Add one row; returns its number. A merge "A{0}:A{1}" spans from this row down `down` more rows."""
		row = len(self.lines) + 1
		self.lines.append(Line(tuple(cells), height, tuple(ref.format(row, row + down) for ref in merges)))
		return row


def named_style(wb: Workbook, cell_look: Look) -> str:
	"""The workbook's named style of this look, registered once: thousands of sheets reuse a handful of
	looks, and a named style is set on a cell by name instead of indexing each part again."""
	name = f"hqe-{cell_look.number}"
	if name not in wb.named_styles:
		style = NamedStyle(name=name)
		for attribute in ("font", "alignment", "fill", "border"):
			part = getattr(cell_look, attribute)
			if part is not None:
				setattr(style, attribute, part)
		wb.add_named_style(style)
	return name


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


def _page(ws: Worksheet, area: str | None, one_page: bool) -> None:
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


@lru_cache(maxsize=1024)  # the forms' own texts (评分办法) come back on every sheet
def _lines(text: str, width: float) -> int:
	"""Wrapped lines of `text` in a column `width` characters wide (a CJK character is two)."""
	lines = 0
	for paragraph in str(text or "").split("\n"):
		units = len(paragraph) + len(_NARROW.sub("", paragraph))  # what is left once narrow ones go: wide
		lines += max(1, math.ceil(units / max(width, 1)))
	return lines
