"""A laid-out sheet (forms.workbook.Layout) as worksheet XML, written as openpyxl writes the same sheet.

openpyxl writes a cell through some twenty Python calls (the cell object, its style, lxml); a 附件1
sheet costs about 10 ms that way. Here what is the same on every sheet is made once: the XML before and
after the rows (column widths, page setup, frozen panes: `frame`, produced by openpyxl itself from the
desk's helpers), each look's style (`style_id`, resolved by the caller once per look) and the cells the
forms repeat on every sheet (their texts and numbers, kept written). A sheet is then a few joins.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import tostring

from hqe_app.forms.workbook import Layout, Line, Look, _page, _widths

_COLUMNS = tuple(get_column_letter(i) for i in range(1, 703))  # A to ZZ
_ESCAPED = re.compile("[&<>\r]")
_MAX_BODIES = 4096  # cells kept written, forgotten all at once when full (the forms' own soon come back)
_MAX_TEXT = 32767  # Excel's limit of characters in a cell; openpyxl truncates longer texts the same way


class SheetWriter:
	"""Worksheet XML of layouts, the cells of one workbook's styles; `style_id` gives a look's cell style."""

	def __init__(self, style_id: Callable[[Look], int]) -> None:
		self.style_id = style_id
		self._styles: dict[Look, str] = {}  # each look's s attribute, resolved once
		self._bodies: dict[tuple[Any, Look], str] = {}  # cells met lately, as `_body` wrote them

	def xml(self, layout: Layout) -> bytes:
		"""The whole <worksheet>: the frame, each line as a row, the merged ranges."""
		head, tail = frame(layout.widths, layout.one_page, layout.freeze)
		parts = [head, "<sheetData>"]
		merges: list[str] = []
		for row, line in enumerate(layout.lines, start=1):
			parts.append(self._row(row, line))
			merges += line.merges
		parts.append("</sheetData>")
		if merges:
			parts.append(f'<mergeCells count="{len(merges)}">')
			parts += [f'<mergeCell ref="{ref}"/>' for ref in merges]
			parts.append("</mergeCells>")
		parts.append(tail)
		return "".join(parts).encode("utf-8")

	def _row(self, row: int, line: Line) -> str:
		"""One <row>: its height and its cells."""
		if line.height is None:
			if not line.cells:
				return ""  # an empty row: nothing to write
			parts = [f'<row r="{row}">']
		else:
			parts = [f'<row r="{row}" ht="{_number(line.height)}" customHeight="1">']
		if len(line.cells) > len(_COLUMNS):
			raise ValueError(f"row {row} has {len(line.cells)} cells, more than columns A to ZZ")
		bodies = self._bodies
		for column, spec in zip(_COLUMNS, line.cells, strict=False):
			if spec is None:
				continue
			if type(spec[0]) is bool:  # equal to 1 or 0 as a key: never looked up among the numbers
				body = self._body(*spec)
			else:  # most cells are the form's own texts and numbers, the same on every sheet: made once
				body = bodies.get(spec)
				if body is None:
					if len(bodies) >= _MAX_BODIES:
						bodies.clear()
					body = bodies[spec] = self._body(*spec)
			parts.append(f'<c r="{column}{row}"{body}')
		parts.append("</row>")
		return "".join(parts)

	def _body(self, value: Any, cell_look: Look) -> str:
		"""A <c> element after its reference: its style, type and value, as openpyxl writes them."""
		style = self._styles.get(cell_look)
		if style is None:
			style = self._styles[cell_look] = f' s="{self.style_id(cell_look)}"' if cell_look else ""
		if value is None:
			return f"{style}/>"
		if isinstance(value, str):
			if not value:
				return f'{style} t="inlineStr"/>'
			return f'{style} t="inlineStr"><is>{_text(value)}</is></c>'
		if isinstance(value, bool):
			return f'{style} t="b"><v>{int(value)}</v></c>'
		if isinstance(value, int | float):
			return f'{style} t="n"><v>{_number(value)}</v></c>'
		return self._body(str(value), cell_look)  # nothing else is drawn on these sheets


def _number(value: float) -> str:
	"""A number as openpyxl writes it (compat.safe_string): 16 significant digits, nothing for nan or inf."""
	return f"{value:.16g}" if math.isfinite(value) else ""


def _text(value: str) -> str:
	"""A <t> element of a text, checked and escaped as openpyxl does (or refused, like openpyxl)."""
	if len(value) > _MAX_TEXT:
		value = value[:_MAX_TEXT]
	if ILLEGAL_CHARACTERS_RE.search(value):
		raise IllegalCharacterError(f"{value} cannot be used in worksheets.")
	if _ESCAPED.search(value):
		value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
	if value != value.strip():
		return f'<t xml:space="preserve">{value}</t>'
	return f"<t>{value}</t>"


@lru_cache(maxsize=32)
def frame(widths: tuple[float, ...], one_page: bool | None, freeze: str | None) -> tuple[str, str]:
	"""The XML of a sheet before its rows and after its merged ranges, as openpyxl writes a normal sheet
	with these column widths, page setup (`_page`; None: none) and frozen panes; made once per kind."""
	ws = Workbook().active
	_widths(ws, widths)
	if one_page is not None:
		_page(ws, "A1", one_page)
	if freeze:
		ws.freeze_panes = freeze
	ws.sheet_format.outlineLevelCol = ws.column_dimensions.max_outline
	top = [ws.sheet_properties.to_tree(), ws.views.to_tree(), ws.sheet_format.to_tree()]
	cols = ws.column_dimensions.to_tree()
	if cols is not None:
		top.append(cols)
	bottom = [part.to_tree() for part in (ws.print_options, ws.page_margins, ws.page_setup) if part]
	head = f'<worksheet xmlns="{SHEET_MAIN_NS}">' + "".join(tostring(el).decode() for el in top)
	tail = "".join(tostring(el).decode() for el in bottom) + "</worksheet>"
	return head, tail
