"""Server-side rules of the application workflow, the same whatever door a save comes through.

A transition is the difference between the state stored before a save and the state being saved:
the form's action menu, Frappe's list-view bulk action, a Workflow Action link, REST and server code
all end in `Document.save`/`submit`, so the controller checks the move there (`check_save`) and
applies its effects after it (`effects.after_transition`). Frappe's own `validate_workflow` checks
the role; the app adds what the notice asks: one step at a time, no self-approval, a reason for a
return or a rejection, deadlines, the pass mark, the quota and the publication period.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.workflow import WorkflowPermissionError
from frappe.utils import format_date, getdate, nowdate
from hqe_app.high_quality_employment.application.scoring import pass_mark
from hqe_app.high_quality_employment.workflow.quota import county_quota
from hqe_app.programme.calendar import add_working_days
from hqe_app.programme.lifecycle import CITY_CERTIFIED, DRAFT, PUBLICIZED, RECOMMENDED_OR_LATER
from hqe_app.programme.objections import undecided, upheld
from hqe_app.programme.settings import setting
from hqe_app.programme.workflow import (
	APPROVE,
	CERTIFY,
	CITY,
	CONFIRM,
	NEEDS_REASON,
	RECOMMEND,
	REJECT,
	RESUBMIT,
	STATE_DOCSTATUS,
	Transition,
	transition_between,
)

from .city_review import check_city_review
from .deadlines import check_deadline
from .publication_calendar import check_publication_fits

#: The index (county, year, workflow_state) the quota's locking count goes through (hqe_application.py).
QUOTA_INDEX = "county_year_state"
#: doc.flags key carrying the transition a save makes from its validation to its effects.
TRANSITION_FLAG = "hqe_transition"


class WorkflowGuardError(frappe.ValidationError):
	pass


def check_save(doc) -> None:
	"""Find the move this save makes, refuse it when the notice forbids it, and keep it for the effects."""
	if doc.is_new():
		if doc.workflow_state not in (None, "", DRAFT) or doc.docstatus != 0:
			frappe.throw(_("A new application starts as {0}").format(_(DRAFT)), WorkflowGuardError)
		doc.workflow_state = DRAFT
		return
	before = doc.get_doc_before_save()
	old_state = (before and before.workflow_state) or DRAFT
	if not (doc.workflow_state or "").strip():
		# Frappe would reset an empty state to the first one (Draft): a move with no action, no reason
		frappe.throw(
			_("{0} cannot be emptied: an application moves only by a workflow action").format(
				_("Workflow State")
			),
			WorkflowGuardError,
			title=_("Workflow State"),
		)
	new_state = doc.workflow_state
	if new_state == old_state:
		if before and doc.docstatus != before.docstatus:
			frappe.throw(
				_("An application is submitted only by the county's certification"), WorkflowGuardError
			)
		return
	t = transition_between(old_state, new_state)
	if not t:
		frappe.throw(
			_("No workflow action moves an application from {0} to {1}").format(_(old_state), _(new_state)),
			WorkflowGuardError,
		)
	check_actor(doc, t)
	if doc.docstatus != STATE_DOCSTATUS[new_state]:
		frappe.throw(
			_("{0} moves an application to {1} only as the workflow action does").format(
				_(t.action), _(new_state)
			),
			WorkflowGuardError,
		)
	reason = take_reason(doc, t)
	check_transition(doc, t, reason)
	doc.flags[TRANSITION_FLAG] = (t, reason)


def check_actor(doc, t: Transition) -> None:
	"""The acting user holds the transition's role and is not approving their own submission."""
	user = frappe.session.user
	if user == "Administrator":
		return
	if t.role not in frappe.get_roles(user):
		frappe.throw(
			_("{0} is not an action you may take on an application in state {1}").format(
				_(t.action), _(t.state)
			),
			WorkflowPermissionError,
		)
	if not t.self_approval and doc.owner == user:
		frappe.throw(_("Self approval is not allowed"), WorkflowGuardError)


def take_reason(doc, t: Transition) -> str | None:
	"""The reason given for this action (`action_reason`), consumed by it; returns and rejections need one."""
	reason = (doc.get("action_reason") or "").strip() or None
	if t.action in NEEDS_REASON and not reason:
		frappe.throw(
			_(
				"A reason is required to {0}: give it in the form's dialog or with the list's action {1}"
			).format(_(t.action), _("Return or Reject with Reason")),
			WorkflowGuardError,
			title=_("Reason"),
		)
	doc.action_reason = None
	if t.action in NEEDS_REASON:
		doc.workflow_reason = reason
	return reason


def taken_transition(doc) -> tuple[Transition, str | None] | None:
	"""The transition this save made (once: the effects run exactly once per move)."""
	return doc.flags.pop(TRANSITION_FLAG, None)


#: The moves that stand on the verified total: each re-checks it against the pass mark, so a decision
#: never carries a total a later correction took below it.
NEEDS_PASS_MARK = frozenset({CERTIFY, RECOMMEND, RESUBMIT, CONFIRM})


def check_transition(doc, t: Transition, reason: str | None) -> None:
	check_deadline(doc, t)
	if t.action in NEEDS_PASS_MARK:
		check_pass_mark(doc, t)
	if t.action == RECOMMEND:
		check_quota(doc)
	elif t.action == APPROVE:
		start_publication(doc)
	elif t.action == CONFIRM:
		check_publication_over(doc)
	elif t.action == REJECT and t.state == PUBLICIZED:
		check_objection_upheld(doc)
	check_publication_fits(doc, t)
	check_city_review(doc, t)


def check_pass_mark(doc, t: Transition) -> None:
	mark = pass_mark()
	if (doc.total_score or 0) < mark:
		frappe.throw(
			_("Verified total {0} is below the pass mark {1}: {2} is refused").format(
				frappe.format(doc.total_score, {"fieldtype": "Float", "precision": 1}), mark, _(t.action)
			),
			WorkflowGuardError,
			title=_("Below the Pass Mark"),
		)


def check_quota(doc) -> None:
	"""Recommend only within the county's quota, exact under concurrent use.

	The county's region row is the lock two recommendations queue on; the count after it is a locking
	read (a plain read would see this transaction's older snapshot) that the (county, year, state)
	index confines to already recommended rows, so it never waits on the other application's row.
	"""
	lock_county(doc.county)
	certified, quota = county_quota(doc.county, doc.year)
	# A locking read sees the latest committed states (a plain read would see this transaction's
	# snapshot, taken before a concurrent recommendation committed).
	application = frappe.qb.DocType("HQE Application")
	used = len(
		frappe.qb.from_(application)
		.force_index(QUOTA_INDEX)
		.select(application.name)
		.where(application.county == doc.county)
		.where(application.year == doc.year)
		.where(application.workflow_state.isin(RECOMMENDED_OR_LATER))
		.where(application.name != doc.name)
		.for_update()
		.run()
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
	days = setting(frappe.get_cached_doc("HQE Settings"), "publication_working_days")
	doc.publication_start = getdate(nowdate())
	doc.publication_end = add_working_days(getdate(doc.publication_start), int(days))


def check_publication_over(doc) -> None:
	if not doc.publication_end or getdate(nowdate()) <= getdate(doc.publication_end):
		frappe.throw(
			_("The publication period ends on {0}; certify after it").format(
				format_date(doc.publication_end) if doc.publication_end else "?"
			),
			WorkflowGuardError,
			title=_("Publication"),
		)
	waiting = undecided(doc.objections)
	if waiting:
		frappe.throw(
			_("Objection in row {0} has not been decided yet").format(waiting[0]),
			WorkflowGuardError,
			title=_("Objections"),
		)
	if upheld(doc.objections):
		frappe.throw(
			_("Objection in row {0} was upheld: reject the application from the publication instead").format(
				upheld(doc.objections)[0]
			),
			WorkflowGuardError,
			title=_("Objections"),
		)


def check_objection_upheld(doc) -> None:
	"""Rejecting from the publication (公示) needs an objection the city upheld."""
	if not upheld(doc.objections):
		frappe.throw(
			_("An application is rejected from the publication only on an upheld objection"),
			WorkflowGuardError,
			title=_("Objections"),
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
		if CITY not in frappe.get_roles() and frappe.session.user != "Administrator":
			frappe.throw(_("Only the city recommends to the province"), frappe.PermissionError)
