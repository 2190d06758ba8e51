"""What the notice's lists show (SPEC §11): the 认定文件 with its 认定名单 annex, at the county and at the
city, and the city's 公示名单 — as plain dicts for the print formats and the Excel export alike.

Frappe-free: the callers read the document and its rows and pass plain mappings in. The wording follows
台人社发〔2019〕52号 (三、认定程序): the county "发文认定", the city "公示、发文".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from hqe_app.forms import texts as T
from hqe_app.forms.data import date_line, points

Row = Mapping[str, Any]

NOTICE = "《关于做好高质量就业社区（村）建设工作的通知》（台人社发〔2019〕52号）"
BUREAU = "人力资源和社会保障局"
LIST_HEADER = ("序号", T.COUNTY, T.TOWNSHIP, T.COMMUNITY_NAME, "评价得分")
LEVEL_NAMES = {"County": "县级", "City": "市级"}
ANNEX = "附件"


def bureau(region: str) -> str:
	"""台州市 → 台州市人力资源和社会保障局."""
	return f"{region}{BUREAU}"


def list_rows(rows: Iterable[Row]) -> list[list[Any]]:
	"""序号 and each listed application's county, township, name and score, in the document's order."""
	return [
		[
			i,
			r.get("county") or "",
			r.get("township") or "",
			r.get("community_name") or "",
			points(r.get("total_score")),
		]
		for i, r in enumerate(rows, start=1)
	]


def certification_document(doc: Row, rows: Iterable[Row]) -> dict[str, Any]:
	"""认定文件 of a county or the city, and its 认定名单 (the annex)."""
	table = list_rows(rows)
	level = LEVEL_NAMES.get(doc.get("level"), "")
	year, region = doc.get("year"), doc.get("region") or ""
	title = doc.get("title") or f"关于认定{year}年度{level}高质量就业社区（村）的通知"
	if doc.get("level") == "City":
		steps = "经各县（市、区）推荐、市级审核（材料审核、调阅文件资料、核查业务数据、实地查看）和公示"
	else:
		steps = "经社区（村）自愿申报、所在地街道（乡、镇）同意，按照高质量就业社区（村）建设标准评定"
	body = (
		f"根据{NOTICE}，{steps}，现认定{table_count(table)}为{year}年度{level}高质量就业社区（村）"
		f"（名单见附件）。"
	)
	return {
		"issuer": bureau(region),
		"heading": f"{bureau(region)}文件",
		"number": doc.get("document_number") or "",
		"title": title,
		"addressee": addressee(doc.get("level")),
		"body": body,
		"date": date_line(doc.get("document_date")),
		"annex": ANNEX,
		"list_title": f"{year}年度{region}{level}高质量就业社区（村）认定名单",
		"header": list(LIST_HEADER),
		"rows": table,
		"sheet": "认定名单",
	}


def publication(doc: Row, rows: Iterable[Row]) -> dict[str, Any]:
	"""公示: the city's notice of the applications it intends to certify, with the period and its list."""
	table = list_rows(rows)
	year, region = doc.get("year"), doc.get("region") or ""
	start, end = date_line(doc.get("publication_start")), date_line(doc.get("publication_end"))
	body = (
		f"根据{NOTICE}，经各县（市、区）推荐、市级审核，现将拟认定的{year}年度市级高质量就业社区（村）"
		f"名单予以公示（见下表），公示时间：{start}至{end}。公示期间，对名单有异议的，"
		f"请以书面形式向{bureau(region)}反映，并提供具体事实和联系方式。"
	)
	return {
		"issuer": bureau(region),
		"heading": "",
		"number": "",
		"title": f"关于{year}年度市级高质量就业社区（村）拟认定名单的公示",
		"addressee": "",
		"body": body,
		"date": date_line(doc.get("publication_start")),
		"annex": "",
		"list_title": f"{year}年度市级高质量就业社区（村）公示名单",
		"header": list(LIST_HEADER),
		"rows": table,
		"sheet": "公示名单",
	}


def addressee(level: str | None) -> str:
	return "各县（市、区）人力资源和社会保障局：" if level == "City" else "各街道（乡、镇），各社区（村）："


def table_count(table: list) -> str:
	"""The body's count: 12个社区（村）."""
	return f"{len(table)}个社区（村）"


def filename(data: Mapping[str, Any], name: str) -> str:
	"""认定名单-椒人社〔2026〕18号.xlsx, 公示名单-GS-2026-台州市-01.xlsx."""
	return f"{data['sheet']}-{name}.xlsx".replace("/", "_")
