"""Approval history (SPEC §3, §11): one HQE Approval Log row per move — who, when, what, why."""

from __future__ import annotations

import frappe
from frappe.utils import now_datetime
from hqe_app.programme.workflow import Transition


def log_transition(doc, t: Transition, reason: str | None) -> None:
	frappe.get_doc(
		{
			"doctype": "HQE Approval Log",
			"application": doc.name,
			"community_name": doc.community_name,
			"community": doc.community,
			"year": doc.year,
			"township": doc.township,
			"county": doc.county,
			"level": t.level,
			"action": t.action,
			"from_state": t.state,
			"to_state": t.next_state,
			"user": frappe.session.user,
			"acted_at": now_datetime(),
			"reason": reason,
		}
	).insert(ignore_permissions=True)  # the move itself passed the role and subtree checks
