"""SPEC §12: the gap to the pass mark (each lever's smallest rise, exactly at the band edge) and the flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from hqe_app.i18n import translator
from hqe_app.offline.cli import main
from hqe_app.scoring import score
from hqe_app.scoring.validate import normalize
from tests.factories import CHECK_FIELDS, SCHEME, application, full_marks
from tests.test_properties import valid_applications


def options(**overrides: object) -> dict[str, dict[str, object]]:
	"""The options of an application, by field."""
	return {o.field: o.as_dict() for o in score(application(**overrides)).to_pass.options}


def option(field: str, **overrides: object) -> dict[str, object] | None:
	return options(**overrides).get(field)


def total(**overrides: object) -> float:
	return score(application(**overrides)).total


# --- ratio levers: the option lands on the threshold, one less stays below it ---------------------


def test_spec_example_employed_2900_of_3000() -> None:
	values = {"working_age_capable": 3000, "labor_force": 3000, "employed": 2900}
	assert option("employed", **values) == {
		"field": "employed",
		"indicator": "1",
		"from": 2900,
		"to": 2940,
		"gain": 2,
	}


@pytest.mark.parametrize(
	("field", "indicator", "values", "now", "to", "gain"),
	[
		# 1 总体就业率: employed / labor_force (1000); 95 % → 3, 98 % → 5
		("employed", "1", {}, 0, 950, 3),
		("employed", "1", {"employed": 949}, 949, 950, 3),
		("employed", "1", {"employed": 950}, 950, 980, 2),
		("employed", "1", {"employed": 979}, 979, 980, 2),
		# a denominator that is not a round number: ceil(0.95 × 333) = 317 (316.35)
		("employed", "1", {"labor_force": 333, "employed": 300}, 300, 317, 3),
		("employed", "1", {"labor_force": 333, "employed": 317}, 317, 327, 2),
		# 3 技能: certified_workers / labor_force (1000); 10 % → 3, 20 % → 4, 30 % → 5
		("certified_workers", "3", {}, 0, 100, 3),
		("certified_workers", "3", {"certified_workers": 100}, 100, 200, 1),
		("certified_workers", "3", {"certified_workers": 299}, 299, 300, 1),
		("certified_workers", "3", {"labor_force": 7, "certified_workers": 1}, 1, 2, 1),
		# 4 社保: employee / (employee + resident 100); the numerator is in its own denominator
		("pension_employee_insured", "4", {}, 0, 100, 3),  # 100/200 = 50 %
		("pension_employee_insured", "4", {"pension_employee_insured": 100}, 100, 150, 1),  # 60 %
		("pension_employee_insured", "4", {"pension_employee_insured": 150}, 150, 400, 1),  # 80 %
		("pension_employee_insured", "4", {"pension_resident_insured": 7}, 0, 7, 3),  # 7/14
		(
			"pension_employee_insured",
			"4",
			{"pension_resident_insured": 7, "pension_employee_insured": 7},
			7,
			11,
			1,
		),
		# 5 创业率: entrepreneurs / working_age_capable (1000); 4 % → 3, 7 % → 4, 10 % → 5
		("entrepreneurs", "5", {}, 0, 40, 3),
		("entrepreneurs", "5", {"entrepreneurs": 40}, 40, 70, 1),
		("entrepreneurs", "5", {"entrepreneurs": 99}, 99, 100, 1),
		("entrepreneurs", "5", {"working_age_capable": 1001}, 0, 41, 3),  # 40.04 → 41
		# 6 创业带动就业: jobs_created / new_market_entities; 3 → 3, 4 → 4, 5 → 5
		("jobs_created", "6", {"new_market_entities": 3}, 0, 9, 3),
		("jobs_created", "6", {"new_market_entities": 3, "jobs_created": 9}, 9, 12, 1),
		("jobs_created", "6", {"new_market_entities": 3, "jobs_created": 14}, 14, 15, 1),
		("jobs_created", "6", {"new_market_entities": 7, "jobs_created": 1}, 1, 21, 3),
	],
)
def test_ratio_option_lands_on_the_band_edge(
	field: str, indicator: str, values: dict[str, object], now: int, to: int, gain: float
) -> None:
	found = option(field, **values)
	assert found == {"field": field, "indicator": indicator, "from": now, "to": to, "gain": gain}
	before = total(**values)
	assert total(**values | {field: to}) == before + gain
	assert total(**values | {field: to - 1}) == before  # one less does not reach the band


def test_a_tiny_denominator_may_cross_two_bands_at_once() -> None:
	# 0 of 1 employed → 1 of 1 is 100 %: past 95 % and 98 % at once.
	values = {"working_age_capable": 1, "labor_force": 1}
	assert option("employed", **values) == {
		"field": "employed",
		"indicator": "1",
		"from": 0,
		"to": 1,
		"gain": 5,
	}


@pytest.mark.parametrize(
	("field", "values"),
	[
		("employed", {"employed": 980}),  # top band already
		("certified_workers", {"certified_workers": 300}),
		("pension_employee_insured", {"pension_employee_insured": 400}),
		("pension_employee_insured", {"pension_resident_insured": 0, "pension_employee_insured": 5}),
		("entrepreneurs", {"entrepreneurs": 100}),
		("jobs_created", {}),  # no new entities: the ratio is not defined, jobs are no lever
		("jobs_created", {"new_market_entities": 1, "jobs_created": 5}),
	],
)
def test_no_option_when_the_field_cannot_raise_the_total(field: str, values: dict[str, object]) -> None:
	assert option(field, **values) is None


def test_a_part_never_passes_its_whole() -> None:
	# 18 of 20 is 90 %; 19 reaches 95 %, and from 19 the next band (98 %) needs all 20.
	assert option("employed", labor_force=20, working_age_capable=20, employed=18) == {
		"field": "employed",
		"indicator": "1",
		"from": 18,
		"to": 19,
		"gain": 3,
	}
	assert option("employed", labor_force=20, working_age_capable=20, employed=19) == {
		"field": "employed",
		"indicator": "1",
		"from": 19,
		"to": 20,
		"gain": 2,
	}
	for found in options(labor_force=20, working_age_capable=20, employed=19).values():
		if found["field"] in ("employed", "certified_workers"):
			assert found["to"] <= 20


# --- the other levers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
	("values", "to", "gain"),
	[
		({"low_income_households": 5, "low_income_households_employed": 0}, 1, 1),
		({"low_income_households": 5, "low_income_households_employed": 4}, 5, 1),
		# 9 households missing: 5 − 9 < 0; the first point comes back at 4 missing (5 employed)
		({"low_income_households": 10, "low_income_households_employed": 1}, 6, 1),
	],
)
def test_low_income_households(values: dict[str, object], to: int, gain: float) -> None:
	found = option("low_income_households_employed", **values)
	assert (found["indicator"], found["to"], found["gain"]) == ("2", to, gain)
	before = total(**values)
	assert total(**values | {"low_income_households_employed": to}) == before + gain
	assert total(**values | {"low_income_households_employed": to - 1}) == before


def test_low_income_households_all_employed_or_none_is_no_option() -> None:
	assert (
		option("low_income_households_employed", low_income_households=3, low_income_households_employed=3)
		is None
	)
	assert option("low_income_households_employed", low_income_households=0) is None


@pytest.mark.parametrize(
	("values", "to", "gain"),
	[
		({}, 1, 4),  # no hard-to-employ persons: 1 job is ≥ 1 and ≥ 20 % of 0
		({"hard_to_employ_persons": 12}, 1, 1),  # 1 job: +1; 20 % of 12 needs 3 (2.4)
		({"hard_to_employ_persons": 12, "new_public_welfare_jobs": 1}, 3, 3),
		({"hard_to_employ_persons": 10, "new_public_welfare_jobs": 1}, 2, 3),  # exactly 20 %
		({"hard_to_employ_persons": 3}, 1, 4),  # 1 of 3 is 33 %: both at once
	],
)
def test_new_public_welfare_jobs(values: dict[str, object], to: int, gain: float) -> None:
	found = option("new_public_welfare_jobs", **values)
	assert (found["indicator"], found["to"], found["gain"]) == ("8A", to, gain)
	before = total(**values)
	assert total(**values | {"new_public_welfare_jobs": to}) == before + gain
	assert total(**values | {"new_public_welfare_jobs": to - 1}) < before + gain


def test_yes_no_items_and_the_infrastructure_gate() -> None:
	found = options()
	assert found["visits_recorded"] == {
		"field": "visits_recorded",
		"indicator": "8A",
		"from": False,
		"to": True,
		"gain": 4,
	}
	assert found["subsidy_startup"]["gain"] == 1
	# 7 基础建设: one item alone stays below 9 points → no option; with two ticked, the third gives 9
	assert not any(name in found for name in ("has_service_venue", "has_professional_staff"))
	two = {"has_service_venue": True, "has_professional_staff": True}
	assert option("has_stable_funding", **two)["gain"] == 9
	three = two | {"has_stable_funding": True}
	assert option("has_published_services", **three)["gain"] == 3
	assert option("has_service_venue", **three) is None  # already yes


@pytest.mark.parametrize(
	("field", "now", "to", "gain"),
	[
		("job_referral_level", "none", "success", 2),
		("job_referral_level", "success", "hard_to_employ", 2),
		("job_referral_level", "hard_to_employ", "outstanding", 3),
		("job_referral_level", "outstanding", None, None),
		("other_services_level", "none", "provided", 3),
		("other_services_level", "provided", "outstanding", 2),
		("other_services_level", "outstanding", None, None),
	],
)
def test_selects_go_to_the_next_option(field: str, now: str, to: str | None, gain: float | None) -> None:
	found = option(field, **{field: now})
	if to is None:
		assert found is None
	else:
		assert (found["from"], found["to"], found["gain"]) == (now, to, gain)


@pytest.mark.parametrize(
	("values", "expected"),
	[
		({}, {"media_reports_county": 1, "media_reports_city": 2, "media_reports_province": 3}),
		(
			{"media_reports_city": 2},
			{"media_reports_county": 1, "media_reports_city": 1, "media_reports_province": 1},
		),
		({"media_reports_province": 2}, {}),  # media at its cap of 5
		# media 2 + innovation 5 = 7: the bonus cap (10) is not what stops it; media's own cap is
		(
			{"media_reports_city": 1, "innovation_points": 5},
			{
				"media_reports_county": 1,
				"media_reports_city": 2,
				"media_reports_province": 3,
			},
		),
	],
)
def test_media_reports_plus_one_within_the_caps(
	values: dict[str, object], expected: dict[str, float]
) -> None:
	found = options(**values)
	got = {name: found[name]["gain"] for name in found if name.startswith("media_")}
	assert got == expected
	for name in got:
		assert found[name]["to"] == found[name]["from"] + 1


def test_bonus_cap_limits_the_gain() -> None:
	# media 4 (+ innovation 5 = bonus 9): a province report would add 1 to media (cap 5) → +1
	values = {"media_reports_county": 4, "innovation_points": 5}
	found = options(**values)
	assert {n: found[n]["gain"] for n in found if n.startswith("media_")} == {
		"media_reports_county": 1,
		"media_reports_city": 1,
		"media_reports_province": 1,
	}


def test_innovation_and_denominators_are_not_levers() -> None:
	found = options()
	for fact in (
		"working_age_capable",
		"labor_force",
		"low_income_households",
		"hard_to_employ_persons",
		"pension_resident_insured",
		"new_market_entities",
		"innovation_points",
	):
		assert fact not in found


# --- missing, ordering ---------------------------------------------------------------------------


def test_missing_is_the_pass_mark_less_the_total_not_below_zero() -> None:
	assert score(application()).to_pass.missing == 60
	assert score(full_marks()).to_pass.missing == 0
	assert score(full_marks()).to_pass.options == ()
	card = score(application(employed=1000), pass_mark=70)
	assert card.to_pass.missing == 65


def test_options_by_gain_then_field_name() -> None:
	found = score(application(employed=960)).to_pass.options
	keys = [(-o.gain, o.field) for o in found]
	assert keys == sorted(keys)
	assert len({o.field for o in found}) == len(found)
	assert [o.field for o in found[:2]] == ["new_public_welfare_jobs", "visits_recorded"]  # gain 4 each


# --- property: any option applied to valid data is valid and raises the total by exactly its gain --


@settings(max_examples=300, deadline=None)
@given(valid_applications(), st.data())
def test_applying_an_option_gives_valid_data_and_exactly_its_gain(
	values: dict[str, object], data: st.DataObject
) -> None:
	card = score(values)
	gap = card.to_pass
	assert gap.missing == max(0, round(60 - card.total, 6))
	assert len({o.field for o in gap.options}) == len(gap.options)
	assert [(-o.gain, o.field) for o in gap.options] == sorted((-o.gain, o.field) for o in gap.options)
	if not gap.options:
		return
	chosen = data.draw(st.sampled_from(gap.options))
	assert values[chosen.field] == chosen.from_
	changed = values | {chosen.field: chosen.to}
	_clean, errors = normalize(SCHEME, changed, translator("en"))
	assert errors == []
	assert round(score(changed).total - card.total, 6) == chosen.gain > 0


@settings(max_examples=150, deadline=None)
@given(valid_applications())
def test_each_option_is_the_smallest_rise(values: dict[str, object]) -> None:
	"""For a count lever, one less than `to` gains nothing (or the value is the first one above)."""
	card = score(values)
	for o in card.to_pass.options:
		if isinstance(o.to, bool) or isinstance(o.to, str):
			continue
		if o.to - 1 > o.from_:
			assert score(values | {o.field: o.to - 1}).total <= card.total


# --- flags ---------------------------------------------------------------------------------------


FLAG_CASES = [
	(
		"welfare_jobs_exceed_hard_to_employ",
		"new_public_welfare_jobs",
		{"new_public_welfare_jobs": 3, "hard_to_employ_persons": 2, "has_public_welfare_jobs": True},
		{"new_public_welfare_jobs": 2, "hard_to_employ_persons": 2, "has_public_welfare_jobs": True},
	),
	(
		"jobs_without_entities",
		"jobs_created",
		{"jobs_created": 1, "new_market_entities": 0},
		{"jobs_created": 1, "new_market_entities": 1},
	),
	(
		"entrepreneurs_exceed_labor_force",
		"entrepreneurs",
		{"working_age_capable": 1000, "labor_force": 100, "entrepreneurs": 101},
		{"working_age_capable": 1000, "labor_force": 100, "entrepreneurs": 100},
	),
	(
		"survey_detail_without_survey",
		"hr_survey_data_complete",
		{"hr_survey_data_complete": True},
		{"hr_survey_data_complete": True, "hr_survey_conducted": True},
	),
	(
		"survey_detail_without_survey",
		"hr_survey_updated_regularly",
		{"hr_survey_updated_regularly": True},
		{"hr_survey_updated_regularly": False},
	),
	(
		"new_welfare_jobs_without_welfare_jobs",
		"new_public_welfare_jobs",
		{"new_public_welfare_jobs": 1, "hard_to_employ_persons": 5},
		{"new_public_welfare_jobs": 1, "hard_to_employ_persons": 5, "has_public_welfare_jobs": True},
	),
]


@pytest.mark.parametrize(("code", "field", "on", "off"), FLAG_CASES, ids=[c[0] for c in FLAG_CASES])
def test_each_flag_on_and_off(code: str, field: str, on: dict[str, object], off: dict[str, object]) -> None:
	raised = score(application(**on)).data_flags
	assert [(f.code, f.field) for f in raised] == [(code, field)]
	assert score(application(**off)).data_flags == ()


def test_flag_messages_are_chinese_by_default_and_english_with_the_translator() -> None:
	values = application(working_age_capable=1000, labor_force=100, entrepreneurs=101)
	(zh,) = score(values).data_flags
	assert zh.as_dict() == {
		"code": "entrepreneurs_exceed_labor_force",
		"field": "entrepreneurs",
		"message": "当前创业人数多于有劳动能力和就业愿望的适龄人员数",
	}
	(en,) = score(values, _=translator("en")).data_flags
	assert en.message == "More current entrepreneurs than residents able and willing to work"
	assert score(values).flags == (zh.message,)  # the messages alone, as the desk stores them


def test_every_scheme_flag_has_a_code_and_a_chinese_message() -> None:
	codes = [flag.code for flag in SCHEME.flags]
	assert set(codes) >= {
		"welfare_jobs_exceed_hard_to_employ",
		"jobs_without_entities",
		"entrepreneurs_exceed_labor_force",
		"survey_detail_without_survey",
		"new_welfare_jobs_without_welfare_jobs",
	}
	assert len(codes) == len(set(codes))
	zh = translator("zh")
	assert all(zh(flag.message) != flag.message for flag in SCHEME.flags)


def test_flags_do_not_change_the_score() -> None:
	on = application(new_public_welfare_jobs=3, hard_to_employ_persons=2, jobs_created=4)
	assert score(on).data_flags
	assert score(on).total == score(on | {"hard_to_employ_persons": 2}).total


# --- hqe-score: --json and the workbook -----------------------------------------------------------


def identity(community: str) -> dict[str, object]:
	return {"community": community, "township": "海门街道", "county": "椒江区", "year": 2024}


def test_json_rows_carry_to_pass_and_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
	source = tmp_path / "apps.json"
	weak = identity("东山社区") | application(
		working_age_capable=3000, labor_force=3000, employed=2900, jobs_created=2
	)
	refused = identity("南塘村") | application(employed=-1)
	source.write_text(json.dumps([weak, refused], ensure_ascii=False), encoding="utf-8")
	assert main([str(source), "--json"]) == 1
	out = json.loads(capsys.readouterr().out)
	row = out[0]
	assert list(row)[-3:] == ["to_pass", "flags", "errors"]
	assert row["to_pass"]["missing"] == 60 - row["total"]
	assert {"field": "employed", "indicator": "1", "from": 2900, "to": 2940, "gain": 2} in row["to_pass"][
		"options"
	]
	assert all(list(o) == ["field", "indicator", "from", "to", "gain"] for o in row["to_pass"]["options"])
	assert row["flags"] == [
		{
			"code": "jobs_without_entities",
			"field": "jobs_created",
			"message": "无新创办的市场主体却填报了带动就业人数",
		}
	]
	assert "to_pass" not in out[1] and "flags" not in out[1]


def test_json_flags_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
	source = tmp_path / "apps.json"
	rows = [identity("东山社区") | application(hr_survey_updated_regularly=True)]
	source.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
	assert main([str(source), "--json", "--lang", "en"]) == 0
	(row,) = json.loads(capsys.readouterr().out)
	assert row["flags"] == [
		{
			"code": "survey_detail_without_survey",
			"field": "hr_survey_updated_regularly",
			"message": "Survey data marked complete or updated although no human resources survey was conducted",
		}
	]


def test_score_sheet_has_the_gap_block_and_the_flags(tmp_path: Path) -> None:
	source, out = tmp_path / "apps.json", tmp_path / "out.xlsx"
	rows = [
		identity("东山社区")
		| application(working_age_capable=3000, labor_force=3000, employed=2900, jobs_created=2),
		identity("西湖村") | full_marks(),
	]
	source.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
	assert main([str(source), "-o", str(out)]) == 0
	wb = load_workbook(out, read_only=True)
	weak = [row for row in wb["00001 东山社区"].iter_rows(values_only=True) if any(row)]
	labels = [row[1] if len(row) > 1 else None for row in weak]
	at = labels.index("距离达标")
	assert weak[at][4] == f"距达标线60分尚差{60 - score(rows[0]).total:g}分"
	assert weak[at + 1] == ("序号", "可改进项", "现值", "改为", "可增加分数")
	best = weak[at + 2 : at + 7]
	assert best[:2] == [
		("8A", "新开发公益性岗位数", 0, 1, 4),
		("8A", "定期走访失业人员和援助对象并有完整记录", "否", "是", 4),
	]
	assert len(best) == 5 and all(row[0] for row in best)
	flags_at = labels.index("数据提示")
	assert weak[flags_at + 1][1:] == ("带动就业人数", None, None, "无新创办的市场主体却填报了带动就业人数")
	strong = [row for row in wb["00002 西湖村"].iter_rows(values_only=True) if any(row)]
	texts = [cell for row in strong for cell in row]
	assert "已达到60分达标线" in texts and "无单项改动可增加分数" in texts and "数据提示" not in texts


def test_every_check_field_is_a_lever() -> None:
	assert set(CHECK_FIELDS) <= set(SCHEME.levers)


def test_a_lever_read_by_two_indicators_is_refused() -> None:
	import dataclasses

	variant = dataclasses.replace(SCHEME, levers=("labor_force",))  # a denominator of 1 and of 3
	with pytest.raises(ValueError, match="labor_force"):
		score(application(), scheme=variant).to_pass
