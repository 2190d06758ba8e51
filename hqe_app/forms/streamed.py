"""Sheets of a write-only workbook written straight to XML from a Layout, for thousands of sheets at once.

openpyxl's own write-only sheet builds some thirty setup objects per sheet and serialises each cell
through lxml, about 10 ms a 附件1 sheet. Here what is the same on every sheet is made once: the XML
before and after the rows (column widths, page setup, as openpyxl writes them for the desk's sheets,
`frame`) and one workbook style per look (`StreamedBook.style_id`). A sheet is then its rows, its
merged ranges and its print area: a few string joins.

Frappe-free. Relies on what openpyxl 3.1 reads of a write-only sheet when it saves the workbook (see
`StreamedSheet`); the tier-1 tests read the written sheets back and compare them, cell by cell, with the
same layout drawn on a normal sheet.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.packaging.relationship import RelationshipList
from openpyxl.utils import absolute_coordinate, get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import tostring

from hqe_app.forms.workbook import Layout, Line, Look, _page, _widths, named_style

_COLUMNS = tuple(get_column_letter(i) for i in range(1, 27))
_ESCAPED = re.compile("[&<>\r]")
_MAX_BODIES = 4096  # cells kept written, forgotten all at once when full (the form's own soon come back)
_MAX_TEXT = 32767  # Excel's limit of characters in a cell; openpyxl truncates longer texts the same way


class StreamedBook:
	"""A write-only workbook that streamed sheets are added to, with its looks resolved to style ids once."""

	def __init__(self, wb: Workbook) -> None:
		if not wb.write_only:
			raise ValueError("streamed sheets go into a write-only workbook")
		self.wb = wb
		self._styles: dict[Look, str] = {}  # each look's s attribute, resolved once
		self._bodies: dict[tuple[str, Look], str] = {}  # recent texts' cells, as `_body` wrote them

	def style_id(self, cell_look: Look) -> int:
		"""The workbook's cell style (xf) of a look: its named style, as `draw` gives a cell on a normal sheet."""
		cell = WriteOnlyCell(_Owner(self.wb))
		cell.style = named_style(self.wb, cell_look)
		return cell.style_id

	def add(self, title: str, layout: Layout) -> StreamedSheet:
		"""Write `layout` as the workbook's next sheet; `title` must already be legal and unique."""
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
		sheet = StreamedSheet(self.wb, title, "".join(parts).encode("utf-8"))
		if layout.print_titles:
			sheet.print_titles = f"{quote_sheetname(title)}!{absolute_rows(layout.print_titles)}"
		if layout.print_area:
			sheet.print_area = f"{quote_sheetname(title)}!{absolute_coordinate(layout.print_area)}"
		self.wb._add_sheet(sheet)
		return sheet

	def _row(self, row: int, line: Line) -> str:
		"""One <row>: its height and its cells."""
		if line.height is None:
			if not line.cells:
				return ""  # an empty row: nothing to write
			parts = [f'<row r="{row}">']
		else:
			parts = [f'<row r="{row}" ht="{_number(line.height)}" customHeight="1">']
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


class _Owner:
	"""What a cell needs to find its workbook's style lists (cell.parent.parent)."""

	def __init__(self, wb: Workbook) -> None:
		self.parent = wb


def absolute_rows(rows: str) -> str:
	"""'6:6' → '$6:$6', as openpyxl writes print titles."""
	first, last = rows.split(":")
	return f"${first}:${last}"


@lru_cache(maxsize=32)
def frame(widths: tuple[float, ...], one_page: bool | None, freeze: str | None) -> tuple[str, str]:
	"""The XML of a sheet before its rows and after its merged ranges, as openpyxl writes a normal sheet
	with these column widths, page setup (`_page`; None: none) and frozen panes, made once per kind."""
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


class _Written:
	"""What openpyxl's ExcelWriter reads of a closed write-only sheet's writer: its file and relations."""

	def __init__(self, out: str) -> None:
		self.out = out
		self._rels = RelationshipList()

	def cleanup(self) -> None:
		os.remove(self.out)


class StreamedSheet(WriteOnlyWorksheet):
	"""A closed write-only sheet: its XML already in a scratch file, only what saving reads kept in memory.

	openpyxl 3.1 saves a write-only sheet by reading `closed`, `_writer.out` (the XML file) and
	`_writer._rels`, and, for the workbook part, its title, state, print titles and area, defined
	names, filter, tables, pivots, charts, images, comments and legacy drawing; these are empty here,
	shared by every sheet (class attributes), instead of the thirty objects `Worksheet._setup` makes.
	"""

	_charts = _images = _comments = _pivots = ()
	_tables = defined_names = MappingProxyType({})
	auto_filter = legacy_drawing = None
	sheet_state = "visible"
	print_titles = print_area = None
	closed = True

	def __init__(self, parent: Workbook, title: str, xml: bytes) -> None:  # no super(): no _setup
		self._parent = parent
		self._unique_title = title
		handle, path = tempfile.mkstemp(suffix=".xml", prefix="sheet-")
		with os.fdopen(handle, "wb") as out:
			out.write(xml)
		self._writer = _Written(path)

	@property
	def title(self) -> str:
		return self._unique_title

	@title.setter
	def title(self, value: str) -> None:  # the caller made it legal and unique (an index prefix)
		self._unique_title = value

	def close(self) -> None:
		"""Already written when made."""
