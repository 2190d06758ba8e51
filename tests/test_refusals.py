"""Each refusal of SPEC §5 names its field, in zh and en; nothing else is refused."""

from __future__ import annotations

import pytest

from hqe_app.i18n import translator
from hqe_app.scoring import InvalidApplication, score
from tests.factories import CHECK_FIELDS, COUNT_FIELDS, SCHEME, application

EN = translator("en")


def refused(values: dict[str, object], lang: str = "zh") -> list[tuple[str, str]]:
	with pytest.raises(InvalidApplication) as caught:
		score(values, _=translator(lang))
	return [(e.field, e.message) for e in caught.value.errors]


@pytest.mark.parametrize(
	"field", [*COUNT_FIELDS, "media_reports_county", "media_reports_city", "media_reports_province"]
)
def test_negative_count(field: str) -> None:
	values = application(**{field: -1})
	label_zh = translator("zh")(SCHEME.field_map[field].label)
	errors = refused(values)
	assert (field, f"{label_zh}不能为负数") in errors
	assert (field, f"{SCHEME.field_map[field].label} cannot be negative") in refused(values, "en")


@pytest.mark.parametrize(
	("part", "whole", "message_zh"),
	[
		("labor_force", "working_age_capable", "有劳动能力和就业愿望的适龄人员不能大于有劳动能力的适龄人员"),
		("employed", "labor_force", "已就业人员不能大于有劳动能力和就业愿望的适龄人员"),
		(
			"certified_workers",
			"labor_force",
			"持有国家职业资格证书（专业技术职务证书）人数不能大于有劳动能力和就业愿望的适龄人员",
		),
		(
			"low_income_households_employed",
			"low_income_households",
			"实现每户至少1人就业的低保、低保边缘家庭不能大于有劳动能力和就业愿望人员的低保、低保边缘家庭",
		),
	],
)
def test_part_larger_than_whole(part: str, whole: str, message_zh: str) -> None:
	base = application(low_income_households=5)
	equal = base | {part: base[whole]}
	assert score(equal).total >= 0  # equal is allowed
	assert refused(base | {part: int(base[whole]) + 1}) == [(part, message_zh)]
	en = refused(base | {part: int(base[whole]) + 1}, "en")
	assert en == [
		(part, f"{SCHEME.field_map[part].label} cannot be greater than {SCHEME.field_map[whole].label}")
	]


def test_labor_force_zero() -> None:
	assert refused(application(labor_force=0)) == [
		("labor_force", "有劳动能力和就业愿望的适龄人员必须大于零")
	]
	assert score(application(labor_force=1)).total >= 0


def test_working_age_capable_zero() -> None:
	errors = refused(application(working_age_capable=0, labor_force=0))
	assert ("working_age_capable", "有劳动能力的适龄人员必须大于零") in errors
	assert ("labor_force", "有劳动能力和就业愿望的适龄人员必须大于零") in errors


def test_both_pensions_zero_but_either_alone_is_fine() -> None:
	assert refused(application(pension_employee_insured=0, pension_resident_insured=0)) == [
		("pension_employee_insured", "参加职工基本养老保险人数和参加城乡居民基本养老保险人数不能同时为零"),
	]
	assert score(application(pension_employee_insured=0, pension_resident_insured=1)).points["4"] == 0
	assert score(application(pension_employee_insured=1, pension_resident_insured=0)).points["4"] == 5


@pytest.mark.parametrize(
	("value", "ok"), [(-0.5, False), (-0.01, False), (0, True), (5, True), (5.01, False), (5.5, False)]
)
def test_innovation_range(value: float, ok: bool) -> None:
	values = application(innovation_points=value)
	if ok:
		assert score(values).bonus == value
	else:
		assert refused(values) == [("innovation_points", "创新举措加分必须在0到5之间")]
		assert refused(values, "en") == [("innovation_points", "Innovation Points must be between 0 and 5")]


@pytest.mark.parametrize("field", [f.name for f in SCHEME.fields])
def test_missing_field(field: str) -> None:
	values = application()
	del values[field]
	label = SCHEME.field_map[field].label
	assert refused(values, "en") == [(field, f"{label} is required")]
	assert refused(values | {field: None}, "en") == [(field, f"{label} is required")]
	assert refused(values | {field: "  "}, "en") == [(field, f"{label} is required")]


@pytest.mark.parametrize("field", ["job_referral_level", "other_services_level"])
def test_unknown_option(field: str) -> None:
	errors = refused(application(**{field: "sometimes"}), "en")
	assert len(errors) == 1 and errors[0][0] == field
	assert "'sometimes'" in errors[0][1] and "none" in errors[0][1]


@pytest.mark.parametrize("field", CHECK_FIELDS[:3])
def test_unknown_yes_no_value(field: str) -> None:
	errors = refused(application(**{field: "maybe"}))
	assert errors == [
		(
			field,
			f"{translator('zh')(SCHEME.field_map[field].label)}：无法识别的选项 'maybe'，请使用以下之一：是, 否",
		)
	]


@pytest.mark.parametrize("value", [1.5, "abc", True])
def test_count_must_be_a_whole_number(value: object) -> None:
	assert refused(application(employed=value), "en") == [("employed", "Employed must be a whole number")]


@pytest.mark.parametrize(
	("value", "expected"),
	[("是", True), ("否", False), (1, True), (0, False), ("yes", True), ("No", False), ("1", True)],
)
def test_yes_no_spellings(value: object, expected: bool) -> None:
	assert score(application(visits_recorded=value)).points["8A"] == (4 if expected else 0)


def test_counts_given_as_text_or_integral_floats_are_accepted() -> None:
	assert score(application(employed="980", labor_force=1000.0)).points["1"] == 5


def test_every_error_is_reported_at_once() -> None:
	errors = refused(application(employed=-1, certified_workers=2000, job_referral_level="x"), "en")
	# each field's own errors first, in field order, then the checks across fields
	assert [field for field, _ in errors] == ["employed", "job_referral_level", "certified_workers"]


def test_odd_but_possible_data_is_scored() -> None:
	card = score(
		application(
			new_public_welfare_jobs=50, hard_to_employ_persons=1, new_market_entities=0, jobs_created=9
		)
	)
	assert card.points["8A"] == 4 and card.points["6"] == 0
	assert [flag.code for flag in card.data_flags] == [
		"welfare_jobs_exceed_hard_to_employ",
		"jobs_without_entities",
		"new_welfare_jobs_without_welfare_jobs",
	]
