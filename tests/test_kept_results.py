"""Results kept and shared between applications alike (scoring.model.Outcomes) are those made afresh."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hqe_app.scoring import score
from hqe_app.scoring.model import Outcomes
from hqe_app.scoring.scheme import Scheme
from tests.factories import SCHEME, application, full_marks
from tests.test_properties import valid_applications


def fresh(scheme: Scheme = SCHEME) -> Scheme:
	"""The scheme with new rule objects: nothing kept yet, no lever plan made."""
	return dataclasses.replace(scheme, indicators=tuple(dataclasses.replace(r) for r in scheme.indicators))


def everything(values: dict, scheme: Scheme) -> tuple:
	card = score(values, scheme)
	return (
		[r.as_tuple() for r in card.results],  # basis texts included
		(card.base, card.bonus, card.total, card.eligible),
		card.data_flags,
		card.to_pass,
	)


@settings(max_examples=60, deadline=None)
@given(st.lists(valid_applications(), min_size=2, max_size=12))
def test_what_is_kept_is_what_would_be_made_afresh(batch: list[dict]) -> None:
	warm = fresh()
	kept = [everything(values, warm) for values in batch]  # later ones may reuse earlier results
	assert kept == [everything(values, fresh()) for values in batch]


@st.composite
def alike(draw: st.DrawFn) -> dict:
	"""Applications from few values, so that many share what decides a kept result, and not all else."""
	small = st.integers(min_value=0, max_value=2)
	households = draw(st.integers(min_value=0, max_value=3))
	values = application(
		employed=draw(st.sampled_from([900, 960, 990])),
		low_income_households=households,
		low_income_households_employed=draw(st.integers(min_value=0, max_value=households)),
		media_reports_county=draw(small),
		media_reports_city=draw(small),
		media_reports_province=draw(small),
		new_public_welfare_jobs=draw(small),
		hard_to_employ_persons=draw(st.sampled_from([0, 5, 10])),
		job_referral_level=draw(st.sampled_from(SCHEME.field_map["job_referral_level"].options)),
	)
	for field in ("has_service_venue", "has_professional_staff", "has_stable_funding", "skills_training"):
		values[field] = draw(st.booleans())
	return values


@settings(max_examples=60, deadline=None)
@given(st.lists(alike(), min_size=2, max_size=12))
def test_applications_alike_get_what_they_would_get_alone(batch: list[dict]) -> None:
	warm = fresh()
	assert [everything(values, warm) for values in batch] == [everything(values, fresh()) for values in batch]


def test_applications_alike_share_a_result_with_the_right_basis() -> None:
	scheme = fresh()
	first = score(application(employed=960, has_service_venue=True, subsidy_graduates=True), scheme)
	second = score(application(employed=990, has_service_venue=True, subsidy_graduates=True), scheme)
	by_code = [{r.code: r for r in card.results} for card in (first, second)]
	assert by_code[0]["8C"] is by_code[1]["8C"]  # the same ticks
	assert by_code[0]["1"] is not by_code[1]["1"]  # another employment rate
	assert by_code[1]["8C"].basis == "高校毕业生补贴1分；得1分"
	assert [first.points["1"], second.points["1"]] == [3, 5]


def test_what_is_kept_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
	monkeypatch.setattr(Outcomes, "LIMIT", 3)
	scheme = fresh()
	for media in range(10):
		for households in range(1, 4):
			score(full_marks(media_reports_county=media, low_income_households=households), scheme)
	kept = [rule.__dict__["_outcomes"] for rule in scheme.indicators if "_outcomes" in rule.__dict__]
	assert len(kept) == 7 and all(1 <= len(outcomes) <= 3 for outcomes in kept)
