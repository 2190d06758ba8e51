"""The values of a sheet's rows, read straight from its XML: what `iter_rows(values_only=True)` gives.

openpyxl's read-only sheet turns every cell into a dict, and every inline string (what openpyxl itself
writes, so what most filled-in templates hold) into a rich-text object: about 12 µs a cell, 3 s for
5,000 applications of 48 fields. Here one pass of lxml over the sheet's XML types each value as
openpyxl does (numbers, shared and inline strings, yes/no, dates by their number format, errors and
formula results as their text), a few times faster. The workbook's parts (which file is the sheet,
the shared strings, the date formats) still come from openpyxl's read-only workbook.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree
from openpyxl.cell.text import Text
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.xml.constants import SHEET_MAIN_NS

_ROW, _VALUE = f"{{{SHEET_MAIN_NS}}}row", f"{{{SHEET_MAIN_NS}}}v"
_INLINE, _TEXT = f"{{{SHEET_MAIN_NS}}}is", f"{{{SHEET_MAIN_NS}}}t"
_DIGITS = "0123456789"


def sheet_rows(ws: ReadOnlyWorksheet) -> Iterator[tuple[Any, ...]]:
	"""Every row from the first, as a tuple of its values from column A; a row with no cells is ().

	Rows and cells the file leaves out are there, empty (None), as with openpyxl, but no row is padded
	to the sheet's width: callers pair values with a header (zip), so trailing empties do not matter.
	"""
	wb = ws.parent
	cast = _Cast(ws._shared_strings, wb.epoch, wb._date_formats, wb._timedelta_formats)
	expected = 1
	with ws._get_source() as source:
		for _event, row in etree.iterparse(source, tag=_ROW, resolve_entities=False, no_network=True):
			number = int(row.get("r") or expected)
			while expected < number:
				yield ()
				expected += 1
			yield cast.row(row)
			expected = number + 1
			row.clear()
			while row.getprevious() is not None:  # rows read so far: free them
				del row.getparent()[0]


class _Cast:
	"""A cell's value as openpyxl's WorkSheetParser.parse_cell types it (read with data_only=True)."""

	def __init__(self, strings, epoch, date_formats: set[int], timedelta_formats: set[int]) -> None:
		self.strings, self.epoch = strings, epoch
		self.date_formats, self.timedelta_formats = date_formats, timedelta_formats

	def row(self, row: etree._Element) -> tuple[Any, ...]:
		values: list[Any] = []
		columns = _COLUMNS
		for cell in row:
			ref = cell.get("r")
			if ref:
				letters = ref.rstrip(_DIGITS)
				column = columns.get(letters) or columns.setdefault(letters, _column(letters))
			else:
				column = len(values) + 1  # no reference: the next column
			while len(values) < column:
				values.append(None)
			values[column - 1] = self.value(cell)
		return tuple(values)

	def value(self, cell: etree._Element) -> Any:
		kind = cell.get("t")
		for child in cell:  # <f> (its formula, ignored), then <v>, or <is> for an inline string
			tag = child.tag
			if tag == _VALUE:
				text = child.text
				break
			if tag == _INLINE and kind == "inlineStr":
				if len(child) == 1 and child[0].tag == _TEXT:  # plain text: the common case
					return child[0].text or ""
				return Text.from_tree(child).content  # rich text runs
		else:
			return None
		if not text:
			return None
		if kind is None or kind == "n":
			number = float(text) if "." in text or "E" in text or "e" in text else int(text)
			style = int(cell.get("s") or 0)
			if style in self.date_formats:
				try:
					return from_excel(number, self.epoch, timedelta=style in self.timedelta_formats)
				except (OverflowError, ValueError):
					return "#VALUE!"  # a date out of range reads as an error, as in openpyxl
			return number
		if kind == "s":
			return self.strings[int(text)]
		if kind == "b":
			return bool(int(text))
		if kind == "d":
			return from_ISO8601(text)
		return None if kind == "inlineStr" else text  # "str" (a formula's text), "e" (an error: #N/A)


_COLUMNS: dict[str, int] = {}  # column letters → number, filled as met


def _column(letters: str) -> int:
	"""The number of a column: "A" → 1, "AB" → 28."""
	number = 0
	for ch in letters.upper():
		number = number * 26 + ord(ch) - 64
	return number
