"""A sheet streamed as XML (forms.streamed, what `hqe-score -o` writes) reads back the same as the same
layout drawn on a normal sheet by openpyxl (forms.workbook.draw, what the desk exports): every cell's
value and type, the styles that matter, merged ranges, column widths, row heights and page setup."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from hqe_app.forms.data import scoring_form_of_card
from hqe_app.forms.streamed import StreamedBook
from hqe_app.forms.workbook import (
	BOLD,
	CENTER,
	Layout,
	Line,
	build_workbook,
	draw,
	look,
	scoring_layout,
)
from hqe_app.offline.cli import main
from hqe_app.scoring import score
from tests.factories import SCHEME, application, full_marks

IDENTITY = {"community_name": "东山社区", "township": "海门街道", "county": "椒江区", "year": 2024}
CASES = {
	"eligible": full_marks(media_reports_county=2, innovation_points=2.5),
	"not eligible": application(employed=950, has_service_venue=True),
	"flagged": application(jobs_created=4, hr_survey_data_complete=True),
}


def facts(ws) -> dict[str, Any]:
	"""Everything a reader of the sheet sees, cell by cell, and how it prints."""
	cells = {}
	for row in ws.iter_rows():
		for c in row:
			border = c.border
			cells[c.coordinate] = (
				c.value,
				c.data_type,
				(c.font.name, c.font.sz, c.font.b),
				(c.alignment.horizontal, c.alignment.vertical, c.alignment.wrap_text),
				tuple(
					getattr(getattr(border, side), "style", None)
					for side in ("left", "right", "top", "bottom")
				),
				(c.fill.fill_type, c.fill.fgColor.rgb),
			)
	setup = ws.page_setup
	return {
		"cells": cells,
		"merged": sorted(str(m) for m in ws.merged_cells.ranges),
		"widths": {key: dim.width for key, dim in ws.column_dimensions.items()},
		"heights": {row: dim.height for row, dim in ws.row_dimensions.items() if dim.height is not None},
		"print": (ws.print_area and ws.print_area.split("!")[-1], ws.print_title_rows, ws.freeze_panes),
		"page": (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight),
		"fit": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
		"margins": (ws.page_margins.left, ws.page_margins.top, ws.print_options.horizontalCentered),
	}


def drawn(layout: Layout):
	"""The layout on a normal sheet, saved and read back."""
	wb = Workbook()
	draw(wb.active, layout)
	buffer = io.BytesIO()
	wb.save(buffer)
	return load_workbook(buffer).worksheets[0]


def streamed(layout: Layout, tmp_path: Path, title: str = "Sheet"):
	"""The layout streamed into an .xlsx file, read back."""
	path = tmp_path / "streamed.xlsx"
	with StreamedBook(path) as book:
		book.add(title, layout)
	return load_workbook(path).worksheets[0]


def form(values: dict) -> dict:
	return scoring_form_of_card(IDENTITY, score(values, SCHEME), SCHEME.base_max, SCHEME.bonus_max)


@pytest.mark.parametrize("case", CASES)
def test_a_streamed_score_sheet_reads_as_the_desk_draws_it(case: str, tmp_path: Path) -> None:
	layout = scoring_layout(form(CASES[case]))
	expected, got = facts(drawn(layout)), facts(streamed(layout, tmp_path))
	assert got["cells"] == expected["cells"]
	assert got == expected
	assert expected["merged"]  # the comparison covers merged ranges, heights and page setup
	assert expected["heights"] and expected["fit"] and expected["print"][0]


@pytest.mark.parametrize("case", CASES)
def test_hqe_score_writes_the_desk_score_sheet_then_the_gap(case: str, tmp_path: Path) -> None:
	"""End to end: `hqe-score -o` and the desk's export (forms.workbook.build_workbook) of one application."""
	desk = facts(
		load_workbook(io.BytesIO(_saved(build_workbook("scoring", [form(CASES[case])])))).worksheets[0]
	)
	source, out = tmp_path / "apps.json", tmp_path / "out.xlsx"
	identity = {"community": "东山社区", "township": "海门街道", "county": "椒江区", "year": 2024}
	source.write_text(json.dumps([identity | CASES[case]], ensure_ascii=False), encoding="utf-8")
	assert main([str(source), "-o", str(out)]) == 0
	wb = load_workbook(out)
	offline = facts(wb[next(name for name in wb.sheetnames if name.startswith("00001"))])
	last = int(desk["print"][0].rsplit("$", 1)[1])  # the verdict's row; the 距离达标 block follows it
	score_part = {ref: cell for ref, cell in offline["cells"].items() if int(ref.lstrip("ABCDEF")) <= last}
	assert score_part == desk["cells"]
	assert offline | {"cells": None} == desk | {"cells": None}
	assert "距离达标" in [cell[0] for cell in offline["cells"].values()]


def _saved(wb: Workbook) -> bytes:
	buffer = io.BytesIO()
	wb.save(buffer)
	return buffer.getvalue()


def test_values_keep_their_type_and_text_as_openpyxl_writes_them(tmp_path: Path) -> None:
	"""Yes/no stays a boolean even after the number 1 of the same look; texts needing escapes, spaces
	or nothing at all; floats, large integers."""
	bold = look(BOLD, CENTER)
	values = [1, True, 0, False, 1.0, 2.5, 10**17, "a < b & c > d", "  padded ", "", "line\nbreak", None]
	layout = Layout(
		(8,) * len(values), [Line(tuple((v, bold) for v in values)), Line(((1, bold), (True, bold)))]
	)
	got, expected = facts(streamed(layout, tmp_path)), facts(drawn(layout))
	assert got == expected
	assert [got["cells"][f"{c}1"][0] for c in "ABCD"] == [1, True, 0, False]
	assert type(got["cells"]["B1"][0]) is bool and type(got["cells"]["A2"][0]) is int


def test_a_text_excel_cannot_hold_is_refused_as_openpyxl_refuses_it(tmp_path: Path) -> None:
	layout = Layout((8,), [Line((("bell\x07", look()),))])
	with pytest.raises(IllegalCharacterError):
		drawn(layout)
	with pytest.raises(IllegalCharacterError):
		streamed(layout, tmp_path)
	assert not (tmp_path / "streamed.xlsx").exists()  # no unfinished file left behind


def test_the_workbook_parts_read_as_openpyxl_writes_them(tmp_path: Path) -> None:
	"""The sheet list, print titles and areas, relations and content types, written from templates."""
	sheets = {
		"排名汇总": Layout((14, 8), [Line((("县", look()),))], freeze="A2"),
		"00001 A&B's <村>": scoring_layout(form(CASES["eligible"])),
		"00002 西湖村": scoring_layout(form(CASES["not eligible"])),
	}
	ours = tmp_path / "ours.xlsx"
	with StreamedBook(ours) as book:
		for title, layout in sheets.items():
			book.add(title, layout)
	wb = Workbook(write_only=True)
	for title, layout in sheets.items():
		ws = wb.create_sheet(title)
		ws.print_title_rows, ws.print_area = layout.print_titles, layout.print_area
	theirs = tmp_path / "theirs.xlsx"
	wb.save(theirs)
	parts = [
		"[Content_Types].xml",
		"_rels/.rels",
		"docProps/app.xml",
		"xl/workbook.xml",
		"xl/_rels/workbook.xml.rels",
	]
	with zipfile.ZipFile(ours) as a, zipfile.ZipFile(theirs) as b:
		assert sorted(a.namelist()) == sorted(b.namelist())
		for part in parts:
			assert canonical(a.read(part)) == canonical(b.read(part)), part
	assert load_workbook(ours).sheetnames == list(sheets)


def canonical(xml: bytes) -> bytes:
	return etree.tostring(etree.fromstring(xml), method="c14n")


@pytest.mark.parametrize("titles", [["村", "村"], ["Sheet", "sheet"], ["a/b"], ["x" * 32], [""]])
def test_a_title_excel_would_refuse_is_refused(titles: list[str], tmp_path: Path) -> None:
	layout = Layout((8,), [Line((("x", look()),))])
	with pytest.raises(ValueError), StreamedBook(tmp_path / "titles.xlsx") as book:
		for title in titles:
			book.add(title, layout)
	assert not (tmp_path / "titles.xlsx").exists()


def test_a_workbook_without_a_sheet_is_not_written(tmp_path: Path) -> None:
	with pytest.raises(ValueError), StreamedBook(tmp_path / "empty.xlsx"):
		pass
	assert not (tmp_path / "empty.xlsx").exists()
