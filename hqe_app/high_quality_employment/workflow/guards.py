"""Server-side guards of the application workflow, run on every save whatever its path.

A state may change only inside a workflow action (`actions.apply_action`), which announces the
transition it is about to make; a state or docstatus written any other way (form, REST, import)
is refused. Each transition then has its own conditions (pass mark, quota, deadlines, publication).
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import format_date, getdate, nowdate
from hqe_app.high_quality_employment.application_scoring import pass_mark
from hqe_app.high_quality_employment.quota import county_quota
from hqe_app.lifecycle import CITY_CERTIFIED, DRAFT, RECOMMENDED_OR_LATER

from .deadlines import add_working_days, check_deadline
from .definition import APPROVE, CERTIFY, CONFIRM, RECOMMEND, Transition, transition_between


class WorkflowGuardError(frappe.ValidationError):
	pass


def announced() -> dict | None:
	return frappe.flags.get("hqe_transition")


def guard_state_change(doc) -> None:
	"""Refuse a state change that is not the announced workflow action, then check that action."""
	if doc.is_new():
		if doc.workflow_state not in (None, "", DRAFT):
			frappe.throw(_("A new application starts as {0}").format(_(DRAFT)), WorkflowGuardError)
		doc.workflow_state = DRAFT
		return
	before = doc.get_doc_before_save()
	old_state = (before and before.workflow_state) or DRAFT
	if doc.workflow_state == old_state:
		return
	pending = announced()
	if not pending or (pending["name"], pending["from"], pending["to"]) != (
		doc.name,
		old_state,
		doc.workflow_state,
	):
		frappe.throw(
			_(
				"The state of an application changes only through a workflow action ({0} to {1} refused)"
			).format(_(old_state), _(doc.workflow_state)),
			WorkflowGuardError,
		)
	check_transition(doc, transition_between(old_state, doc.workflow_state), pending.get("reason"))


def guard_docstatus_change(doc) -> None:
	"""Submitting happens only as the county's certification, inside that workflow action."""
	pending = announced()
	if not pending or pending["name"] != doc.name:
		frappe.throw(_("An application is submitted only through a workflow action"), WorkflowGuardError)


def check_transition(doc, t: Transition, reason: str | None) -> None:
	check_deadline(doc, t)
	if reason:
		doc.workflow_reason = reason
	if t.action == CERTIFY:
		check_pass_mark(doc)
	elif t.action == RECOMMEND:
		check_quota(doc)
	elif t.action == APPROVE:
		start_publication(doc)
	elif t.action == CONFIRM:
		check_publication_over(doc)


def check_pass_mark(doc) -> None:
	mark = pass_mark()
	if (doc.total_score or 0) < mark:
		frappe.throw(
			_("Verified total {0} is below the pass mark {1}: the application cannot be certified").format(
				frappe.format(doc.total_score, {"fieldtype": "Float", "precision": 1}), mark
			),
			WorkflowGuardError,
			title=_("Below the Pass Mark"),
		)


def check_quota(doc) -> None:
	"""Recommend only within the county's quota; the county row is locked so two at once count right."""
	lock_county(doc.county)
	certified, quota = county_quota(doc.county, doc.year)
	# A locking read sees the latest committed states (a plain read would see this transaction's
	# snapshot, taken before a concurrent recommendation committed).
	used = len(
		frappe.db.get_values(
			"HQE Application",
			{
				"county": doc.county,
				"year": doc.year,
				"workflow_state": ("in", RECOMMENDED_OR_LATER),
				"name": ("!=", doc.name),
			},
			"name",
			for_update=True,
		)
	)
	if used + 1 > quota:
		frappe.throw(
			_("{0} has used its quota of {1} recommendations for {2} ({3} county-certified)").format(
				doc.county, quota, doc.year, certified
			),
			WorkflowGuardError,
			title=_("Recommendation Quota"),
		)


def lock_county(county: str) -> None:
	"""Row lock on the county's region, held to the end of the transaction (re-taking it is free)."""
	frappe.db.get_value("HQE Region", county, "name", for_update=True)


def start_publication(doc) -> None:
	days = frappe.db.get_single_value("HQE Settings", "publication_working_days") or 5
	doc.publication_start = getdate(nowdate())
	doc.publication_end = add_working_days(doc.publication_start, int(days))


def check_publication_over(doc) -> None:
	if not doc.publication_end or getdate(nowdate()) <= getdate(doc.publication_end):
		frappe.throw(
			_("The publication period ends on {0}; certify after it").format(
				format_date(doc.publication_end) if doc.publication_end else "?"
			),
			WorkflowGuardError,
			title=_("Publication"),
		)
	open_objections = [row.idx for row in doc.objections if not (row.resolution or "").strip()]
	if open_objections:
		frappe.throw(
			_("Objection in row {0} has no resolution yet").format(open_objections[0]), WorkflowGuardError
		)


def guard_delete(doc) -> None:
	if doc.docstatus != 0 or (doc.workflow_state or DRAFT) != DRAFT:
		frappe.throw(_("A submitted application cannot be deleted"), WorkflowGuardError)


def guard_cancel(doc) -> None:
	frappe.throw(
		_("A certified application cannot be cancelled; its record stays (return or reject it instead)"),
		WorkflowGuardError,
	)


def guard_province_recommendation(doc) -> None:
	before = doc.get_doc_before_save()
	if before and doc.recommended_to_province != before.recommended_to_province:
		if doc.workflow_state != CITY_CERTIFIED:
			frappe.throw(
				_("Only a city-certified application can be recommended to the province"), WorkflowGuardError
			)
		if "HQE City Reviewer" not in frappe.get_roles() and frappe.session.user != "Administrator":
			frappe.throw(_("Only the city recommends to the province"), frappe.PermissionError)
