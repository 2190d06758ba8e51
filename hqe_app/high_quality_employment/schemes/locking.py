"""A scheme that a submitted application was scored under stays as it was: copy it to change it."""

from __future__ import annotations

import frappe
from frappe import _
from hqe_app.programme.lifecycle import DRAFT

#: What a locked scheme keeps: the rules, the limits and where and when it applies.
LOCKED_FIELDS = ("definition", "version", "city", "from_year", "to_year")


def in_use(code: str, version: int) -> bool:
	"""Whether an application past the community's draft was scored under this scheme and version."""
	return bool(
		frappe.db.exists(
			"HQE Application",
			{"scheme": code, "scheme_version": version, "workflow_state": ("!=", DRAFT)},
		)
	)


def check_locked(doc) -> None:
	before = doc.get_doc_before_save()
	if not before or not in_use(doc.name, int(before.version or 1)):
		return
	changed = [f for f in LOCKED_FIELDS if str(doc.get(f) or "") != str(before.get(f) or "")]
	if changed:
		frappe.throw(
			_(
				"Scheme {0} scores submitted applications and cannot be changed ({1}): copy it to change it"
			).format(doc.name, ", ".join(_(doc.meta.get_label(f)) for f in changed)),
			frappe.ValidationError,
			title=_("Scheme in Use"),
		)
