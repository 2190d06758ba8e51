"""Both sides of every threshold and tier of SPEC §5, one indicator at a time."""

from __future__ import annotations

import pytest

from hqe_app.scoring import score
from hqe_app.scoring.checklist import CheckItem, Checklist
from tests.factories import application, full_marks


def points(code: str, **overrides: object) -> float:
	return score(application(**overrides)).points[code]


@pytest.mark.parametrize(
	("employed", "expected"),
	[(1000, 5), (980, 5), (979, 3), (950, 3), (949, 0), (0, 0)],
)
def test_employment_rate_tiers(employed: int, expected: int) -> None:
	assert points("1", employed=employed) == expected


def test_employment_rate_is_compared_exactly_not_rounded() -> None:
	# 97.99 % would round to 98.0 %; it must not reach the 98 % tier.
	assert points("1", working_age_capable=10000, labor_force=10000, employed=9799) == 3
	assert points("1", working_age_capable=10000, labor_force=10000, employed=9800) == 5
	# 49/50 is exactly 98 %.
	assert points("1", working_age_capable=50, labor_force=50, employed=49) == 5


@pytest.mark.parametrize(
	("households", "employed", "expected"),
	[(0, 0, 5), (3, 3, 5), (3, 2, 4), (5, 1, 1), (5, 0, 0), (10, 3, 0)],
)
def test_low_income_households_one_point_per_household_not_below_zero(
	households: int, employed: int, expected: int
) -> None:
	assert points("2", low_income_households=households, low_income_households_employed=employed) == expected


@pytest.mark.parametrize(
	("certified", "expected"),
	[(1000, 5), (300, 5), (299, 4), (200, 4), (199, 3), (100, 3), (99, 0), (0, 0)],
)
def test_skills_tiers(certified: int, expected: int) -> None:
	assert points("3", certified_workers=certified) == expected


@pytest.mark.parametrize(
	("employee", "resident", "expected"),
	[
		(800, 200, 5),
		(799, 201, 4),
		(600, 400, 4),
		(599, 401, 3),
		(500, 500, 3),
		(499, 501, 0),
		(0, 10, 0),
		(10, 0, 5),
	],
)
def test_social_insurance_tiers(employee: int, resident: int, expected: int) -> None:
	assert points("4", pension_employee_insured=employee, pension_resident_insured=resident) == expected


@pytest.mark.parametrize(
	("entrepreneurs", "expected"),
	[(100, 5), (99, 4), (70, 4), (69, 3), (40, 3), (39, 0)],
)
def test_entrepreneurship_rate_tiers(entrepreneurs: int, expected: int) -> None:
	assert points("5", entrepreneurs=entrepreneurs) == expected


def test_entrepreneurship_rate_uses_working_age_capable_as_denominator() -> None:
	# 40 of 1000 capable is 4 % (3 points) even though labor_force is only 500 (8 %).
	assert points("5", labor_force=500, entrepreneurs=40) == 3


@pytest.mark.parametrize(
	("entities", "jobs", "expected"),
	[(10, 50, 5), (10, 49, 4), (10, 40, 4), (10, 39, 3), (10, 30, 3), (10, 29, 0), (1, 3, 3), (1, 2, 0)],
)
def test_jobs_per_new_entity_tiers(entities: int, jobs: int, expected: int) -> None:
	assert points("6", new_market_entities=entities, jobs_created=jobs) == expected


def test_no_new_entities_scores_zero_even_with_jobs_and_is_flagged() -> None:
	card = score(application(new_market_entities=0, jobs_created=12))
	assert card.points["6"] == 0
	assert card.flags == ("无新创办的市场主体却填报了带动就业人数",)


@pytest.mark.parametrize(
	("ticked", "expected"),
	[(5, 15), (4, 12), (3, 9), (2, 0), (1, 0), (0, 0)],
)
def test_infrastructure_gate(ticked: int, expected: int) -> None:
	items = [
		"has_service_venue",
		"has_professional_staff",
		"has_stable_funding",
		"has_published_services",
		"uses_information_system",
	]
	assert points("7", **{name: True for name in items[:ticked]}) == expected


@pytest.mark.parametrize(("first", "second", "expected"), [(4, 4, 0), (4, 5, 9)])
def test_gate_is_eight_versus_nine(first: int, second: int, expected: int) -> None:
	"""The official items are worth 3 each (sums 6 or 9); the gate itself refuses 8 and accepts 9."""
	rule = Checklist("7", "基础建设", 15, (CheckItem("a", first, "甲"), CheckItem("b", second, "乙")), gate=9)
	assert rule.evaluate({"a": True, "b": True}).points == expected


@pytest.mark.parametrize(
	("field", "value"),
	[
		("hr_survey_conducted", 2),
		("hr_survey_data_complete", 2),
		("hr_survey_updated_regularly", 2),
		("visits_recorded", 4),
		("publishes_job_info", 2),
		("policy_materials_on_site", 2),
		("policy_multichannel_promotion", 2),
		("has_public_welfare_jobs", 3),
	],
)
def test_service_a_items(field: str, value: int) -> None:
	assert points("8A", **{field: True}) == value


@pytest.mark.parametrize(
	("level", "expected"), [("none", 0), ("success", 2), ("hard_to_employ", 4), ("outstanding", 7)]
)
def test_referral_tiers_count_once(level: str, expected: int) -> None:
	assert points("8A", job_referral_level=level) == expected


@pytest.mark.parametrize(
	("new_jobs", "hard_to_employ", "expected"),
	[
		(0, 0, 0),  # nothing new: neither +1 nor +3
		(0, 10, 0),
		(1, 5, 4),  # 1 is exactly 20 % of 5
		(1, 6, 1),  # 1 is below 20 % of 6
		(2, 10, 4),
		(1, 10, 1),
		(1, 0, 4),  # no hard-to-employ persons: 1 ≥ 20 % of 0
	],
)
def test_public_welfare_jobs(new_jobs: int, hard_to_employ: int, expected: int) -> None:
	assert points("8A", new_public_welfare_jobs=new_jobs, hard_to_employ_persons=hard_to_employ) == expected


def test_more_new_welfare_jobs_than_hard_to_employ_is_scored_and_flagged() -> None:
	card = score(application(new_public_welfare_jobs=3, hard_to_employ_persons=2))
	assert card.points["8A"] == 4
	assert card.flags == (
		"新开发公益性岗位数多于同期就业困难人员数",
		"辖区内无公益性岗位，却填报了新开发公益性岗位",
	)


@pytest.mark.parametrize(
	("field", "value"),
	[
		("graduate_survey_assistance", 2),
		("employment_registration", 2),
		("skills_training", 2),
		("unemployed_training_referral", 3),
		("entrepreneurship_training", 2),
		("incubation_services", 3),
		("startup_loan_assistance", 1),
	],
)
def test_service_b_items(field: str, value: int) -> None:
	assert points("8B", **{field: True}) == value


@pytest.mark.parametrize(
	"field",
	[
		"subsidy_flexible_employment",
		"subsidy_public_welfare_jobs",
		"subsidy_graduates",
		"subsidy_startup_loan_interest",
		"subsidy_startup",
	],
)
def test_service_c_items(field: str) -> None:
	assert points("8C", **{field: True}) == 1


@pytest.mark.parametrize(("level", "expected"), [("none", 0), ("provided", 3), ("outstanding", 5)])
def test_service_d(level: str, expected: int) -> None:
	assert points("8D", other_services_level=level) == expected


@pytest.mark.parametrize(
	("county", "city", "province", "expected"),
	[
		(4, 0, 0, 4),
		(5, 0, 0, 5),
		(6, 0, 0, 5),
		(0, 2, 0, 4),
		(0, 3, 0, 5),
		(0, 0, 1, 3),
		(0, 0, 2, 5),
		(1, 1, 0, 3),
		(1, 2, 0, 5),
		(1, 1, 1, 5),
	],
)
def test_media_weights_and_cap(county: int, city: int, province: int, expected: int) -> None:
	card = score(
		application(media_reports_county=county, media_reports_city=city, media_reports_province=province)
	)
	assert card.points["9"] == expected
	assert card.bonus == expected


@pytest.mark.parametrize("innovation", [0, 0.5, 2.5, 5])
def test_innovation_within_range_is_added(innovation: float) -> None:
	card = score(application(media_reports_county=2, innovation_points=innovation))
	assert card.bonus == 2 + innovation


def test_innovation_off_the_half_step_is_scored_and_flagged() -> None:
	card = score(application(innovation_points=2.3))
	assert card.bonus == 2.3
	assert card.flags == ("创新举措加分不是0.5的整数倍",)


def test_full_marks_are_100_plus_10() -> None:
	card = score(full_marks())
	assert (card.base, card.bonus, card.total) == (100, 10, 110)
	assert card.points == {
		"1": 5,
		"2": 5,
		"3": 5,
		"4": 5,
		"5": 5,
		"6": 5,
		"7": 15,
		"8A": 30,
		"8B": 15,
		"8C": 5,
		"8D": 5,
		"9": 10,
	}


@pytest.mark.parametrize(("innovation", "eligible"), [(0, False), (0.5, False), (1, True), (1.5, True)])
def test_pass_mark_is_reached_at_exactly_60(innovation: float, eligible: bool) -> None:
	# Full marks less 41 base points, step by step, leave a base of 59.
	values = full_marks(
		job_referral_level="none",  # -7 → 93
		other_services_level="none",  # -5 → 88
		has_public_welfare_jobs=False,  # -3 → 85
		new_public_welfare_jobs=0,  # -4 → 81
		employed=949,  # -5 → 76
		certified_workers=99,  # -5 → 71
		entrepreneurs=39,  # -5 → 66
		jobs_created=5,  # 1:2.5, -5 → 61
		startup_loan_assistance=False,  # -1 → 60
		subsidy_startup=False,  # -1 → 59
		media_reports_province=0,
		innovation_points=innovation,
	)
	card = score(values)
	assert card.base == 59
	assert card.total == 59 + innovation
	assert card.eligible is eligible


def test_pass_mark_can_be_set() -> None:
	card = score(full_marks(), pass_mark=111)
	assert card.total == 110
	assert card.eligible is False


def test_basis_texts_say_why() -> None:
	card = score(application(working_age_capable=1000, labor_force=1000, employed=962))
	basis = {r.code: r.basis for r in card.results}
	assert basis["1"] == "就业率 96.2%（962/1000），达95%，得3分"
	assert basis["7"] == "无符合项；合计0分，不足9分，本项不得分"
	assert basis["6"] == "无新创办的市场主体，得0分"
	assert basis["2"] == "低收入家庭5户，0户实现至少1人就业，5户未就业，扣5分，得0分"
	truncated = score(application(employed=979)).results[0].basis
	assert truncated == "就业率 97.9%（979/1000），达95%，得3分"
