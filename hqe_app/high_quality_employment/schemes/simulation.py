"""What a draft scheme would do (SPEC §13): a year's applications scored under the draft, beside the
scheme each was actually scored under, per county.

"Passing" is the verified total at the pass mark (the draft's own mark after, each application's own
scheme's before); the quota that follows is the draft's rate and rounding over the applications that
pass under it. Reads the user's applications (their subtree) with their reviews in bulk.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

import frappe
from hqe_app.high_quality_employment.application.bulk import (
	RECORD_FIELDS,
	data_fields,
	reviews_by_application,
	verified_values,
)
from hqe_app.high_quality_employment.application.checklist_answers import answers_by_application, with_answers
from hqe_app.high_quality_employment.schemes.registry import built
from hqe_app.scoring import InvalidApplication, Scheme, score
from hqe_app.scoring.quota import recommendation_quota

PROGRESS_EVERY = 2000


def simulate(draft_code: str, year: int, progress: bool = False) -> list[dict]:
	"""One row per county: passing before and after, who crosses the pass mark either way, the quota."""
	draft = built(draft_code)
	fields = [*RECORD_FIELDS, *data_fields(draft)]
	applications = frappe.get_list(
		"HQE Application",
		filters={"year": int(year), "docstatus": ("<", 2)},
		fields=fields,
		order_by="county asc, community_name asc",
		limit_page_length=0,
	)
	names = [a.name for a in applications]
	reviews = reviews_by_application(names)
	with_answers(applications, answers_by_application(names))
	counties: dict[str, dict] = defaultdict(
		lambda: {"applications": 0, "before": 0, "after": 0, "up": [], "down": [], "refused": 0}
	)
	for i, app in enumerate(applications, start=1):
		own = built(app.scheme, app.scheme_version)
		before = (app.total_score or 0) >= own.pass_mark
		row = counties[app.county]
		row["applications"] += 1
		row["before"] += before
		try:
			card = score(with_defaults(verified_values(app, draft, reviews.get(app.name, [])), draft), draft)
		except InvalidApplication:
			row["refused"] += 1
			continue
		after = card.total >= draft.pass_mark
		row["after"] += after
		if after and not before:
			row["up"].append(f"{app.community_name}（{app.total_score:g}→{card.total:g}）")
		elif before and not after:
			row["down"].append(f"{app.community_name}（{app.total_score:g}→{card.total:g}）")
		if progress and i % PROGRESS_EVERY == 0:
			frappe.publish_progress(i * 100 / len(applications), title=draft_code, description=str(i))
	rate = draft.limits.max_quota_rate if draft.limits else Fraction(1, 10)
	rounding = draft.limits.rounding if draft.limits else "floor"
	return [
		{
			"county": county,
			**row,
			"change": row["after"] - row["before"],
			"quota_before": recommendation_quota(row["before"], rate, rounding),
			"quota_after": recommendation_quota(row["after"], rate, rounding),
		}
		for county, row in sorted(counties.items())
	]


#: What a field the draft adds, and an application does not hold yet, counts as: not given.
NOT_GIVEN = {"check": False, "count": 0, "points": 0}


def with_defaults(values: dict, scheme: Scheme) -> dict:
	for spec in scheme.fields:
		if values.get(spec.name) is None:
			values[spec.name] = NOT_GIVEN.get(spec.kind, spec.options[0] if spec.options else None)
	return values
