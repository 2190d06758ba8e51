"""附件1/附件2 as data and as Excel sheets, without Frappe: what the print formats and the export show."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hqe_app.forms import texts as T
from hqe_app.forms.data import date_line, points, recommendation_form, scoring_form, scoring_form_of_card
from hqe_app.forms.workbook import build_workbook, sheet_title, workbook_bytes
from hqe_app.scoring import score
from tests.factories import SCHEME, full_marks

PRINT_FORMATS = Path(__file__).parent.parent / "hqe_app" / "high_quality_employment" / "print_format"
COMMUNITY = {
	"community_name": "前所村",
	"county": "椒江区",
	"contact_person": "王芳",
	"phone": "0576-1",
	"address": "前所街道1号",
}


def application(name: str = "HQE-2024-00001", community: str = "前所村", **values) -> dict:
	card = score(full_marks(**values))
	return {
		"name": name,
		"community": f"{community}（前所街道）",
		"community_name": community,
		"township": "前所街道",
		"county": "椒江区",
		"year": 2024,
		"scheme": SCHEME.code,
		"base_score": card.base,
		"bonus_score": card.bonus,
		"total_score": card.total,
		"eligible": int(card.eligible),
		"results": [
			{
				"indicator_code": r.code,
				"indicator_name": r.name,
				"max_points": r.max_points,
				"points": r.points,
				"basis": r.basis,
			}
			for r in card.results
		],
	}


def scoring(app: dict) -> dict:
	return scoring_form(app, app["results"], pass_mark=60)


def recommendation(app: dict, **item) -> dict:
	reviews = [
		{"review_level": "Township", "opinion": "同意推荐", "review_date": "2024-04-02"},
		{"review_level": "County", "opinion": "县级同意", "review_date": "2024-05-06"},
	]
	return recommendation_form(app, COMMUNITY, item or None, reviews)


def test_points_show_at_most_one_decimal() -> None:
	assert [points(v) for v in (5, 5.0, 4.5, 3.25, 0, None)] == ["5", "5", "4.5", "3.2", "0", ""]


def test_date_line_is_filled_when_known() -> None:
	assert date_line("2024-05-06") == "2024年5月6日"
	assert date_line(None) == "年　　月　　日"


def test_every_indicator_has_the_notice_wording() -> None:
	codes = [rule.code for rule in SCHEME.indicators]
	assert sorted(T.INDICATOR_TEXTS[SCHEME.code]) == sorted(codes)
	assert all(text.method.endswith("。") for text in T.INDICATOR_TEXTS[SCHEME.code].values())


def test_the_scoring_form_prints_the_wording_of_its_scheme() -> None:
	"""附件1's title, subtitle, issuer and 评分办法 are the scheme's; without a scheme, the named one's."""
	default = scoring(application())
	assert (default["title"], default["subtitle"], default["issuing_authority"], default["notice"]) == (
		"高质量就业社区（村）评分表",
		"（台州市高质量就业社区（村）建设评价指标（试行））",
		"台州市人力资源和社会保障局、台州市财政局",
		"台人社发〔2019〕52号",
	)
	texts = {"1": T.IndicatorText("一", "就业", "达97%得5分。")}
	wording = dataclasses.replace(
		SCHEME.wording, form_subtitle="（某市评价指标）", issuing_authority="某市人社局", indicators=texts
	)
	other = dataclasses.replace(SCHEME, code="other-2025", wording=wording)
	app = application()
	form = scoring_form(app, app["results"], 60, scheme=other)
	assert (form["title"], form["subtitle"], form["issuing_authority"]) == (
		"高质量就业社区（村）评分表",
		"（某市评价指标）",
		"某市人社局",
	)
	assert [(r["number"], r["item"], r["method"]) for r in form["rows"][:2]] == [
		("一", "就业", "达97%得5分。"),
		("2", "低收入家庭就业情况", ""),  # no text: its code and name, no method
	]
	card = score(full_marks(), other)
	identity = {"community_name": "前所村", "township": "前所街道", "county": "椒江区", "year": 2024}
	assert scoring_form_of_card(identity, card, 100, 10)["subtitle"] == "（某市评价指标）"
	unknown = scoring_form(app | {"scheme": "no-such-scheme"}, app["results"], 60)
	# a scheme nobody knows prints the programme's title and no city's subtitle
	assert (unknown["title"], unknown["subtitle"], unknown["rows"][0]["method"]) == (T.SCORING_TITLE, "", "")


def test_scoring_form_groups_8a_to_8d_under_one_number() -> None:
	form = scoring(application(employed=960))
	numbers = [(r["number"], r["rowspan"]) for r in form["rows"]]
	assert numbers[7:11] == [("8", 4), ("8", 0), ("8", 0), ("8", 0)]
	assert [r["max_points"] for r in form["rows"][7:11]] == ["30", "15", "5", "5"]
	assert form["rows"][0]["points"] == "3" and "95%" in form["rows"][0]["method"]
	assert (form["total_score"], form["total_max"], form["verdict"]) == ("108", "110", T.ELIGIBLE)


def test_recommendation_form_prefers_the_recommendation_row_then_the_review() -> None:
	form = recommendation(
		application(), achievements="成效", county_opinion="推荐", county_opinion_date="2024-05-20"
	)
	township, county, city = form["opinions"]
	assert (township["text"], township["date"]) == ("同意推荐", "2024年4月2日")
	assert (county["text"], county["date"]) == ("推荐", "2024年5月20日")
	assert (city["text"], city["date"], city["seal"]) == ("", "年　　月　　日", "(盖章)")
	assert (form["contact_person"], form["phone"], form["address"], form["achievements"]) == (
		"王芳",
		"0576-1",
		"前所街道1号",
		"成效",
	)


def test_one_scoring_sheet_per_application_with_the_stored_values() -> None:
	apps = [application(), application("HQE-2024-00002", "后所村", employed=950, innovation_points=2.5)]
	wb = load_workbook(io.BytesIO(workbook_bytes("scoring", [scoring(a) for a in apps])))
	assert wb.sheetnames == ["前所村", "后所村"]
	for ws, app in zip(wb.worksheets, apps, strict=True):
		assert (ws["C4"].value, ws["F4"].value, ws["C5"].value, ws["F5"].value) == (
			app["community_name"],
			2024,
			"前所街道",
			"椒江区",
		)
		assert ws["A3"].value == T.SCORING_SUBTITLE
		assert [c.value for c in ws[6]] == list(T.SCORING_HEADER)
		for row, r in enumerate(app["results"], start=7):
			assert (ws.cell(row, 3).value, ws.cell(row, 5).value, ws.cell(row, 6).value) == (
				r["max_points"],
				r["points"],
				r["basis"],
			)
		assert ws.cell(21, 1).value == T.TOTAL_SCORE and ws.cell(21, 5).value == app["total_score"]
		assert ws.cell(22, 4).value == T.ELIGIBLE
		assert {"A14:A17", "B14:B17"} <= {str(m) for m in ws.merged_cells.ranges}
		assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.fitToWidth == 1  # 9: A4
	assert wb["后所村"].cell(20, 5).value == 7.5  # bonus 5 + 2.5 innovation, shown with its half point


def test_recommendation_sheet_fits_300_characters_and_three_opinion_blocks() -> None:
	achievements = "就业" * 150
	wb = build_workbook("recommendation", [recommendation(application(), achievements=achievements)])
	ws = wb.active
	assert (ws["A2"].value, ws["B3"].value, ws["E3"].value, ws["B4"].value, ws["E4"].value) == (
		T.RECOMMENDATION_TITLE,
		"前所村",
		"王芳",
		"前所街道1号",
		"0576-1",
	)
	assert ws["B5"].value == achievements and len(ws["B5"].value) == 300
	assert ws["B5"].alignment.wrap_text and ws.row_dimensions[5].height >= 150
	assert [ws[f"{c}6"].value for c in "ACE"] == list(T.OPINION_HEADINGS.values())
	assert [ws[f"{c}8"].value for c in "ACE"] == ["(盖章)"] * 3
	assert [ws[f"{c}9"].value for c in "ACE"] == ["2024年4月2日", "2024年5月6日", "年　　月　　日"]
	assert {"B5:F5", "A7:B7", "C7:D7", "E7:F7"} <= {str(m) for m in ws.merged_cells.ranges}
	assert ws["B5"].border.top.style == "thin" and ws["F9"].border.bottom.style == "thin"
	assert ws.page_setup.fitToHeight == 1 and ws.print_area == "'前所村'!$A$1:$F$9"
	total_height = sum(ws.row_dimensions[r].height for r in range(1, 10))
	assert total_height < 842 - 2 * 0.7 * 72  # points: one A4 page inside the margins, before scaling


def test_sheet_titles_are_legal_and_unique() -> None:
	taken: set[str] = set()
	assert [sheet_title(n, taken) for n in ("前所村", "前所村", "a/b:c", "x" * 40)] == [
		"前所村",
		"前所村(2)",
		"a_b_c",
		"x" * 31,
	]


def test_unknown_form_and_empty_selection_are_refused() -> None:
	with pytest.raises(ValueError):
		build_workbook("award", [])
	with pytest.raises(ValueError):
		build_workbook("scoring", [])


def with_includes(template: str) -> str:
	"""A print format's template with the app's shared templates it includes put in place."""
	app = Path(__file__).parent.parent

	def read(match: re.Match) -> str:
		return (app / match.group(1)).read_text(encoding="utf-8")

	return re.sub(r'{%\s*include\s+"([^"]+)"\s*%}', read, template)


def test_print_format_templates_match_their_json() -> None:
	"""Frappe renders the .html beside a standard print format; its JSON must carry the same template."""
	folders = sorted(p for p in PRINT_FORMATS.iterdir() if p.is_dir())
	doctypes = {
		"市级高质量就业社区(村)推荐表": "HQE Application",
		"高质量就业社区(村)公示名单": "HQE Publication",
		"高质量就业社区(村)认定文件": "HQE Certification Document",
		"高质量就业社区(村)评分表": "HQE Application",
	}
	assert [f.name for f in folders] == sorted(doctypes)
	for folder in folders:
		meta = json.loads((folder / f"{folder.name}.json").read_text(encoding="utf-8"))
		assert (meta["doc_type"], meta["standard"], meta["custom_format"], meta["print_format_type"]) == (
			doctypes[folder.name],
			"Yes",
			1,
			"Jinja",
		)
		assert meta["html"] == (folder / f"{folder.name}.html").read_text(encoding="utf-8")
		template = with_includes(meta["html"])
		assert "size: A4" in template and '"Noto Sans CJK SC"' in template


def test_form_modules_never_import_frappe() -> None:
	code = (
		"import sys, hqe_app.forms.workbook, hqe_app.forms.data; "
		"assert 'frappe' not in sys.modules, 'frappe was imported'"
	)
	subprocess.run([sys.executable, "-c", code], check=True)
