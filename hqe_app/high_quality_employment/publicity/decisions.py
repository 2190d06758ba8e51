"""The objection rows' rules on every save of an application, whatever the door.

A row typed in the desk is a letter or a phone call (its source is set here, whatever a client sent);
only the public endpoint adds rows from the website. A decision needs its reason. Confirm and the
rejection from the publication read the decisions (workflow.guards).
"""

from __future__ import annotations

import frappe
from frappe import _
from hqe_app.high_quality_employment.application.authority import is_users_write
from hqe_app.programme.objections import DESK, missing_reason


def check_objections(doc) -> None:
	before = doc.get_doc_before_save()
	recorded = {row.name: row for row in (before.objections if before else [])}
	for row in doc.objections:
		if is_users_write(doc) and row.name not in recorded:
			row.source = DESK
		elif row.name in recorded:
			row.source = recorded[row.name].source  # where an objection came from never changes
	rows = missing_reason(doc.objections)
	if rows:
		frappe.throw(
			_("Objection in row {0}: give the reason for the decision").format(rows[0]),
			frappe.MandatoryError,
			title=_("Objections"),
		)
