"""A new yes/no checklist item, added to a scheme's data alone, flows everywhere a built-in one does:
the score and its basis, the gap to the pass mark, the data template, the 附件1 score sheet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hqe_app.excel_io.columns import DATA_SHEET, HELP_SHEET, columns
from hqe_app.excel_io.reader import read_rows
from hqe_app.excel_io.template import FIRST_DATA_ROW, write_template
from hqe_app.forms.data import scoring_form_of_card
from hqe_app.i18n import translator
from hqe_app.programme.limits import check_scheme_against_notice
from hqe_app.scoring import InvalidApplication, Option, score
from hqe_app.scoring.scheme_check import check_scheme
from hqe_app.scoring.scheme_io import scheme_from_dict, scheme_to_json
from tests.factories import SCHEME, application, full_marks

ZH = translator("zh")
NEW = "live_job_fairs"
IDENTITY = {"community_name": "前所村", "township": "前所街道", "county": "椒江区", "year": 2024}


def with_new_item() -> dict:
	"""taizhou-2019 with 8B's vocational training worth 1 instead of 2, and a new item worth 1: 开展直播带岗."""
	data = json.loads(scheme_to_json(SCHEME))
	data["code"], data["version"] = "taizhou-2025", 2
	at = next(i for i, f in enumerate(data["fields"]) if f["name"] == "startup_loan_assistance")
	data["fields"].insert(
		at + 1, {"name": NEW, "label": "开展直播带岗", "kind": "check", "section": "service_b"}
	)
	service_b = next(i for i in data["indicators"] if i["code"] == "8B")
	service_b["items"][2]["points"] = 1  # skills_training
	service_b["items"].append({"kind": "check", "field": NEW, "points": 1, "text": "开展直播带岗"})
	data["levers"].append(NEW)
	return data


SCHEME_2025 = scheme_from_dict(with_new_item())


def test_the_scheme_with_the_new_item_passes_its_checks() -> None:
	assert check_scheme(SCHEME_2025) == []
	assert check_scheme_against_notice(SCHEME_2025) == []
	assert [f.name for f in SCHEME_2025.fields][33:35] == ["startup_loan_assistance", NEW]


def test_the_new_item_scores_with_its_basis() -> None:
	ticked = score(application(**{NEW: True}), SCHEME_2025)
	assert (ticked.points["8B"], ticked.total) == (1, 1)
	assert ticked.results[8].basis == "开展直播带岗1分；得1分"
	assert score(application(**{NEW: False}), SCHEME_2025).points["8B"] == 0
	top = score(full_marks(**{NEW: True}), SCHEME_2025)
	assert (top.points["8B"], top.base, top.total) == (15, 100, 110)
	assert score(full_marks(**{NEW: False}), SCHEME_2025).points["8B"] == 14
	# built-in scheme: the same values (the extra key ignored) score as before
	assert score(full_marks(**{NEW: True}), SCHEME).points["8B"] == 15


def test_the_new_item_is_required_like_every_field() -> None:
	with pytest.raises(InvalidApplication) as raised:
		score(application(), SCHEME_2025)
	assert [(e.field, e.message) for e in raised.value.errors] == [(NEW, "开展直播带岗为必填项")]


def test_the_new_item_is_a_lever_of_the_gap() -> None:
	card = score(full_marks(employed=960, **{NEW: False}), SCHEME_2025)
	assert card.to_pass.options == (Option("employed", "1", 960, 980, 2), Option(NEW, "8B", False, True, 1))
	weak = score(application(**{NEW: False}), SCHEME_2025).to_pass
	assert weak.missing == 60 and Option(NEW, "8B", False, True, 1) in weak.options
	ticked = score(full_marks(employed=960, **{NEW: True}), SCHEME_2025)
	assert NEW not in [o.field for o in ticked.to_pass.options]


def test_the_new_item_is_a_column_of_the_data_template(tmp_path: Path) -> None:
	cols = columns(SCHEME_2025, ZH)
	names = [c.name for c in cols]
	assert names[:4] == ["community", "township", "county", "year"]
	assert names[4:] == [f.name for f in SCHEME_2025.fields] and NEW in names
	new = cols[names.index(NEW)]
	assert (new.label, new.kind, new.help) == ("开展直播带岗", "check", "填“是”或“否”（也可填 1/0、yes/no）")
	path = tmp_path / "template.xlsx"
	write_template(path, SCHEME_2025, ZH)
	wb = load_workbook(path)
	ws = wb[DATA_SHEET]
	column = [c.value for c in ws[2]].index(NEW) + 1
	assert ws.cell(1, column).value == "开展直播带岗"
	help_rows = {r[0]: r for r in wb[HELP_SHEET].iter_rows(min_row=2, values_only=True) if r[0]}
	assert help_rows[NEW][1:3] == ("开展直播带岗", "就业服务（二）")
	# filled in and read back, it scores
	values = {"community": "前所村", "township": "前所街道", "county": "椒江区", "year": 2024}
	values |= application(**{NEW: True})
	for index, name in enumerate(c.value for c in ws[2]):
		value = values[name]
		ws.cell(
			FIRST_DATA_ROW, index + 1, value=("是" if value else "否") if isinstance(value, bool) else value
		)
	wb.save(path)
	[row] = read_rows(path, SCHEME_2025, ZH)
	assert row.values[NEW] == "是"
	assert score(row.values, SCHEME_2025).points["8B"] == 1


def test_the_new_item_shows_on_the_score_sheet() -> None:
	card = score(full_marks(**{NEW: True}), SCHEME_2025)
	form = scoring_form_of_card(IDENTITY, card, SCHEME_2025.base_max, SCHEME_2025.bonus_max)
	row = next(r for r in form["rows"] if r["code"] == "8B")
	assert (row["points"], row["max_points"]) == ("15", "15")
	assert row["basis"].endswith("创业孵化指导服务3分、协助办理创业担保贷款1分、开展直播带岗1分；得15分")
	assert "职业技能培训1分" in row["basis"]
