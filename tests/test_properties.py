"""Properties over any valid application: the parts add up and nothing exceeds its maximum."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hqe_app.scoring import score
from tests.factories import CHECK_FIELDS, SCHEME


@st.composite
def valid_applications(draw: st.DrawFn) -> dict[str, object]:
	count = st.integers(min_value=0, max_value=100_000)
	capable = draw(st.integers(min_value=1, max_value=100_000))
	labor = draw(st.integers(min_value=1, max_value=capable))
	households = draw(st.integers(min_value=0, max_value=50))
	employee = draw(count)
	values: dict[str, object] = {
		"working_age_capable": capable,
		"labor_force": labor,
		"employed": draw(st.integers(min_value=0, max_value=labor)),
		"certified_workers": draw(st.integers(min_value=0, max_value=labor)),
		"low_income_households": households,
		"low_income_households_employed": draw(st.integers(min_value=0, max_value=households)),
		"pension_employee_insured": employee,
		"pension_resident_insured": draw(st.integers(min_value=0 if employee else 1, max_value=100_000)),
		"entrepreneurs": draw(count),
		"new_market_entities": draw(st.integers(min_value=0, max_value=500)),
		"jobs_created": draw(count),
		"hard_to_employ_persons": draw(st.integers(min_value=0, max_value=1000)),
		"new_public_welfare_jobs": draw(st.integers(min_value=0, max_value=1000)),
		"job_referral_level": draw(st.sampled_from(SCHEME.field_map["job_referral_level"].options)),
		"other_services_level": draw(st.sampled_from(SCHEME.field_map["other_services_level"].options)),
		"media_reports_county": draw(st.integers(min_value=0, max_value=20)),
		"media_reports_city": draw(st.integers(min_value=0, max_value=20)),
		"media_reports_province": draw(st.integers(min_value=0, max_value=20)),
		"innovation_points": draw(st.integers(min_value=0, max_value=10)) / 2,
	}
	for name in CHECK_FIELDS:
		values[name] = draw(st.booleans())
	return values


@settings(max_examples=500, deadline=None)
@given(valid_applications())
def test_total_is_the_sum_of_its_parts_and_within_bounds(values: dict[str, object]) -> None:
	card = score(values)
	base = sum(r.points for r in card.results if r.code != "9")
	assert card.base == base
	assert card.bonus == card.points["9"]
	assert card.total == card.base + card.bonus
	assert 0 <= card.base <= 100
	assert 0 <= card.bonus <= 10
	assert 0 <= card.total <= 110
	for result in card.results:
		assert 0 <= result.points <= result.max_points, result
		assert result.basis.endswith("分")
	assert card.eligible is (card.total >= 60)
