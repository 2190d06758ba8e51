"""A scheme as JSON data and back: the same scheme, the same scores to the last option, exact fractions."""

from __future__ import annotations

import copy
import dataclasses
import json
import math
import random
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hqe_app.demo_data import applications
from hqe_app.i18n import translator
from hqe_app.scoring import score
from hqe_app.scoring.checklist import CountAtLeast
from hqe_app.scoring.rules import RatioTiers
from hqe_app.scoring.scheme_io import (
	ITEM_KINDS,
	RULE_KINDS,
	Problem,
	SchemeError,
	dump_scheme,
	fraction_text,
	load_scheme_file,
	parse_fraction,
	scheme_from_dict,
	scheme_to_dict,
	scheme_to_json,
)
from tests.factories import SCHEME, application, full_marks

EN = translator(None)


def exported() -> dict:
	"""taizhou-2019 as the file holds it (through JSON text, as a person or the desk would keep it)."""
	return json.loads(scheme_to_json(SCHEME))


def reimported() -> object:
	return scheme_from_dict(exported())


def problems(data: object) -> list[Problem]:
	with pytest.raises(SchemeError) as raised:
		scheme_from_dict(data, EN)
	return raised.value.problems


def card_facts(card) -> tuple:
	"""Everything a score card says: each result whole (code, name, max, points, basis), the totals,
	the verdict, the gap and the flags."""
	return (
		card.scheme,
		tuple(r.as_tuple() for r in card.results),
		card.base,
		card.bonus,
		card.total,
		card.eligible,
		card.to_pass.as_dict(),
		tuple(flag.as_dict() for flag in card.data_flags),
	)


def edge_applications() -> list[dict[str, object]]:
	"""Both sides of every band of every ratio indicator (over a denominator of 1,000 and of 7), and the
	thresholds of tests/test_thresholds.py."""
	out = []
	for rule in SCHEME.indicators:
		if not isinstance(rule, RatioTiers):
			continue
		for den in (1000, 7):
			for threshold, _points in rule.tiers:
				edge = math.ceil(threshold * den)
				for num in (edge - 1, edge, edge + 1):
					if num < 0 or (rule.as_percent and num > den):  # a share is at most the whole
						continue
					out.append(ratio_case(rule, num, den))
	ratios = [
		{"working_age_capable": 10000, "labor_force": 10000, "employed": 9799},
		{"working_age_capable": 10000, "labor_force": 10000, "employed": 9800},
		{"working_age_capable": 50, "labor_force": 50, "employed": 49},
		{"working_age_capable": 1000, "labor_force": 500, "entrepreneurs": 600},
	]
	explicit = [
		*(
			{"low_income_households": h, "low_income_households_employed": e}
			for h, e in [(0, 0), (3, 2), (10, 3)]
		),
		*(
			{"new_public_welfare_jobs": n, "hard_to_employ_persons": h}
			for n, h in [(0, 0), (1, 5), (1, 6), (2, 10), (1, 0), (3, 2)]
		),
		{"new_market_entities": 0, "jobs_created": 12},
		*({"media_reports_county": n, "innovation_points": p} for n, p in [(4, 0), (5, 0), (6, 5), (2, 2.3)]),
		{"media_reports_province": 2, "media_reports_city": 1, "innovation_points": 5},
		{"job_referral_level": "hard_to_employ", "other_services_level": "provided"},
		{"hr_survey_conducted": False, "hr_survey_data_complete": True},
	]
	infrastructure = [
		"has_service_venue",
		"has_professional_staff",
		"has_stable_funding",
		"has_published_services",
		"uses_information_system",
	]
	explicit += [{name: True for name in infrastructure[:n]} for n in range(6)]
	out += [application(**values) for values in ratios + explicit]
	return out + [full_marks(**values) for values in explicit]


def ratio_case(rule: RatioTiers, num: int, den: int) -> dict[str, object]:
	"""An application whose `rule` ratio is num/den, all else as the factory sets it."""
	if rule.numerator in rule.denominator:  # employee / (employee + resident)
		(other,) = [d for d in rule.denominator if d != rule.numerator]
		return application(**{rule.numerator: num, other: den - num})
	(denominator,) = rule.denominator
	values = {rule.numerator: num, denominator: den}
	if denominator == "labor_force":
		values["working_age_capable"] = den
	if denominator == "working_age_capable":
		values["labor_force"] = den
	return application(**values)


def test_taizhou_2019_round_trips_to_an_equal_scheme(tmp_path: Path) -> None:
	again = reimported()
	assert again == SCHEME
	assert type(again.indicators[0]) is RatioTiers and again.indicators[0].tiers == (
		(Fraction(49, 50), 5),
		(Fraction(19, 20), 3),
	)
	assert again.bonus_codes == frozenset({"9"}) and again.wording == SCHEME.wording
	path = tmp_path / "taizhou-2019.json"
	dump_scheme(SCHEME, path)
	assert load_scheme_file(path) == SCHEME
	assert scheme_to_dict(load_scheme_file(path)) == scheme_to_dict(SCHEME)


def test_the_file_is_plain_readable_data() -> None:
	data = exported()
	assert [
		data[k] for k in ("format", "code", "version", "title", "pass_mark", "base_max", "bonus_max")
	] == [
		1,
		"taizhou-2019",
		1,
		"Taizhou 2019 (trial)",
		60,
		100,
		10,
	]
	assert (data["issuing_authority"], data["form_subtitle"]) == (
		"台州市人力资源和社会保障局、台州市财政局",
		"（台州市高质量就业社区（村）建设评价指标（试行））",
	)
	assert data["limits"]["max_quota_rate"] == "1/10" and data["limits"]["rounding"] == "floor"
	first, *_rest, bonus = data["indicators"]
	assert {
		k: first[k] for k in ("code", "kind", "max_points", "bonus", "numerator", "denominator", "tiers")
	} == {
		"code": "1",
		"kind": "ratio_tiers",
		"max_points": 5,
		"bonus": False,
		"numerator": "employed",
		"denominator": ["labor_force"],
		"tiers": [{"at_least": "98%", "points": 5}, {"at_least": "95%", "points": 3}],
	}
	assert data["indicators"][5]["tiers"][0] == {"at_least": 5, "points": 5}  # 1:5, not a percentage
	assert (bonus["kind"], bonus["bonus"], bonus["media_cap"]) == ("bonus", True, 5)
	kinds = [i["kind"] for i in data["indicators"]]
	assert kinds == ["ratio_tiers", "shortfall", *["ratio_tiers"] * 4, *["checklist"] * 5, "bonus"]
	items = data["indicators"][7]["items"]
	assert {i["kind"] for i in items} == set(ITEM_KINDS) and items[-1]["share"] == "20%"
	assert data["fields"][0] == {
		"name": "working_age_capable",
		"label": "Working-age Residents Able to Work",
		"kind": "count",
		"section": "quantitative",
		"min": 0,
	}
	assert data["flags"][-1]["step"] == "1/2"
	assert set(RULE_KINDS) == {"ratio_tiers", "shortfall", "checklist", "bonus"}


def test_the_reimported_scheme_scores_every_application_identically() -> None:
	again = reimported()
	apps = [*applications(random.Random(11), SCHEME, 3000), *edge_applications()]
	assert len(apps) > 3100
	differing = [app for app in apps if card_facts(score(app, SCHEME)) != card_facts(score(app, again))]
	assert differing == []
	# the cases reach every band: each indicator takes more than one value, some rows pass, some do not
	cards = [score(app, again) for app in apps]
	for rule in SCHEME.indicators:
		assert len({c.points[rule.code] for c in cards}) >= 2, rule.code
	assert {c.eligible for c in cards} == {True, False}
	assert {flag.code for c in cards for flag in c.data_flags} == {flag.code for flag in SCHEME.flags}


def test_edge_cases_sit_on_the_edges() -> None:
	"""The edge applications are where the bands turn: 98 % scores 5, one short of it 3."""
	again = reimported()
	by_ratio = {
		(app["employed"], app["labor_force"]): score(app, again).points["1"]
		for app in edge_applications()
		if app["employed"] and app["certified_workers"] == 0
	}
	assert (by_ratio[(980, 1000)], by_ratio[(979, 1000)], by_ratio[(950, 1000)], by_ratio[(949, 1000)]) == (
		5,
		3,
		3,
		0,
	)
	assert (by_ratio[(7, 7)], by_ratio[(6, 7)]) == (5, 0)  # 6/7 is 85.7 %


@pytest.mark.parametrize(
	("raw", "expected"),
	[
		(5, Fraction(5)),
		(0.98, Fraction(49, 50)),
		("0.98", Fraction(49, 50)),
		("98%", Fraction(49, 50)),
		(" 97.5 % ", Fraction(39, 40)),
		("2/3", Fraction(2, 3)),
		("200/300", Fraction(2, 3)),
		("-5%", Fraction(-1, 20)),
		(0.1, Fraction(1, 10)),
	],
)
def test_fractions_are_read_exactly(raw: object, expected: Fraction) -> None:
	assert parse_fraction(raw) == expected


@pytest.mark.parametrize("raw", ["", "abc", "1/0", "1e3", "2/3/4", "0x10", True, None, float("nan"), [1]])
def test_what_is_not_an_exact_number_is_refused(raw: object) -> None:
	with pytest.raises(ValueError):
		parse_fraction(raw)


@pytest.mark.parametrize(
	("value", "percent", "text"),
	[
		(Fraction(2, 3), False, "2/3"),
		(Fraction(2, 3), True, "2/3"),
		(Fraction(49, 50), True, "98%"),
		(Fraction(39, 40), True, "97.5%"),
		(Fraction(1, 3000), False, "1/3000"),
		(Fraction(1, 8), True, "12.5%"),
		(Fraction(5), False, 5),
		(Fraction(1, 10), False, "1/10"),
		(Fraction(-1, 20), True, "-5%"),
	],
)
def test_fractions_are_written_exactly(value: Fraction, percent: bool, text: object) -> None:
	assert fraction_text(value, percent) == text
	assert parse_fraction(text) == value


@given(
	st.fractions(min_value=-10, max_value=10, max_denominator=10**6),
	st.booleans(),
)
def test_any_fraction_survives_the_file_exactly(value: Fraction, percent: bool) -> None:
	written = json.loads(json.dumps(fraction_text(value, percent)))
	assert parse_fraction(written) == value


def test_a_band_of_two_thirds_survives_exactly() -> None:
	data = exported()
	data["indicators"][0]["tiers"][1]["at_least"] = "2/3"
	scheme = scheme_from_dict(json.loads(json.dumps(data)))
	assert scheme.indicators[0].tiers[1] == (Fraction(2, 3), 3)
	assert scheme_to_dict(scheme)["indicators"][0]["tiers"][1] == {"at_least": "2/3", "points": 3}
	# 2/3 of 3,000 is 2,000 exactly: reached; 1,999 is not. 667 of 1,000 reaches it, 666 does not.
	points = [
		score(application(working_age_capable=d, labor_force=d, employed=n), scheme).points["1"]
		for n, d in ((2000, 3000), (1999, 3000), (667, 1000), (666, 1000))
	]
	assert points == [3, 0, 3, 0]


def test_a_scheme_without_optional_parts_takes_the_defaults() -> None:
	data = exported()
	for key in ("format", "version", "issuing_authority", "notice", "form_title", "form_subtitle", "limits"):
		del data[key]
	for key in ("parts", "positive", "not_all_zero", "flags", "levers", "sections"):
		del data[key]
	for indicator in data["indicators"]:
		indicator.pop("form")
		indicator.pop("bonus")
	scheme = scheme_from_dict(data)
	assert (scheme.version, scheme.limits, scheme.flags, scheme.levers, scheme.bonus_codes) == (
		1,
		None,
		(),
		(),
		frozenset(),
	)
	# no wording of its own: the programme's title and no city's subtitle, authority or notice
	assert (scheme.wording.form_title, scheme.wording.form_subtitle, scheme.wording.notice) == (
		SCHEME.wording.form_title,
		"",
		"",
	)
	assert scheme.wording.indicators == {}


def test_an_unknown_rule_kind_is_named_by_indicator() -> None:
	data = exported()
	data["indicators"][2]["kind"] = "formula"
	assert problems(data) == [
		Problem("3", "kind", "unknown kind 'formula'; use one of ratio_tiers, shortfall, checklist, bonus")
	]


def test_every_shape_problem_is_listed_with_its_indicator_and_parameter() -> None:
	data = exported()
	data["pass_mark"] = "sixty"
	del data["fields"][1]["kind"]
	data["fields"][2]["kind"] = "money"
	one = data["indicators"][0]
	one["tiers"][0]["at_least"] = "most"
	one["tiers"][1]["points"] = True
	one["formula"] = "employed / labor_force"
	items = data["indicators"][7]["items"]
	items[0]["kind"] = "maybe"
	items[1]["points"] = "2"
	items[9]["share"] = "a fifth"
	data["indicators"][11]["media"][0]["colour"] = "red"
	data["indicators"][1]["bonus"] = "no"
	data["indicators"][3]["form"] = {"number": "4"}
	del data["indicators"][4]["code"]
	data["flags"][0]["kind"] = "odd"
	data["sections"][0] = ["quantitative", "Employment Data"]
	data["colour"] = "blue"
	assert problems(data) == [
		Problem("", "pass_mark", "must be a number"),
		Problem("", "sections[0]", "must be an object"),
		Problem("", "fields[1].kind", "is missing"),
		Problem("", "fields[2].kind", "'money' is not one of count, check, select, points"),
		Problem("1", "tiers[0].at_least", 'must be an exact number such as 5, "2/3", "98%" or 0.98'),
		Problem("1", "tiers[1].points", "must be a number"),
		Problem("1", "formula", "unknown parameter"),
		Problem("2", "bonus", "must be true or false"),
		Problem("4", "form.item", "is missing"),
		Problem("", "indicators[4].code", "is missing"),
		Problem("8A", "items[0].kind", "unknown kind 'maybe'; use one of check, choice, count_at_least"),
		Problem("8A", "items[1].points", "must be a number"),
		Problem("8A", "items[9].share", 'must be an exact number such as 5, "2/3", "98%" or 0.98'),
		Problem("9", "media[0].colour", "unknown parameter"),
		Problem(
			"",
			"flags[0].kind",
			"unknown kind 'odd'; use one of exceeds, without_basis, ticked_without, off_step",
		),
		Problem("", "colour", "unknown parameter"),
	]


@pytest.mark.parametrize(
	("data", "expected"),
	[
		([], [Problem("", "", "A scheme must be one JSON object")]),
		(
			{"code": "x"},
			[Problem("", k, "is missing") for k in ("title", "pass_mark", "base_max", "bonus_max")],
		),
	],
)
def test_what_is_not_a_scheme_object_is_refused(data: object, expected: list[Problem]) -> None:
	found = problems(data)
	assert found[: len(expected)] == expected
	if isinstance(data, dict):
		assert found[len(expected) :] == [Problem("", k, "is missing") for k in ("fields", "indicators")]


def test_a_newer_format_is_refused() -> None:
	data = exported() | {"format": 2}
	assert problems(data) == [Problem("", "format", "unsupported format 2; this version reads format 1")]


def test_problems_are_in_chinese_by_default_and_a_file_that_is_not_json_is_named(tmp_path: Path) -> None:
	data = exported()
	data["indicators"][0]["kind"] = "formula"
	with pytest.raises(SchemeError) as raised:
		scheme_from_dict(data)
	assert raised.value.problems == [
		Problem("1", "kind", "未知的类型 'formula'；可用：ratio_tiers, shortfall, checklist, bonus")
	]
	assert (
		str(raised.value)
		== "Indicator 1, kind: 未知的类型 'formula'；可用：ratio_tiers, shortfall, checklist, bonus"
	)
	path = tmp_path / "broken.json"
	path.write_text('{"code": "x",', encoding="utf-8")
	with pytest.raises(SchemeError) as raised:
		load_scheme_file(path, EN)
	[problem] = raised.value.problems
	assert (problem.indicator, problem.field) == ("", "")
	assert problem.message.startswith(
		"broken.json is not JSON: Expecting property name enclosed in double quotes"
	)
	with pytest.raises(SchemeError) as raised:
		load_scheme_file(tmp_path / "missing.json", EN)
	assert raised.value.problems[0].message.startswith("Cannot read missing.json: ")


def test_the_reimported_scheme_is_the_engines_own_kind_of_object() -> None:
	"""The same classes with the same values, so the engine runs as fast on a scheme read from a file."""
	again = reimported()
	assert [type(r) for r in again.indicators] == [type(r) for r in SCHEME.indicators]
	assert [type(i) for i in again.indicators[7].items] == [type(i) for i in SCHEME.indicators[7].items]
	share = again.indicators[7].items[-1]
	assert isinstance(share, CountAtLeast) and share.share == Fraction(1, 5)
	assert again.lever_plan.check_rows == SCHEME.lever_plan.check_rows
	# names interned as Python's own literals are, so the engine's lookups hit the very key object
	assert again.indicators[0].numerator is SCHEME.indicators[0].numerator
	assert again.fields[2].name is again.indicators[0].numerator
	assert next(iter(again.indicators[7].items[5].points)) is sys.intern("success")


def test_a_modified_copy_round_trips_too() -> None:
	changed = dataclasses.replace(
		SCHEME, code="taizhou-2025", version=3, pass_mark=65, levers=SCHEME.levers[:5]
	)
	data = copy.deepcopy(scheme_to_dict(changed))
	assert scheme_from_dict(data) == changed
