"""Indexes on Frappe's own tables that keep "who holds this node" independent of the staff count.

`effects.responsible_users` and the node holders report look up User Permissions by node
(allow, for_value) and users by role; Frappe indexes `tabUser Permission` by user only and
`tabHas Role` by parent only, so without these both scan every user of the site. A DocType's
on_doctype_update cannot add them (the DocTypes are Frappe's): install and migrate add them, once;
uninstall drops them.
"""

from __future__ import annotations

import frappe

INDEXES = (
	("User Permission", ("allow", "for_value"), "hqe_allow_for_value"),
	("Has Role", ("role", "parenttype"), "hqe_role_parenttype"),
)


def add_indexes() -> None:
	for doctype, fields, name in INDEXES:
		frappe.db.add_index(doctype, list(fields), name)  # a no-op when the index exists


def drop_indexes() -> None:
	for doctype, _fields, name in INDEXES:
		table = f"tab{doctype}"
		if frappe.db.has_index(table, name):
			frappe.db.sql_ddl(f"alter table `{table}` drop index `{name}`")
