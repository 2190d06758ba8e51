"""The 认定文件 / 公示 lists without Frappe: the notice's wording, the list rows and the Excel sheet."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from hqe_app.forms.document_lists import LIST_HEADER, certification_document, filename, publication
from hqe_app.forms.list_workbook import list_workbook_bytes

ROWS = [
	{"county": "椒江区", "township": "海门街道", "community_name": "东山社区", "total_score": 88.5},
	{"county": "椒江区", "township": "白云街道", "community_name": "西岙村", "total_score": 61},
]


def test_county_document_wording_and_annex() -> None:
	doc = {"level": "County", "region": "椒江区", "year": 2026, "document_number": "椒人社〔2026〕18号",
		"document_date": "2026-08-20"}  # fmt: skip
	f = certification_document(doc, ROWS)
	assert f["heading"] == "椒江区人力资源和社会保障局文件"
	assert f["number"] == "椒人社〔2026〕18号"
	assert f["title"] == "关于认定2026年度县级高质量就业社区（村）的通知"
	assert "现认定2个社区（村）为2026年度县级高质量就业社区（村）（名单见附件）" in f["body"]
	assert "台人社发〔2019〕52号" in f["body"]
	assert f["date"] == "2026年8月20日"
	assert f["list_title"] == "2026年度椒江区县级高质量就业社区（村）认定名单"
	assert f["rows"] == [
		[1, "椒江区", "海门街道", "东山社区", "88.5"],
		[2, "椒江区", "白云街道", "西岙村", "61"],
	]
	assert filename(f, "椒人社〔2026〕18号") == "认定名单-椒人社〔2026〕18号.xlsx"


def test_city_document_names_the_city_steps_and_its_own_title() -> None:
	doc = {"level": "City", "region": "台州市", "year": 2026, "document_number": "台人社〔2026〕30号",
		"document_date": "2026-10-28", "title": "关于公布2026年度市级高质量就业社区（村）名单的通知"}  # fmt: skip
	f = certification_document(doc, ROWS[:1])
	assert f["title"] == doc["title"]
	assert f["addressee"] == "各县（市、区）人力资源和社会保障局："
	assert (
		"市级审核" in f["body"] and "公示" in f["body"] and "现认定1个社区（村）为2026年度市级" in f["body"]
	)


def test_publication_gives_the_period() -> None:
	doc = {
		"region": "台州市",
		"year": 2026,
		"publication_start": "2026-10-09",
		"publication_end": "2026-10-15",
	}
	f = publication(doc, ROWS)
	assert f["title"] == "关于2026年度市级高质量就业社区（村）拟认定名单的公示"
	assert "公示时间：2026年10月9日至2026年10月15日" in f["body"]
	assert "台州市人力资源和社会保障局反映" in f["body"]
	assert (f["heading"], f["number"], f["annex"]) == ("", "", "")


def test_the_sheet_carries_the_same_list() -> None:
	doc = {"level": "County", "region": "椒江区", "year": 2026, "document_number": "椒人社〔2026〕18号",
		"document_date": "2026-08-20"}  # fmt: skip
	f = certification_document(doc, ROWS)
	ws = load_workbook(io.BytesIO(list_workbook_bytes(f)))["认定名单"]
	cells = [[c for c in row if c is not None] for row in ws.iter_rows(values_only=True)]
	cells = [row for row in cells if row]
	assert cells[0] == ["椒江区人力资源和社会保障局文件"]
	assert cells[1] == ["椒人社〔2026〕18号"]
	header = cells.index(list(LIST_HEADER))
	assert cells[header + 1 :] == [
		[1, "椒江区", "海门街道", "东山社区", 88.5],
		[2, "椒江区", "白云街道", "西岙村", 61],
	]
	header_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == LIST_HEADER[0])
	assert ws.print_title_rows == f"${header_row}:${header_row}"  # the header on every printed page
	assert int(ws.page_setup.paperSize) == 9  # A4
