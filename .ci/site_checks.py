"""Checks CI makes on its throwaway site (run with the bench's Python from its sites folder).

python site_checks.py SITE schema      print the app's tables, columns and indexes
python site_checks.py SITE leftovers   after uninstall: fail if anything of the app is left
python site_checks.py SITE health      the programme's invariants on every record: fail on a breach
"""

from __future__ import annotations

import sys

import frappe

APP_LIKE = "HQE %"
MODULE = "High Quality Employment"


def schema() -> None:
	for (table,) in frappe.db.sql("SHOW TABLES LIKE 'tabHQE %%'"):
		print("TABLE", table)
		for row in frappe.db.sql(f"SHOW CREATE TABLE `{table}`"):
			print(row[1])


def leftovers() -> None:
	checks = {
		"tables": frappe.db.sql("SHOW TABLES LIKE 'tabHQE %%'"),
		"doctypes": frappe.get_all("DocType", filters={"name": ("like", APP_LIKE)}, pluck="name"),
		"module": frappe.get_all("Module Def", filters={"name": MODULE}, pluck="name"),
		"roles": frappe.get_all("Role", filters={"name": ("like", APP_LIKE)}, pluck="name"),
		"role profiles": frappe.get_all("Role Profile", filters={"name": ("like", APP_LIKE)}, pluck="name"),
		"module profiles": frappe.get_all("Module Profile", filters={"name": ("like", APP_LIKE)}, pluck="name"),
		"workflows": frappe.get_all("Workflow", filters={"document_type": ("like", APP_LIKE)}, pluck="name"),
		"user permissions": frappe.get_all(
			"User Permission", filters={"allow": ("like", APP_LIKE)}, pluck="name"
		),
	}
	for doctype in ("Report", "Print Format", "Workspace", "Number Card", "Dashboard Chart"):
		checks[doctype] = frappe.get_all(doctype, filters={"module": MODULE}, pluck="name")
	for doctype, field in (
		("ToDo", "reference_type"),
		("Comment", "reference_doctype"),
		("Version", "ref_doctype"),
		("Workflow Action", "reference_doctype"),
		("Notification Log", "document_type"),
	):
		checks[doctype] = frappe.get_all(doctype, filters={field: ("like", APP_LIKE)}, pluck="name")
	left = {what: found for what, found in checks.items() if found}
	if left:
		print("Left after uninstall-app:", left)
		sys.exit(1)
	print(f"nothing of the app is left ({len(checks)} kinds of record checked)")


def health() -> None:
	from hqe_app.high_quality_employment.health import check_site

	if check_site()["breaches"]:
		sys.exit(1)


if __name__ == "__main__":
	site, command = sys.argv[1], sys.argv[2]
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
		{"schema": schema, "leftovers": leftovers, "health": health}[command]()
	finally:
		frappe.destroy()
