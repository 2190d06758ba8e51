"""An .xlsx file written sheet by sheet as each is laid out: thousands of sheets in seconds, none kept.

openpyxl keeps some thirty objects per sheet of a workbook (12 KB each, even in write-only mode) and,
saving, builds the workbook's sheet list, print titles and areas, relations and content types through
its descriptors: for 5,000 score sheets about as long as writing them. Here each sheet's XML
(forms.sheet_xml) goes into the zip file as soon as it is laid out; at the end the workbook's own parts
are written, those that grow with the sheets from templates that read exactly as openpyxl writes them
(a tier-1 test compares the two), the others (styles, theme, document properties) by openpyxl itself.

    with StreamedBook(path) as book:
        book.add("排名汇总", layout)
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
from pathlib import Path
from types import TracebackType
from typing import IO
from xml.sax.saxutils import escape, quoteattr
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.packaging.extended import ExtendedProperties
from openpyxl.styles.stylesheet import write_stylesheet
from openpyxl.utils import absolute_coordinate, quote_sheetname
from openpyxl.workbook._writer import WorkbookWriter
from openpyxl.writer.theme import theme_xml
from openpyxl.xml.constants import PKG_REL_NS, REL_NS, SHEET_MAIN_NS
from openpyxl.xml.functions import tostring

from hqe_app.forms.sheet_xml import SheetWriter
from hqe_app.forms.workbook import Layout, Look, named_style

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_TYPES = "application/vnd.openxmlformats-officedocument"
_SHEET_TYPE = f"{_TYPES}.spreadsheetml.worksheet+xml"


class StreamedBook:
	"""An .xlsx file being written: `add` a sheet at a time, then `close` (or use it as a context manager).

	A sheet's title must be legal and unique (at most 31 characters, none of []:*?/\\, not another's
	but for case): one that is not is refused. Should writing fail, the unfinished file is removed.
	"""

	def __init__(self, path: str | Path | IO[bytes]) -> None:
		self._path = path
		self._zip = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
		self._styles = Workbook()  # holds the named and cell styles met, for styles.xml
		self._writer = SheetWriter(self._style_id)
		self._sheets: list[tuple[str, str | None, str | None]] = []  # title, print titles, print area
		self._titles: set[str] = set()  # as Excel compares them: case aside

	def add(self, title: str, layout: Layout) -> None:
		"""Write `layout` as the next sheet."""
		if not title or len(title) > 31 or _BAD_TITLE.search(title) or title.lower() in self._titles:
			raise ValueError(f"sheet title {title!r} is not legal or not unique")
		self._titles.add(title.lower())
		self._zip.writestr(f"xl/worksheets/sheet{len(self._sheets) + 1}.xml", self._writer.xml(layout))
		self._sheets.append((title, layout.print_titles, layout.print_area))

	def close(self) -> None:
		"""Write the workbook's own parts and finish the file (a workbook has at least one sheet)."""
		if not self._sheets:
			raise ValueError("a workbook needs a sheet")
		wb, archive = self._styles, self._zip
		wb.properties.modified = datetime.datetime.now(tz=datetime.timezone.utc).replace(tzinfo=None)
		archive.writestr("docProps/app.xml", tostring(ExtendedProperties().to_tree()))
		archive.writestr("docProps/core.xml", tostring(wb.properties.to_tree()))
		archive.writestr("xl/theme/theme1.xml", theme_xml)
		archive.writestr("xl/styles.xml", tostring(write_stylesheet(wb)))
		archive.writestr("_rels/.rels", WorkbookWriter(wb).write_root_rels())
		archive.writestr("xl/workbook.xml", self._workbook())
		archive.writestr("xl/_rels/workbook.xml.rels", self._relations())
		archive.writestr("[Content_Types].xml", self._content_types())
		archive.close()

	def __enter__(self) -> StreamedBook:
		return self

	def __exit__(
		self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
	) -> None:
		if error is None:
			try:
				self.close()
				return
			except BaseException:
				self._discard()
				raise
		self._discard()

	def _discard(self) -> None:
		"""Close the unfinished file and remove it."""
		self._zip.close()
		if isinstance(self._path, str | Path):
			with contextlib.suppress(OSError):
				os.remove(self._path)

	def _style_id(self, cell_look: Look) -> int:
		"""The cell style (xf) of a look: its named style, as `draw` gives a cell on a normal sheet."""
		cell = WriteOnlyCell(_Sheet(self._styles))
		cell.style = named_style(self._styles, cell_look)
		return cell.style_id

	def _workbook(self) -> str:
		"""xl/workbook.xml: the sheets in order, then each sheet's print titles and area."""
		sheets, names = [], []
		for index, (title, titles, area) in enumerate(self._sheets):
			sheets.append(
				f'<sheet xmlns:r="{REL_NS}" name={quoteattr(title)} sheetId="{index + 1}" state="visible" '
				f'r:id="rId{index + 1}"/>'
			)
			quoted = quote_sheetname(title)
			if titles:
				first, last = titles.split(":")
				names.append(_name("_xlnm.Print_Titles", index, f"{quoted}!${first}:${last}"))
			if area:
				names.append(_name("_xlnm.Print_Area", index, f"{quoted}!{absolute_coordinate(area)}"))
		return (
			f'<workbook xmlns="{SHEET_MAIN_NS}"><workbookPr/><workbookProtection/><bookViews>'
			'<workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" '
			'showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/>'
			f"</bookViews><sheets>{''.join(sheets)}</sheets><definedNames>{''.join(names)}</definedNames>"
			'<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
		)

	def _relations(self) -> str:
		"""xl/_rels/workbook.xml.rels: each sheet, then the styles and the theme."""
		count = len(self._sheets)
		parts = [f'<Relationships xmlns="{PKG_REL_NS}">']
		parts += [
			f'<Relationship Type="{REL_NS}/worksheet" Target="/xl/worksheets/sheet{n}.xml" Id="rId{n}"/>'
			for n in range(1, count + 1)
		]
		parts.append(f'<Relationship Type="{REL_NS}/styles" Target="styles.xml" Id="rId{count + 1}"/>')
		parts.append(f'<Relationship Type="{REL_NS}/theme" Target="theme/theme1.xml" Id="rId{count + 2}"/>')
		parts.append("</Relationships>")
		return "".join(parts)

	def _content_types(self) -> str:
		"""[Content_Types].xml: the package's parts and what each holds."""
		parts = [
			'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
			'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
			'<Default Extension="xml" ContentType="application/xml"/>'
			f'<Override PartName="/xl/styles.xml" ContentType="{_TYPES}.spreadsheetml.styles+xml"/>'
			f'<Override PartName="/xl/theme/theme1.xml" ContentType="{_TYPES}.theme+xml"/>'
			'<Override PartName="/docProps/core.xml" '
			'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
			f'<Override PartName="/docProps/app.xml" ContentType="{_TYPES}.extended-properties+xml"/>'
		]
		parts += [
			f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
			for n in range(1, len(self._sheets) + 1)
		]
		parts.append(
			f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPES}.spreadsheetml.sheet.main+xml"/></Types>'
		)
		return "".join(parts)


def _name(name: str, sheet: int, value: str) -> str:
	return f'<definedName name="{name}" localSheetId="{sheet}">{escape(value)}</definedName>'


class _Sheet:
	"""What a cell needs to find its workbook's style lists (cell.parent.parent)."""

	def __init__(self, wb: Workbook) -> None:
		self.parent = wb
