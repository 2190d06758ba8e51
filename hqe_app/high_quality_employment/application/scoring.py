"""Score an HQE Application with the engine: self-reported values, verified corrections, results.

The engine (hqe_app.scoring) knows nothing of Frappe; this module maps documents to its values and
its score card back to the document. Score fields are always recomputed here, so whatever a client
sent for them is overwritten.
"""

from __future__ import annotations

import json

import frappe
from frappe import _
from frappe.model.document import Document
from hqe_app.high_quality_employment.application.checklist_answers import TABLE, answer_rows, answers_of
from hqe_app.high_quality_employment.schemes.registry import assign_scheme, built
from hqe_app.programme.settings import setting
from hqe_app.scoring import InvalidApplication, Scheme, ScoreCard, get_scheme, score
from hqe_app.scoring.validate import FieldError

MEDIA_LEVELS = {
	"County": "media_reports_county",
	"City": "media_reports_city",
	"Province": "media_reports_province",
}
REVIEW_ORDER = {"Township": 0, "County": 1, "City": 2}
GAP_FIELDS = ("to_pass_options", "data_flags")  # what `gap_fields` stores, in this order


def scheme_of(doc: Document) -> Scheme:
	"""The scheme the application was (or will be) scored under, as recorded on it."""
	return built(doc.scheme or None, doc.get("scheme_version"))


def count_media_reports(doc: Document) -> None:
	"""Indicator 9's counts come from the table of reports, counted by level."""
	counts = dict.fromkeys(MEDIA_LEVELS.values(), 0)
	for report in doc.media_reports:
		counts[MEDIA_LEVELS[report.level]] += 1
	doc.update(counts)


def self_reported_values(doc: Document, scheme: Scheme) -> dict[str, object]:
	"""The values as the community entered them (innovation points come from the county review)."""
	values: dict[str, object] = {}
	answers = answers_of(doc)
	for spec in scheme.fields:
		value = answers[spec.name] if spec.name in answers else doc.get(spec.name)
		if spec.kind == "check":
			value = bool(value)
		elif spec.kind == "count" and value is not None:
			value = int(value)
		values[spec.name] = value
	values["innovation_points"] = 0
	return values


def reviews_of(application: str) -> list[frappe._dict]:
	"""Reviews of one application with their corrections."""
	if not application:
		return []
	reviews = frappe.get_all(
		"HQE Review",
		filters={"application": application},
		fields=["name", "review_level", "innovation_points"],
	)
	corrections = frappe.get_all(
		"HQE Correction",
		filters={"parenttype": "HQE Review", "parent": ("in", [r.name for r in reviews] or [""])},
		fields=["parent", "fieldname", "reported_value", "verified_value", "reason", "idx"],
		order_by="idx asc",
	)
	for review in reviews:
		review.corrections = [c for c in corrections if c.parent == review.name]
	return reviews


def overlay(reported: dict[str, object], reviews: list) -> tuple[dict[str, object], list]:
	"""The verified values: each review's corrections (township, county, city: later levels win) and
	the county's innovation points laid over the self-reported values; also (correction, review) pairs."""
	verified = dict(reported)
	applied = []
	for review in sorted(reviews, key=lambda r: REVIEW_ORDER.get(r.review_level, 9)):
		if review.review_level == "County" and review.innovation_points is not None:
			verified["innovation_points"] = review.innovation_points
		for c in review.corrections:
			verified[c.fieldname] = c.verified_value
			applied.append((c, review.name))
	return verified, applied


def apply_scores(doc: Document) -> ScoreCard:
	"""Validate the self-reported values, overlay verified corrections, score, and write the results.

	Raises frappe.ValidationError naming every refused field; nothing is written then.
	"""
	scheme = assign_scheme(doc)
	replace_rows(doc, TABLE, answer_rows(doc, scheme))
	count_media_reports(doc)
	reported = self_reported_values(doc, scheme)
	reported_card = _score_or_throw(reported, scheme)

	verified, applied = overlay(reported, reviews_of(doc.name if not doc.is_new() else ""))
	card = _score_or_throw(verified, scheme) if verified != reported else reported_card

	doc.innovation_points = float(verified["innovation_points"] or 0)
	doc.base_score, doc.bonus_score, doc.total_score = card.base, card.bonus, card.total
	doc.self_reported_total = reported_card.total
	doc.eligible = int(card.total >= pass_mark())
	doc.score_flags = "\n".join(card.flags)
	store_gap(doc, card)
	replace_rows(
		doc,
		"indicator_results",
		[
			{
				"indicator_code": r.code,
				"indicator_name": r.name,
				"max_points": r.max_points,
				"points": r.points,
				"basis": r.basis,
			}
			for r in card.results
		],
	)
	replace_rows(
		doc,
		"corrections",
		[
			{
				"fieldname": c.fieldname,
				"field_label": _(scheme.field_map[c.fieldname].label),
				"reported_value": c.reported_value,
				"verified_value": c.verified_value,
				"reason": c.reason,
				"review": review,
			}
			for c, review in applied
		],
	)
	return card


def store_gap(doc: Document, card: ScoreCard) -> None:
	doc.update(gap_fields(card))


def gap_fields(card: ScoreCard) -> dict[str, str]:
	"""The engine's single changes that add points and its data flags' codes (SPEC §12), as stored JSON.

	The points missing are not stored: they follow from the total and the pass mark of the day.
	"""
	return {
		"to_pass_options": json.dumps([o.as_dict() for o in card.to_pass.options], ensure_ascii=False),
		"data_flags": json.dumps([{"code": f.code, "field": f.field} for f in card.data_flags]),
	}


def replace_rows(doc: Document, fieldname: str, rows: list[dict]) -> None:
	"""Set a child table to `rows`, updating the existing rows in place where there are as many.

	A save that re-scores then updates rows instead of deleting and inserting them: no insert into the
	child table's index, so two workflow actions in one county (the quota's lock) never deadlock on it.
	"""
	existing = doc.get(fieldname) or []
	if len(existing) != len(rows):
		doc.set(fieldname, rows)
		return
	for row, values in zip(existing, rows, strict=True):
		row.update(values)


def pass_mark() -> float:
	settings = frappe.get_cached_doc("HQE Settings")  # cleared by Frappe whenever the settings are saved
	return float(setting(settings, "pass_mark"))


def _score_or_throw(values: dict[str, object], scheme: Scheme) -> ScoreCard:
	try:
		return score(values, scheme, pass_mark=pass_mark(), _=_)
	except InvalidApplication as e:
		throw_field_errors(e.errors)


def throw_field_errors(errors: list[FieldError]) -> None:
	frappe.throw(
		"<br>".join(frappe.utils.escape_html(e.message) for e in errors),
		title=_("Impossible data"),
		exc=frappe.ValidationError,
	)
