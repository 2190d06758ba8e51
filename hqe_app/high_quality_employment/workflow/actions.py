"""Workflow actions on an application: the only way its state moves.

`apply_workflow` replaces Frappe's whitelisted method of the same name (hooks.py) for every DocType:
for HQE Application it announces the transition to the guards, takes the reason a return or a
rejection needs, and records the decision (review, timeline, award, who acts next); other DocTypes
go straight to Frappe's own.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow as frappe_apply_workflow
from hqe_app.lifecycle import DRAFT

from .definition import NEEDS_REASON, RECOMMEND, transition
from .effects import after_transition
from .guards import lock_county

DOCTYPE = "HQE Application"


@frappe.whitelist()
def apply_workflow(doc, action):
	data = frappe.parse_json(doc)
	if data.get("doctype") != DOCTYPE:
		return frappe_apply_workflow(doc, action)
	return apply_action(data["name"], action, data.get("workflow_reason"))


def apply_action(name: str, action: str, reason: str | None = None):
	"""Apply one workflow action as the session user; raises with a clear message when not allowed."""
	doc = frappe.get_doc(DOCTYPE, name)
	state = doc.workflow_state or DRAFT
	t = transition(state, action)
	if not t:
		frappe.throw(
			_("{0} is not an action for an application in state {1}").format(_(action), _(state)),
			frappe.ValidationError,
		)
	reason = (reason or "").strip() or None
	if action in NEEDS_REASON and not reason:
		frappe.throw(_("A reason is required to {0}").format(_(action)), title=_("Reason"))
	if t.action == RECOMMEND:
		# Take the county-year's lock before any row of this application is locked, so two
		# recommendations at once queue here instead of deadlocking; the quota guard counts after it.
		lock_county(doc.county)
	frappe.flags.hqe_transition = {"name": name, "from": state, "to": t.next_state, "reason": reason}
	try:
		doc = frappe_apply_workflow(doc.as_dict(), action)
	finally:
		frappe.flags.hqe_transition = None
	after_transition(doc, t, reason)
	return doc
