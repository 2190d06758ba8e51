"""The province-scale generator's plan (hqe_app.demo.province_shape/_history), without Frappe."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter, defaultdict

import pytest

from hqe_app.demo.province_history import (
	APPLY_RATE,
	DOCSTATUS,
	achievements,
	plan_history,
	weighted_sample,
)
from hqe_app.demo.province_shape import (
	CITIES,
	TOWNSHIP_SUFFIXES,
	TOWNSHIPS_PER_COUNTY,
	allocate,
	build_province,
	unique_name,
)
from hqe_app.demo_data import TOWNSHIPS as TAIZHOU_TOWNSHIPS
from hqe_app.programme import lifecycle
from hqe_app.programme.calendar import add_working_days
from hqe_app.programme.workflow import STATES
from hqe_app.scoring import recommendation_quota, score

NOW = dt.datetime(2026, 11, 29, 10, 0, 0)
ALL_STATES = {value for name, value in vars(lifecycle).items() if name.isupper() and isinstance(value, str)}
IN_PROGRESS = {lifecycle.PENDING_COUNTY, lifecycle.RECOMMENDED, lifecycle.CITY_REVIEW, lifecycle.PUBLICIZED}


@pytest.fixture(scope="module")
def province():
	return build_province(25_000, seed=2024)


@pytest.fixture(scope="module")
def history():
	small = build_province(3_000, seed=7)
	return small, plan_history(small, years=4, seed=7, now=NOW)


# -- the region tree ------------------------------------------------------------------------------


def test_generator_modules_never_import_frappe() -> None:
	code = (
		"import sys, hqe_app.demo.province_shape, hqe_app.demo.province_history; "
		"assert 'frappe' not in sys.modules, 'frappe was imported'"
	)
	subprocess.run([sys.executable, "-c", code], check=True)


def test_region_names_are_unique_across_the_tree(province) -> None:
	names = [r.name for r in province.regions]
	assert len(names) == len(set(names))


def test_eleven_cities_with_their_ninety_real_counties(province) -> None:
	cities = province.by_level("City")
	counties = province.by_level("County")
	assert [c.name for c in cities] == list(CITIES)
	assert len(counties) == 90
	assert {"椒江区", "黄岩区", "路桥区", "临海市", "温岭市", "玉环市", "天台县", "仙居县", "三门县"} <= {
		c.name for c in counties if c.parent == "台州市"
	}
	assert all(c.parent in CITIES for c in counties)


def test_every_county_has_ten_to_twenty_townships_ending_as_townships_do(province) -> None:
	tree = province.children()
	low, high = TOWNSHIPS_PER_COUNTY
	for county in province.by_level("County"):
		townships = tree[county.name]
		assert low <= len(townships) <= high, county.name
		assert all(t.level == "Township" and t.name.endswith(TOWNSHIP_SUFFIXES) for t in townships)
		assert any(t.name.endswith("街道") for t in townships), county.name


def test_taizhou_keeps_its_real_townships(province) -> None:
	parents = {r.name: r.parent for r in province.regions}
	for county, townships in TAIZHOU_TOWNSHIPS.items():
		assert all(parents[t] == county for t in townships)


def test_levels_and_parents_follow_the_lifecycle_tree(province) -> None:
	levels = {r.name: r.level for r in province.regions}
	for r in province.regions:
		assert r.level in lifecycle.REGION_LEVELS
		expected = lifecycle.PARENT_LEVEL[r.level]
		assert (levels[r.parent] if r.parent else None) == expected


def test_nested_set_intervals_hold_exactly_their_subtrees(province) -> None:
	by_name = {r.name: r for r in province.regions}
	bounds = sorted(b for r in province.regions for b in (r.lft, r.rgt))
	assert bounds == list(range(1, 2 * len(province.regions) + 1))
	subtree = Counter()
	for r in province.regions:
		node = r
		while node:
			subtree[node.name] += 1
			node = by_name.get(node.parent)
	for r in province.regions:
		assert r.rgt - r.lft + 1 == 2 * subtree[r.name]
		if r.parent:
			parent = by_name[r.parent]
			assert parent.lft < r.lft < r.rgt < parent.rgt


def test_duplicate_names_are_prefixed_with_their_city() -> None:
	used = {"市辖区"}
	assert unique_name("市辖区", "台州市", used) == "台州市辖区"
	assert unique_name("市辖区", "台州市", used) == "台州市辖区2"
	assert unique_name("椒江区", "台州市", used) == "椒江区"


# -- communities ----------------------------------------------------------------------------------


def test_twenty_five_thousand_communities_with_unique_names(province) -> None:
	assert len(province.communities) == 25_000
	assert len({c.name for c in province.communities}) == 25_000
	for c in province.communities[:2000]:
		assert c.name == f"{c.community_name}（{c.township}）"


def test_communities_sit_in_townships_of_their_county(province) -> None:
	regions = {r.name: r for r in province.regions}
	for c in province.communities:
		township = regions[c.township]
		assert township.level == "Township"
		assert township.parent == c.county
		assert regions[c.county].parent == c.city


def test_communities_are_streets_communities_and_mostly_villages_elsewhere(province) -> None:
	kinds = defaultdict(Counter)
	for c in province.communities:
		assert c.community_type == ("Community" if c.community_name.endswith("社区") else "Village")
		kinds["街道" if c.township.endswith("街道") else "镇乡"][c.community_type] += 1
	assert kinds["街道"]["Community"] > kinds["街道"]["Village"]
	assert kinds["镇乡"]["Village"] > 0.9 * sum(kinds["镇乡"].values())


def test_every_county_and_township_has_communities_spread_unevenly(province) -> None:
	per_county = Counter(c.county for c in province.communities)
	per_township = Counter(c.township for c in province.communities)
	assert set(per_county) == {r.name for r in province.by_level("County")}
	assert set(per_township) == {r.name for r in province.by_level("Township")}
	assert max(per_county.values()) > 3 * min(per_county.values())


def test_same_seed_same_province_other_seed_other_province() -> None:
	a, b, c = build_province(500, seed=1), build_province(500, seed=1), build_province(500, seed=2)
	assert [x.name for x in a.communities] == [x.name for x in b.communities]
	assert [r.name for r in a.regions] == [r.name for r in b.regions]
	assert [x.name for x in a.communities] != [x.name for x in c.communities]


@pytest.mark.parametrize(
	("total", "weights", "minimum"), [(100, [1, 2, 3], 0), (7, [5, 1, 1, 1], 1), (2, [1, 1, 1], 1)]
)
def test_allocate_splits_the_total_exactly(total: int, weights: list[float], minimum: int) -> None:
	shares = allocate(total, weights, minimum)
	assert sum(shares) == total
	if total >= minimum * len(weights):
		assert min(shares) >= minimum


# -- years of applications ------------------------------------------------------------------------


def test_states_come_from_the_lifecycle_only(history) -> None:
	_, h = history
	assert {a.state for a in h.applications} <= ALL_STATES
	assert DOCSTATUS == {s.name: s.docstatus for s in STATES}
	assert set(DOCSTATUS) == ALL_STATES


def test_one_application_per_community_and_year_and_forty_to_sixty_percent_apply(history) -> None:
	province, h = history
	pairs = [(a.community.name, a.year) for a in h.applications]
	assert len(pairs) == len(set(pairs))
	per_year = Counter(a.year for a in h.applications)
	assert sorted(per_year) == [2023, 2024, 2025, 2026]
	shares = [per_year[y] / len(province.communities) for y in sorted(per_year)]
	assert all(APPLY_RATE[0] - 0.01 <= s <= APPLY_RATE[1] + 0.01 for s in shares)
	assert shares == sorted(shares)


def test_past_years_are_finished_and_the_current_year_is_in_progress(history) -> None:
	_, h = history
	counts = h.state_counts()
	for year in (2023, 2024, 2025):
		assert not (set(counts[year]) & IN_PROGRESS), year
		total = sum(counts[year].values())
		decided = sum(n for s, n in counts[year].items() if s in lifecycle.CERTIFIED_STATES)
		assert decided > total / 2
		assert counts[year][lifecycle.CITY_CERTIFIED] > 0
		assert counts[year][lifecycle.COUNTY_REJECTED] > 0
	current = counts[2026]
	for state in (lifecycle.DRAFT, lifecycle.PENDING_TOWNSHIP, lifecycle.PENDING_COUNTY):
		assert current[state] > 0.05 * sum(current.values()), state


def test_quality_improves_year_by_year(history) -> None:
	_, h = history
	by_year = defaultdict(list)
	for a in h.applications:
		by_year[a.year].append(a.reported.total)
	means = [sum(v) / len(v) for _, v in sorted(by_year.items())]
	assert means == sorted(means)


def test_certification_needs_the_pass_mark_and_rejection_below_it_says_so(history) -> None:
	_, h = history
	for a in h.applications:
		if a.state in lifecycle.CERTIFIED_STATES:
			assert a.card.total >= 60 and a.card.eligible
		if a.state == lifecycle.COUNTY_REJECTED and not a.card.eligible:
			assert "未达60分" in a.reason


def test_recommendations_stay_within_each_countys_quota(history) -> None:
	_, h = history
	certified, recommended = Counter(), Counter()
	for a in h.applications:
		key = (a.community.county, a.year)
		certified[key] += a.state in lifecycle.CERTIFIED_STATES
		recommended[key] += a.state in lifecycle.CERTIFIED_STATES and a.state != lifecycle.COUNTY_CERTIFIED
	for key, n in recommended.items():
		assert n <= recommendation_quota(certified[key]), key
	listed = {(r.county, r.year): len(r.items) for r in h.recommendations}
	assert {k: n for k, n in recommended.items() if n} == listed
	for r in h.recommendations:
		assert r.quota == recommendation_quota(r.certified_count) and len(r.items) <= r.quota


def test_city_certified_ones_and_only_they_get_an_award(history) -> None:
	_, h = history
	awarded = {w.application.name: w for w in h.awards}
	certified = {a.name for a in h.applications if a.state == lifecycle.CITY_CERTIFIED}
	assert set(awarded) == certified
	for w in h.awards:
		assert w.amount == 20_000
		if w.application.year == 2026:
			assert w.status == "Pending" and w.payment_date is None
		else:
			assert w.status == "Paid" and w.payment_date.year == w.application.year and w.payment_reference


def test_names_follow_the_naming_series_and_the_counters_match(history) -> None:
	_, h = history
	names = [a.name for a in h.applications]
	assert len(names) == len(set(names))
	for a in h.applications:
		assert a.name.startswith(f"HQE-{a.year}-") and len(a.name) == len("HQE-2026-00001")
	for year, n in Counter(a.year for a in h.applications).items():
		assert h.series[f"HQE-{year}-"] == n
		assert max(a.name for a in h.applications if a.year == year) == f"HQE-{year}-{n:05d}"
	for year, n in Counter(w.application.year for w in h.awards).items():
		assert h.series[f"AWD-{year}-"] == n


def test_scores_are_the_engines_for_the_stored_values(history) -> None:
	_, h = history
	for a in h.applications[::25]:
		card = score(a.values)
		assert (card.base, card.bonus, card.total) == (a.card.base, a.card.bonus, a.card.total)
		assert [r.as_tuple() for r in card.results] == [r.as_tuple() for r in a.card.results]
		assert len(a.card.results) == 12
		reported = score({**a.values, "innovation_points": 0})
		assert reported.total == a.reported.total


def test_innovation_points_only_once_the_county_has_decided(history) -> None:
	_, h = history
	for a in h.applications:
		county = [r for r in a.reviews if r.level == "County"]
		if a.state in lifecycle.CERTIFIED_STATES or a.state == lifecycle.COUNTY_REJECTED:
			assert county and county[0].decision in ("Approve", "Reject")
			assert county[0].innovation_points == a.values["innovation_points"]
		else:
			assert a.values["innovation_points"] == 0 and a.card is a.reported


def test_reviews_and_media_rows_match_the_application(history) -> None:
	_, h = history
	for a in h.applications:
		levels = [r.level for r in a.reviews]
		assert len(levels) == len(set(levels))
		assert all(r.decision in ("Approve", "Return", "Reject") for r in a.reviews)
		media = Counter(m.level for m in a.media)
		for level in ("County", "City", "Province"):
			assert media[level] == a.values[f"media_reports_{level.lower()}"]
		if a.state in (lifecycle.PUBLICIZED, lifecycle.CITY_CERTIFIED):
			assert a.publication_start < a.publication_end


def test_dates_run_forward_within_the_year_and_never_after_now(history) -> None:
	_, h = history
	for a in h.applications:
		assert a.created.year == a.year
		assert a.created <= a.modified <= NOW
		assert all(a.created <= r.at <= NOW for r in a.reviews)
	for w in h.awards:
		assert w.application.created <= w.created <= w.modified <= NOW


def test_recommendation_achievements_fit_the_form(history) -> None:
	_, h = history
	for r in h.recommendations:
		for a in r.items:
			assert 0 < len(achievements(a)) <= 300


def test_same_seed_same_history() -> None:
	p = build_province(400, seed=3)
	first = plan_history(p, years=2, seed=3, now=NOW)
	second = plan_history(p, years=2, seed=3, now=NOW)
	assert [(a.name, a.community.name, a.state, a.card.total) for a in first.applications] == [
		(a.name, a.community.name, a.state, a.card.total) for a in second.applications
	]


def test_helpers() -> None:
	assert add_working_days(dt.date(2026, 9, 25), 5) == dt.date(2026, 10, 2)  # Friday + 5 working days
	import random

	chosen = weighted_sample(random.Random(1), list(range(100)), [1.0] * 100, 30)
	assert len(chosen) == len(set(chosen)) == 30
	assert weighted_sample(random.Random(1), [1, 2], [1.0, 0.0], 2) == [1]
