"""Workflow actions with a reason, on Frappe's own rails.

A return or a rejection needs a reason (SPEC §3). The reason is written first, as the application's
`action_reason`, by whoever may take that action now; the action itself is then Frappe's own
(`frappe.model.workflow.apply_workflow`, or its list-view bulk action), and the controller consumes
the reason with the transition. The form's dialog and the list's "Return or Reject with Reason"
action both go through `set_action_reason`; a REST client may send `action_reason` with the state.
"""

from __future__ import annotations

import json

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow, get_transitions, has_approval_access
from hqe_app.programme.workflow import NEEDS_REASON

DOCTYPE = "HQE Application"
MAX_REASON = 1000


@frappe.whitelist(methods=["POST"])
def set_action_reason(names: str | list[str], action: str, reason: str) -> list[str]:
	"""Record the reason for `action` on each application the user may take it on now.

	Returns the names it was recorded on; the others are left to the action itself, which refuses
	them with its own message (wrong state, other subtree, self-approval).
	"""
	if isinstance(names, str):
		names = json.loads(names) if names.startswith("[") else [names]
	reason = (reason or "").strip()
	if not reason:
		frappe.throw(_("A reason is required to {0}").format(_(action)), title=_("Reason"))
	if len(reason) > MAX_REASON:
		frappe.throw(_("A reason has at most {0} characters").format(MAX_REASON), title=_("Reason"))
	recorded = []
	for name in names:
		if not frappe.has_permission(DOCTYPE, "read", name):
			continue
		doc = frappe.get_doc(DOCTYPE, name)
		if any(
			t.action == action and has_approval_access(frappe.session.user, doc, t)
			for t in get_transitions(doc)
		):
			doc.db_set("action_reason", reason, update_modified=False)
			recorded.append(name)
	return recorded


def apply_action(name: str, action: str, reason: str | None = None):
	"""Server code's way to take an action as the session user: the reason first, then Frappe's action."""
	if reason or action in NEEDS_REASON:
		set_action_reason([name], action, reason or "")
	return apply_workflow(frappe.get_doc(DOCTYPE, name), action)
