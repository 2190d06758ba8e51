"""Leave nothing of hqe_app behind: its fixtures and the permissions that point at its DocTypes."""

from __future__ import annotations

import frappe
from hqe_app.high_quality_employment.workflow.definition import OWN_ACTIONS, STATE_NAMES

HQE_DOCTYPES_LIKE = "HQE %"


def before_uninstall() -> None:
	"""Remove what Frappe's uninstall does not: fixtures (roles, role profiles) and user permissions.

	DocTypes, their tables, reports and workspaces of the module are removed by Frappe itself.
	"""
	roles = frappe.get_all("Role", filters={"role_name": ("like", HQE_DOCTYPES_LIKE)}, pluck="name")
	frappe.db.delete("User Permission", {"allow": ("like", HQE_DOCTYPES_LIKE)})
	frappe.db.delete("Has Role", {"role": ("in", roles or [""])})
	frappe.db.delete("Custom DocPerm", {"role": ("in", roles or [""])})
	for profile in frappe.get_all(
		"Role Profile", filters={"role_profile": ("like", HQE_DOCTYPES_LIKE)}, pluck="name"
	):
		frappe.db.set_value("User", {"role_profile_name": profile}, "role_profile_name", None)
		frappe.delete_doc("Role Profile", profile, ignore_permissions=True, force=True)
	for role in roles:
		frappe.delete_doc("Role", role, ignore_permissions=True, force=True)
	for workflow in frappe.get_all(
		"Workflow", filters={"document_type": ("like", HQE_DOCTYPES_LIKE)}, pluck="name"
	):
		frappe.delete_doc("Workflow", workflow, ignore_permissions=True, force=True)
