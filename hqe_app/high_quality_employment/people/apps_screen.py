"""The app's tile on Frappe's apps screen (hooks: add_to_apps_screen), for the programme's people only."""

from __future__ import annotations

import frappe
from hqe_app.programme.roles import ROLES


def can_open() -> bool:
	roles = set(frappe.get_roles())
	return bool(roles & {*ROLES, "System Manager"})
