"""The check before a scheme is used: points add up, bands ordered within 0–100 %, every field known,
never laxer than the notice. Each problem is named by indicator and parameter."""

from __future__ import annotations

import json

import pytest

from hqe_app.i18n import translator
from hqe_app.programme.limits import NOTICE_SCHEME, check_scheme_against_notice
from hqe_app.scoring.scheme_check import check_scheme
from hqe_app.scoring.scheme_io import Problem, scheme_from_dict, scheme_to_json
from tests.factories import SCHEME

EN = translator(None)


def data() -> dict:
	return json.loads(scheme_to_json(SCHEME))


def indicator(d: dict, code: str) -> dict:
	return next(i for i in d["indicators"] if i["code"] == code)


def test_taizhou_2019_passes_every_check() -> None:
	assert check_scheme(SCHEME, EN) == []
	assert check_scheme(data(), EN) == []
	assert check_scheme_against_notice(SCHEME, EN) == []
	assert NOTICE_SCHEME is SCHEME


def test_a_dict_with_shape_problems_returns_them_rather_than_raising() -> None:
	d = data()
	indicator(d, "1")["kind"] = "formula"
	assert check_scheme(d, EN) == [
		Problem("1", "kind", "unknown kind 'formula'; use one of ratio_tiers, shortfall, checklist, bonus")
	]


def test_points_must_add_up() -> None:
	d = data()
	one = indicator(d, "1")
	one["max_points"] = 6
	one["tiers"][0]["points"] = 6
	assert check_scheme(d, EN) == [
		Problem(
			"", "indicators", "The base indicators' maximum points add up to 101, not the base maximum 100"
		)
	]
	d["base_max"] = 101
	assert check_scheme(d, EN) == [Problem("", "base_max", "The base points must add up to 100")]


def test_an_indicators_rule_must_reach_its_maximum_and_no_more() -> None:
	d = data()
	indicator(d, "3")["tiers"][0]["points"] = 4.5
	indicator(d, "8B")["items"][0]["points"] = 3
	indicator(d, "7")["gate"] = 16
	indicator(d, "9")["media_cap"] = 6
	indicator(d, "6")["zero_denominator_points"] = 6
	assert check_scheme(d, EN) == [
		Problem("3", "tiers[0].points", "The top band gives 4.5 points, not the indicator's maximum 5"),
		Problem("6", "zero_denominator_points", "Points must be between 0 and the indicator's maximum 5"),
		Problem("7", "gate", "The threshold must be between 0 and the items' 15 points"),
		Problem("8B", "items", "The items add up to 16 points, not the indicator's maximum 15"),
		Problem(
			"9",
			"media_cap",
			"The media cap and the innovation points add up to 11, not the indicator's maximum 10",
		),
	]


def test_the_bonus_cap_is_the_schemes() -> None:
	d = data()
	d["bonus_max"] = 12
	assert check_scheme(d, EN) == [
		Problem("", "bonus_max", "The bonus maximum 12 must be between 0 and the bonus indicators' points 10")
	]
	d["bonus_max"] = 8  # capped below what the bonus indicators could give: allowed
	assert check_scheme(d, EN) == []
	indicator(d, "9")["bonus"] = False
	assert check_scheme(d, EN) == [
		Problem(
			"", "indicators", "The base indicators' maximum points add up to 110, not the base maximum 100"
		),
		Problem("", "bonus_max", "The bonus maximum 8 must be between 0 and the bonus indicators' points 0"),
	]


def test_bands_go_down_in_threshold_and_points() -> None:
	d = data()
	indicator(d, "1")["tiers"] = [{"at_least": "95%", "points": 3}, {"at_least": "98%", "points": 5}]
	indicator(d, "3")["tiers"][1] = {"at_least": "20%", "points": 5}
	assert check_scheme(d, EN) == [
		Problem(
			"1",
			"tiers[1]",
			"Bands go from the highest down: each lower than the one before and worth fewer points",
		),
		Problem(
			"3",
			"tiers[1]",
			"Bands go from the highest down: each lower than the one before and worth fewer points",
		),
	]


@pytest.mark.parametrize(
	("tier", "band", "shown"),
	[(0, "120%", "120%"), (0, 98, "9800%"), (0, "101/100", "101%"), (0, 1.5, "150%"), (2, "-1%", "-1%")],
)
def test_a_percent_band_lies_within_0_and_100_percent(tier: int, band: object, shown: str) -> None:
	d = data()
	indicator(d, "5")["tiers"][tier]["at_least"] = band
	assert check_scheme(d, EN) == [
		Problem("5", f"tiers[{tier}].at_least", f"The band {shown} is outside 0–100 %"),
	]


def test_bands_at_0_and_100_percent_are_allowed_and_a_ratio_band_may_pass_one() -> None:
	d = data()
	indicator(d, "1")["tiers"] = [{"at_least": "100%", "points": 5}, {"at_least": 0, "points": 3}]
	indicator(d, "6")["tiers"][0]["at_least"] = 7  # jobs per new entity: 1:7, not a percentage
	assert check_scheme(d, EN) == []
	indicator(d, "6")["tiers"][2]["at_least"] = -1
	assert check_scheme(d, EN) == [Problem("6", "tiers[2].at_least", "The band must be 0 or more")]


def test_the_share_of_a_count_item_lies_within_0_and_100_percent() -> None:
	d = data()
	indicator(d, "8A")["items"][10]["share"] = "150%"
	assert check_scheme(d, EN) == [Problem("8A", "items[10].share", "The band 150% is outside 0–100 %")]


def test_every_field_a_rule_names_is_a_field_of_the_right_kind() -> None:
	d = data()
	indicator(d, "1")["numerator"] = "employeed"
	indicator(d, "4")["denominator"][1] = "has_service_venue"
	indicator(d, "2")["total"] = "households"
	indicator(d, "7")["items"][0]["field"] = "labor_force"
	indicator(d, "8A")["items"][5]["points"]["legendary"] = 0
	indicator(d, "8A")["items"][10]["share_of"] = "hard_to_employ"
	indicator(d, "8D")["items"][0]["field"] = "job_referral"
	indicator(d, "9")["media"][2]["field"] = "media_reports_world"
	indicator(d, "9")["innovation"] = "media_reports_city"
	assert check_scheme(d, EN) == [
		Problem("1", "numerator", "'employeed' is not a field of the scheme"),
		Problem("2", "total", "'households' is not a field of the scheme"),
		Problem("4", "denominator[1]", "has_service_venue is a yes/no field; a count field is needed"),
		Problem("7", "items[0].field", "labor_force is a count field; a yes/no field is needed"),
		Problem("8A", "items[5].points", "'legendary' is not an option of job_referral_level"),
		Problem("8A", "items[10].share_of", "'hard_to_employ' is not a field of the scheme"),
		Problem("8D", "items[0].field", "'job_referral' is not a field of the scheme"),
		Problem("9", "media[2].field", "'media_reports_world' is not a field of the scheme"),
		Problem("9", "innovation", "media_reports_city is a count field; a points field is needed"),
	]


def test_every_field_a_check_flag_or_lever_names_is_known() -> None:
	d = data()
	d["parts"][0]["whole"] = "working_age"
	d["positive"][1] = "labour_force"
	d["not_all_zero"][0] = ["pension_employee_insured"]
	d["flags"][3]["fields"][1] = "hr_survey_updated"
	d["flags"][5]["step"] = 0
	d["flags"][1]["code"] = d["flags"][0]["code"]
	d["levers"][0] = "employees"
	d["levers"].append("labor_force")  # read by indicators 1, 3 and 5
	assert check_scheme(d, EN) == [
		Problem("", "parts[0].whole", "'working_age' is not a field of the scheme"),
		Problem("", "positive[1]", "'labour_force' is not a field of the scheme"),
		Problem("", "not_all_zero[0]", "Name two fields"),
		Problem("", "flags[1].code", "Two flags have the code welfare_jobs_exceed_hard_to_employ"),
		Problem("", "flags[3].fields[1]", "'hr_survey_updated' is not a field of the scheme"),
		Problem("", "flags[5].step", "The step must be above 0"),
		Problem("", "levers[0]", "'employees' is not a field of the scheme"),
		Problem("3", "levers[37]", "A lever may be read by one indicator only; labor_force is read by 1, 3"),
	]


def test_the_fields_themselves_are_sound() -> None:
	d = data()
	d["fields"][1]["name"] = "working_age_capable"
	d["fields"][2]["name"] = "county"
	d["fields"][3]["section"] = "money"
	d["fields"][4]["options"] = ["a"]
	del d["fields"][23]["options"]  # job_referral_level, a select
	d["fields"][-1]["min"] = 6  # innovation_points, max 5
	d["sections"].append({"code": "bonus", "label": "Bonus again"})
	problems = check_scheme(d, EN)
	assert problems[:7] == [
		Problem("", "sections", "Two sections have the code bonus"),
		Problem("", "fields[1].name", "Two fields are named working_age_capable"),
		Problem(
			"", "fields[2].name", "'county' is not a usable field name (lower-case letters, digits and _)"
		),
		Problem("", "fields[3].section", "No section has the code money"),
		Problem("", "fields[4].options", "Only a select has options"),
		Problem("", "fields[23].options", "A select needs its options, each once"),
		Problem("", "fields[43].min", "The minimum must be 0 or more and at most the maximum"),
	]
	# and the rules naming the renamed fields say so
	assert Problem("1", "denominator[0]", "'labor_force' is not a field of the scheme") in problems


def test_codes_are_unique_and_limits_sensible() -> None:
	d = data()
	indicator(d, "8D")["code"] = "8C"
	d["limits"]["max_quota_rate"] = "3/2"
	d["limits"]["rounding"] = "sideways"
	d["pass_mark"] = 111
	d["version"] = 0
	assert check_scheme(d, EN) == [
		Problem("8C", "code", "Two indicators have the code 8C"),
		Problem("", "pass_mark", "The pass mark must be above 0 and at most 110"),
		Problem("", "version", "The version must be 1 or more"),
		Problem("", "limits.max_quota_rate", "The quota rate must be above 0 and at most 100 %"),
		Problem("", "limits.rounding", "'sideways' is not one of floor, round, ceil"),
	]


def test_a_scheme_may_be_stricter_than_the_notice_never_laxer() -> None:
	d = data()
	d["pass_mark"] = 65
	d["limits"]["max_quota_rate"] = "5%"
	assert check_scheme_against_notice(d, EN) == []
	d["pass_mark"] = 59.5
	d["limits"]["max_quota_rate"] = "3/20"
	d["limits"]["rounding"] = "round"
	laxer = check_scheme_against_notice(d, EN)
	assert laxer == [
		Problem(
			"",
			"pass_mark",
			"The pass mark may not be below the notice's 60: 认定的高质量就业社区(村)评价得分不应低于60分",
		),
		Problem(
			"",
			"limits.max_quota_rate",
			"The quota rate may not be above the notice's 10%: 推荐数量不超过当地已认定的高质量就业社区(村)总数的10%",
		),
		Problem(
			"",
			"limits.rounding",
			"The quota is rounded as the notice says (floor): 推荐数量不超过当地已认定的高质量就业社区(村)总数的10%",
		),
	]
	assert check_scheme(d, EN) == []  # the scheme alone is sound: only the notice refuses it
	del d["limits"]
	assert check_scheme_against_notice(d, EN)[1:] == [
		Problem(
			"",
			"limits",
			"The scheme must carry the notice's limits: 推荐数量不超过当地已认定的高质量就业社区(村)总数的10%",
		)
	]


def test_problems_are_in_chinese_by_default() -> None:
	d = data()
	indicator(d, "5")["tiers"][0]["at_least"] = "120%"
	assert check_scheme(scheme_from_dict(d)) == [Problem("5", "tiers[0].at_least", "档位120%不在0–100%之间")]
	assert check_scheme(d) == [Problem("5", "tiers[0].at_least", "档位120%不在0–100%之间")]


def test_a_scheme_may_add_yes_no_items_but_no_counts() -> None:
	d = data()
	d["fields"].append(
		{"name": "live_job_fairs", "label": "开展直播带岗", "kind": "check", "section": "service_b"}
	)
	d["fields"].append(
		{"name": "volunteers", "label": "志愿者人数", "kind": "count", "section": "quantitative"}
	)
	assert check_scheme(d, EN) == []  # unread fields are allowed by the scheme itself
	assert check_scheme_against_notice(d, EN) == [
		Problem(
			"",
			"fields[45].name",
			"volunteers is not one of the notice's counts; a scheme may add yes/no items, not counts",
		)
	]


def test_a_new_field_may_only_be_a_yes_no_item_and_a_notice_field_keeps_its_kind():
	d = data()
	d["fields"].append(
		{
			"name": "service_rating",
			"label": "服务评级",
			"kind": "select",
			"section": "service_d",
			"options": ["a", "b"],
		}
	)
	d["fields"].append(
		{"name": "extra_points", "label": "加分", "kind": "points", "section": "bonus", "max": 2}
	)
	d["fields"].append(
		{"name": "live_job_fairs", "label": "开展直播带岗", "kind": "check", "section": "service_b"}
	)
	turned = next(i for i, f in enumerate(d["fields"]) if f["name"] == "has_service_venue")
	d["fields"][turned] = {**d["fields"][turned], "kind": "select", "options": ["yes", "no"]}
	# (the turned field's checklist item is refused too; only the fields' problems are compared here)
	problems = [p for p in check_scheme_against_notice(d, EN) if p.field.startswith("fields[")]
	assert problems == [
		Problem(
			"",
			f"fields[{turned}].kind",
			"has_service_venue is a field of the notice of kind check; it keeps that kind",
		),
		Problem(
			"",
			"fields[44].kind",
			"service_rating is not one of the notice's fields; a scheme may add yes/no items only",
		),
		Problem(
			"",
			"fields[45].kind",
			"extra_points is not one of the notice's fields; a scheme may add yes/no items only",
		),
	]
