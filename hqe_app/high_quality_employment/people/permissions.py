"""No node, no access: a programme role without a node of the region tree reads nothing (SPEC §2).

Frappe reads "no User Permission on HQE Region" as "no limit", so a person whose level was given
before their node would see every city. Here a user who holds a programme role but no User
Permission on an HQE Region or HQE Community (applying to all DocTypes) is refused every programme
DocType: lists and reports through `permission_query_conditions`, single documents through
`has_permission`. System Managers and Administrator are exempt; everyone else with a node is left to
Frappe's own role and User Permission checks.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.core.doctype.user_permission.user_permission import get_user_permissions
from hqe_app.programme.roles import NODE_DOCTYPES, ROLES

NOTHING = "1=0"


def is_without_node(user: str | None = None) -> bool:
	"""True for a user holding a programme role but no node (and not a System Manager)."""
	user = user or frappe.session.user
	if user in ("Administrator", "Guest"):
		return False
	roles = set(frappe.get_roles(user))
	if "System Manager" in roles or not roles.intersection(ROLES):
		return False
	return not node_values(user)


def node_values(user: str) -> list[str]:
	"""The nodes a user holds (Frappe's cached User Permissions applying to every DocType).

	Frappe lists a region node's descendants too; a node is any of those entries.
	"""
	permissions = get_user_permissions(user)
	return [
		entry.get("doc")
		for doctype in NODE_DOCTYPES
		for entry in permissions.get(doctype, [])
		if not entry.get("applicable_for")
	]


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""`permission_query_conditions` of every programme DocType."""
	return NOTHING if is_without_node(user) else ""


def has_permission(
	doc, ptype: str | None = None, user: str | None = None, debug: bool = False
) -> bool | None:
	"""`has_permission` of every programme DocType: refuse, or leave the decision to Frappe."""
	return False if is_without_node(user) else None


def boot_session(bootinfo) -> None:
	"""Tell a user without a node why the programme shows them nothing (shown by hqe_staff.js)."""
	if is_without_node():
		bootinfo.hqe_without_node = _(
			"You hold a level of the programme but no node of the region tree, so you see nothing of it. "
			"Ask the administrator to give you your city, county, township or community."
		)


def in_subtree(doctype: str, value: str, user: str | None = None) -> bool:
	"""Whether `value` of a node DocType (or an application) lies in the user's own subtree.

	Frappe's User Permissions list a node's descendants, which is the subtree; a region's own record
	cannot be asked instead (it links its parent, outside a township's or a county's permissions).
	"""
	user = user or frappe.session.user
	roles = set(frappe.get_roles(user))
	if user == "Administrator" or "System Manager" in roles:
		return True
	if doctype == "HQE Application":
		return bool(frappe.has_permission(doctype, "read", doc=value, user=user))
	permissions = get_user_permissions(user)
	held = {
		doctype: {e.get("doc") for e in permissions.get(doctype, []) if not e.get("applicable_for")}
		for doctype in NODE_DOCTYPES
	}
	if doctype == "HQE Region":
		return value in held["HQE Region"]
	if doctype == "HQE Community":
		if held["HQE Community"]:
			return value in held["HQE Community"]
		return frappe.db.get_value("HQE Community", value, "township") in held["HQE Region"]
	return False
