"""One 附件1: `hqe-score -o` and the desk's Excel export show the same cells for the same application.

The offline side runs the CLI on a JSON file; the desk side builds, from the same engine result, what
the site stores (the application's scores and its HQE Indicator Result rows, as apply_scores writes
them) and exports it as print_helpers.scoring_forms does. No Frappe needed.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hqe_app.forms import texts as T
from hqe_app.forms.data import scoring_form
from hqe_app.forms.workbook import workbook_bytes
from hqe_app.offline.cli import main
from hqe_app.scoring import score
from tests.factories import SCHEME, application, full_marks

IDENTITY = {"community": "东山社区", "township": "海门街道", "county": "椒江区", "year": 2024}
CASES = {
	"eligible": full_marks(media_reports_county=2, innovation_points=2.5),
	"not eligible": application(employed=950, has_service_venue=True),
}


def desk_sheet(values: dict) -> list[tuple]:
	"""What the site stores for this application, exported by the desk's renderer."""
	card = score(values, SCHEME)
	stored = {
		"name": "HQE-2024-00001",
		"community_name": IDENTITY["community"],
		"township": IDENTITY["township"],
		"county": IDENTITY["county"],
		"year": IDENTITY["year"],
		"scheme": SCHEME.code,
		"base_score": card.base,
		"bonus_score": card.bonus,
		"total_score": card.total,
		"eligible": int(card.total >= 60),
	}
	results = [
		{
			"indicator_code": r.code,
			"indicator_name": r.name,
			"max_points": r.max_points,
			"points": r.points,
			"basis": r.basis,
		}
		for r in card.results
	]
	form = scoring_form(stored, results, 60, SCHEME.base_max, SCHEME.bonus_max)
	ws = load_workbook(io.BytesIO(workbook_bytes("scoring", [form]))).worksheets[0]
	return cells(ws), {str(m) for m in ws.merged_cells.ranges}


def offline_sheet(values: dict, tmp_path: Path) -> list[tuple]:
	source, out = tmp_path / "apps.json", tmp_path / "out.xlsx"
	source.write_text(json.dumps([IDENTITY | values], ensure_ascii=False), encoding="utf-8")
	assert main([str(source), "-o", str(out)]) == 0
	wb = load_workbook(out)
	ws = wb[next(name for name in wb.sheetnames if name.startswith("00001"))]
	return cells(ws), {str(m) for m in ws.merged_cells.ranges}


def cells(ws) -> list[tuple]:
	"""Every row's values up to the verdict (the offline sheet adds its 距离达标 block after it)."""
	rows = [tuple(c.value for c in row[:6]) for row in ws.iter_rows()]
	last = next(i for i, row in enumerate(rows) if row[0] == T.PASS_MARK)
	return rows[: last + 1]


@pytest.mark.parametrize("case", CASES)
def test_offline_and_desk_score_sheets_carry_the_same_cells(case: str, tmp_path: Path) -> None:
	desk, desk_merges = desk_sheet(CASES[case])
	offline, offline_merges = offline_sheet(CASES[case], tmp_path)
	assert offline == desk
	assert desk_merges <= offline_merges
	texts = [v for row in desk for v in row if v not in (None, "")]
	card = score(CASES[case], SCHEME)
	assert texts[:3] == [T.SCORING_ANNEX, T.SCORING_TITLE, T.SCORING_SUBTITLE]
	assert [r.basis for r in card.results] == [row[5] for row in desk[6 : 6 + len(card.results)]]
	assert desk[-1][3] == (T.ELIGIBLE if card.eligible else T.NOT_ELIGIBLE)
	assert desk[-2][:5] == (T.TOTAL_SCORE, None, SCHEME.base_max + SCHEME.bonus_max, None, card.total)


def test_print_format_takes_every_label_from_the_form() -> None:
	"""The print format writes no wording of its own: each label is a key of forms.data.scoring_form."""
	folder = Path(__file__).parent.parent / "hqe_app" / "high_quality_employment" / "print_format"
	html = (folder / "高质量就业社区(村)评分表" / "高质量就业社区(村)评分表.html").read_text(encoding="utf-8")
	for text in (
		T.SCORING_ANNEX,
		T.SCORING_TITLE,
		T.SCORING_SUBTITLE,
		T.COMMUNITY_NAME,
		T.TOWNSHIP,
		T.COUNTY,
		T.YEAR,
		*T.SCORING_HEADER,
		T.BASE_SCORE,
		T.BONUS_SCORE,
		T.TOTAL_SCORE,
		T.PASS_MARK,
	):
		assert text not in html.split("-#}", 1)[1], text
