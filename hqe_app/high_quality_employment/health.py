"""A health check of the whole site: the programme's invariants, proved on every record at once.

    bench --site SITE execute hqe_app.high_quality_employment.health.check_site

- every stored score is what the engine gives for the stored data (self-reported values with the
  reviews' corrections and innovation points laid over them);
- every application's state is a state of the workflow, with that state's docstatus;
- awards exist only for certified applications (the city's for City Certified, a county's for County
  Certified or later);
- every application lies inside its region tree (its township is its community's, its county the
  township's parent, the county's parent a city);
- no county has recommended more than its quota in any year.

Reads everything in a few bulk queries (no query per record) and returns the breaches found; CI runs
it after the integration tests and fails on any.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import NamedTuple

import frappe
from hqe_app.high_quality_employment.application.bulk import (
	RECORD_FIELDS,
	data_fields,
	reviews_by_application,
	verified_values,
)
from hqe_app.high_quality_employment.application.checklist_answers import answers_by_application, with_answers
from hqe_app.high_quality_employment.reporting import score_tally
from hqe_app.high_quality_employment.schemes.registry import built
from hqe_app.high_quality_employment.workflow.county_awards import AWARDED_STATES
from hqe_app.high_quality_employment.workflow.quota import county_quota
from hqe_app.programme.lifecycle import RECOMMENDED_OR_LATER
from hqe_app.programme.workflow import STATE_DOCSTATUS
from hqe_app.scoring import InvalidApplication, score

TOLERANCE = 1e-6  # scores are stored as floats of halves; anything further apart is a breach


def schemes_in_use() -> list:
	used = frappe.get_all("HQE Application", fields=["scheme", "scheme_version"], distinct=True)
	return [built(u.scheme, u.scheme_version) for u in used] or [built(None)]


class Breach(NamedTuple):
	check: str
	record: str
	detail: str


def check_site(verbose: bool = True) -> dict:
	"""Run every check; returns {"breaches": [...], "counts": {...}, "seconds": ...}."""
	started = time.perf_counter()
	applications = frappe.get_all(
		"HQE Application",
		filters={"docstatus": ("<", 2)},
		fields=[*RECORD_FIELDS, *data_fields(*schemes_in_use())],
		limit_page_length=0,
	)
	with_answers(applications, answers_by_application(None))
	breaches = [
		*scores(applications),
		*states(applications),
		*awards({a.name: a.workflow_state for a in applications}),
		*regions(applications),
		*quotas(applications),
		*tallies(),
	]
	result = {
		"breaches": [b._asdict() for b in breaches],
		"counts": {"applications": len(applications), "breaches": len(breaches)},
		"seconds": round(time.perf_counter() - started, 2),
	}
	if verbose:
		for b in breaches[:50]:
			print(f"BREACH {b.check}: {b.record}: {b.detail}")
		print(f"health: {len(applications)} applications, {len(breaches)} breaches, {result['seconds']} s")
	return result


def tallies() -> list[Breach]:
	"""Each township's tally of points (what the Indicator Score Analysis adds up) is a fresh count."""
	return [Breach("tally", name, "differs from its applications") for name in score_tally.stale()]


def scores(applications: list) -> list[Breach]:
	reviews = reviews_by_application()
	found = []
	for app in applications:
		scheme = built(app.scheme, app.scheme_version)
		try:
			card = score(verified_values(app, scheme, reviews.get(app.name, [])), scheme)
		except InvalidApplication as refused:
			found.append(Breach("score", app.name, f"stored data the engine refuses: {refused}"))
			continue
		stored = (app.base_score or 0, app.bonus_score or 0, app.total_score or 0)
		if any(
			abs(a - b) > TOLERANCE for a, b in zip(stored, (card.base, card.bonus, card.total), strict=True)
		):
			found.append(
				Breach(
					"score",
					app.name,
					f"stored {stored}, the engine gives {(card.base, card.bonus, card.total)}",
				)
			)
	return found


def states(applications: list) -> list[Breach]:
	found = []
	for app in applications:
		if app.workflow_state not in STATE_DOCSTATUS:
			found.append(Breach("state", app.name, f"unknown state {app.workflow_state!r}"))
		elif STATE_DOCSTATUS[app.workflow_state] != app.docstatus:
			found.append(Breach("state", app.name, f"{app.workflow_state} with docstatus {app.docstatus}"))
	return found


def awards(state_of: dict[str, str]) -> list[Breach]:
	found = []
	for award in frappe.get_all(
		"HQE Award", fields=["name", "application", "award_level"], limit_page_length=0
	):
		state = state_of.get(award.application)
		if state not in AWARDED_STATES.get(award.award_level, ()):
			found.append(
				Breach("award", award.name, f"{award.award_level} award for {award.application} in {state}")
			)
	return found


def regions(applications: list) -> list[Breach]:
	region = {
		r.name: r
		for r in frappe.get_all(
			"HQE Region", fields=["name", "region_level", "parent_hqe_region"], limit_page_length=0
		)
	}
	township_of = dict(
		frappe.get_all("HQE Community", fields=["name", "township"], as_list=True, limit_page_length=0)
	)
	found = []
	for app in applications:
		township = region.get(app.township)
		county = region.get(app.county)
		if township_of.get(app.community) != app.township:
			found.append(Breach("region", app.name, f"township {app.township} is not its community's"))
		elif not township or township.region_level != "Township" or township.parent_hqe_region != app.county:
			found.append(Breach("region", app.name, f"county {app.county} is not its township's parent"))
		elif not county or (region.get(county.parent_hqe_region) or frappe._dict()).region_level != "City":
			found.append(Breach("region", app.name, f"county {app.county} is not under a city"))
	return found


def quotas(applications: list) -> list[Breach]:
	used = Counter((a.county, a.year) for a in applications if a.workflow_state in RECOMMENDED_OR_LATER)
	found = []
	for (county, year), count in sorted(used.items()):
		certified, quota = county_quota(county, year)
		if count > quota:
			found.append(
				Breach(
					"quota", f"{county} {year}", f"{count} recommended, quota {quota} ({certified} certified)"
				)
			)
	return found
