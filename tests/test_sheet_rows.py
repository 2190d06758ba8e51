"""excel_io.sheet_rows reads a sheet's values as openpyxl's iter_rows(values_only=True) does: the same
values of the same types, row for row, for what openpyxl writes and for what Excel writes (shared
strings, rich text, formula results, errors, dates by number format, cells without a reference)."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from hqe_app.excel_io.reader import UnreadableFile, _rows_of, read_rows
from hqe_app.excel_io.sheet_rows import sheet_rows
from hqe_app.i18n import translator
from tests.factories import SCHEME

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def trimmed(rows) -> list[tuple]:
	"""Rows without their trailing empty cells (openpyxl pads every row to the sheet's width)."""
	out = []
	for row in rows:
		row = tuple(row)
		while row and row[-1] is None:
			row = row[:-1]
		out.append(row)
	return out


def both(path: Path, sheet: str | None = None) -> tuple[list[tuple], list[tuple]]:
	wb = load_workbook(path, read_only=True, data_only=True)
	ws = wb[sheet] if sheet else wb.worksheets[0]
	try:
		return trimmed(sheet_rows(ws)), trimmed(ws.iter_rows(values_only=True))
	finally:
		wb.close()


def typed(rows: list[tuple]) -> list[list[tuple[type, object]]]:
	return [[(type(v), v) for v in row] for row in rows]


def test_what_openpyxl_writes_reads_back_the_same(tmp_path: Path) -> None:
	wb = Workbook()
	ws = wb.active
	ws.append(["名称", "  spaced ", "a < b & c", 0, 7, -3, 2.5, 1e-7, 10**15, True, False])
	ws.append([])
	ws.append([None, None, "after a gap"])
	ws.append([datetime.datetime(2024, 5, 6, 7, 8, 9), datetime.date(2024, 1, 31), datetime.time(12, 30)])
	ws.append(["=1+1", CellRichText([TextBlock(InlineFont(b=True), "粗"), "细"]), ""])
	ws["D6"] = datetime.timedelta(hours=30)
	ws["Z8"] = "far column"
	path = tmp_path / "openpyxl.xlsx"
	wb.save(path)
	ours, theirs = both(path)
	assert typed(ours) == typed(theirs)
	assert ours[0][:3] == ("名称", "  spaced ", "a < b & c") and ours[1] == ()
	assert isinstance(ours[3][0], datetime.datetime) and ours[7][-1] == "far column"


WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr{date1904}/><sheets><sheet name="申报数据" sheetId="1" r:id="rId1"/></sheets></workbook>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
 Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
 Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
 Target="styles.xml"/></Relationships>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="xl/workbook.xml"/></Relationships>"""
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="[h]:mm"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""
STRINGS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>社区（村）名称</t></si><si><t xml:space="preserve"> 东山社区 </t></si>
<si><r><rPr><b/></rPr><t>粗</t></r><r><t>细</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>
<si><t>是</t></si></sst>"""
SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F7"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
<row r="2"><c r="A2"><v>42</v></c><c r="B2"><v>4.5E1</v></c><c r="C2" t="b"><v>1</v></c><c r="E2" t="s"><v>3</v></c></row>
<row r="4"><c r="A4" s="1"><v>45418</v></c><c r="B4" s="2"><v>1.25</v></c><c r="C4" t="d"><v>2024-05-06T07:08:09</v></c></row>
<row><c><f>SUM(A2:B2)</f><v>87</v></c><c t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c t="e"><v>#N/A</v></c></row>
<row r="6"><c r="A6" t="inlineStr"><is><t>内联</t></is></c><c r="B6"><f>1/0</f></c><c r="C6"><v></v></c>
<c r="D6" t="inlineStr"><is><r><t>多</t></r><r><rPr><i/></rPr><t>段</t></r></is></c></row>
<row r="7"><c r="F7" s="1"><v>99999999</v></c></row>
</sheetData></worksheet>"""


@pytest.mark.parametrize("date1904", [False, True])
def test_what_excel_writes_reads_back_the_same(tmp_path: Path, date1904: bool) -> None:
	path = tmp_path / "excel.xlsx"
	with zipfile.ZipFile(path, "w") as archive:
		archive.writestr("[Content_Types].xml", CONTENT_TYPES)
		archive.writestr("_rels/.rels", ROOT_RELS)
		archive.writestr("xl/workbook.xml", WORKBOOK.format(date1904=' date1904="1"' if date1904 else ""))
		archive.writestr("xl/_rels/workbook.xml.rels", RELS)
		archive.writestr("xl/styles.xml", STYLES)
		archive.writestr("xl/sharedStrings.xml", STRINGS)
		archive.writestr("xl/worksheets/sheet1.xml", SHEET)
	with pytest.warns(UserWarning):  # openpyxl warns of the date out of range (F7); both read #VALUE!
		ours, theirs = both(path)
	assert typed(ours) == typed(theirs)
	assert ours[0] == ("社区（村）名称", " 东山社区 ", "粗细")
	assert ours[1] == (42, 45.0, True, None, "是")
	assert ours[4] == (87, "ab", "#N/A") and ours[5] == ("内联", None, None, "多段")
	assert isinstance(ours[3][1], datetime.timedelta) and ours[6][-1] == "#VALUE!"


@pytest.mark.parametrize("example", ["sample-applications.xlsx", "refused-rows.xlsx"])
def test_the_examples_read_as_through_openpyxl(example: str) -> None:
	_ = translator("zh")
	rows = read_rows(EXAMPLES / example, SCHEME, _)
	wb = load_workbook(EXAMPLES / example, read_only=True, data_only=True)
	try:
		expected = _rows_of(wb["申报数据"].iter_rows(values_only=True), SCHEME, _, example)
	finally:
		wb.close()
	assert rows == expected and len(rows) > 5


@pytest.mark.parametrize(
	"cell",
	[
		pytest.param('<c r="A2"><v>twelve</v></c>', id="a number that is not one"),
		pytest.param('<c r="A2"><v>1</v>', id="not well-formed XML"),
	],
)
def test_a_broken_sheet_is_unreadable_not_a_crash(cell: str, tmp_path: Path) -> None:
	path = tmp_path / "broken.xlsx"
	wb = Workbook()
	wb.active.title = "申报数据"
	wb.active.append(["community", "labor_force", "employed"])
	wb.save(path)
	with zipfile.ZipFile(path) as archive:
		parts = {name: archive.read(name) for name in archive.namelist()}
	sheet = parts["xl/worksheets/sheet1.xml"].decode()
	parts["xl/worksheets/sheet1.xml"] = sheet.replace(
		"</sheetData>", f'<row r="2">{cell}</row></sheetData>'
	).encode()
	with zipfile.ZipFile(path, "w") as archive:
		for name, data in parts.items():
			archive.writestr(name, data)
	with pytest.raises(UnreadableFile, match=r"broken\.xlsx"):
		read_rows(path, SCHEME, translator("zh"))
