"""Leave nothing of hqe_app behind: its fixtures, and Frappe's records about its DocTypes."""

from __future__ import annotations

import frappe
from hqe_app.high_quality_employment.people.staff_indexes import drop_indexes
from hqe_app.programme.roles import MODULE_PROFILE
from hqe_app.programme.workflow import OWN_ACTIONS, STATE_NAMES

HQE_DOCTYPES_LIKE = "HQE %"
#: Frappe's own records about the app's documents: workflow actions, timeline, assignments, alerts.
RECORDS_ABOUT_DOCUMENTS = (
	("Workflow Action", "reference_doctype"),
	("ToDo", "reference_type"),
	("Comment", "reference_doctype"),
	("Version", "ref_doctype"),
	("Notification Log", "document_type"),
	("Data Import", "reference_doctype"),
)


def before_uninstall() -> None:
	"""Remove what Frappe's uninstall does not.

	DocTypes and their tables, and what the module owns (reports, print formats, workspace, number
	cards, charts) are removed by Frappe itself; the fixtures and the records below are not.
	"""
	remove_records_about_documents()
	remove_roles()
	remove_module_profile()
	remove_workflow()
	drop_indexes()


def remove_records_about_documents() -> None:
	for doctype, field in RECORDS_ABOUT_DOCUMENTS:
		if doctype == "Workflow Action":
			actions = frappe.get_all(doctype, filters={field: ("like", HQE_DOCTYPES_LIKE)}, pluck="name")
			frappe.db.delete("Workflow Action Permitted Role", {"parent": ("in", actions or [""])})
		frappe.db.delete(doctype, {field: ("like", HQE_DOCTYPES_LIKE)})
	frappe.db.delete("User Permission", {"allow": ("like", HQE_DOCTYPES_LIKE)})


def remove_roles() -> None:
	roles = frappe.get_all("Role", filters={"role_name": ("like", HQE_DOCTYPES_LIKE)}, pluck="name")
	frappe.db.delete("Has Role", {"role": ("in", roles or [""])})
	frappe.db.delete("Custom DocPerm", {"role": ("in", roles or [""])})
	for profile in frappe.get_all(
		"Role Profile", filters={"role_profile": ("like", HQE_DOCTYPES_LIKE)}, pluck="name"
	):
		frappe.db.set_value("User", {"role_profile_name": profile}, "role_profile_name", None)
		# Saving a profile queues a job that updates its users and holds a lock until a worker runs it;
		# release it, or a later install would find the profile "locked and queued".
		frappe.get_doc("Role Profile", profile).unlock()
		frappe.delete_doc("Role Profile", profile, ignore_permissions=True, force=True)
	for role in roles:
		frappe.delete_doc("Role", role, ignore_permissions=True, force=True)


def remove_module_profile() -> None:
	if frappe.db.exists("Module Profile", MODULE_PROFILE):
		users = frappe.get_all("User", filters={"module_profile": MODULE_PROFILE}, pluck="name")
		frappe.db.set_value("User", {"module_profile": MODULE_PROFILE}, "module_profile", None)
		frappe.db.delete("Block Module", {"parenttype": "User", "parent": ("in", users or [""])})
		frappe.delete_doc("Module Profile", MODULE_PROFILE, ignore_permissions=True, force=True)


def remove_workflow() -> None:
	for workflow in frappe.get_all(
		"Workflow", filters={"document_type": ("like", HQE_DOCTYPES_LIKE)}, pluck="name"
	):
		frappe.delete_doc("Workflow", workflow, ignore_permissions=True, force=True)
	# States and actions are shared by name across workflows: keep any that another workflow still uses.
	for doctype, names in (("Workflow State", STATE_NAMES), ("Workflow Action Master", OWN_ACTIONS)):
		for name in names:
			if frappe.db.exists(doctype, name):
				try:
					frappe.delete_doc(doctype, name, ignore_permissions=True)
				except frappe.LinkExistsError:
					pass
