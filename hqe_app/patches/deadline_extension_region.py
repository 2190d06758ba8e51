"""HQE Deadline Extension: the county an extension was for is now its region (of any level)."""

import frappe
from frappe.model.utils.rename_field import rename_field


def execute() -> None:
	if frappe.db.has_column("HQE Deadline Extension", "county"):
		rename_field("HQE Deadline Extension", "county", "region")
