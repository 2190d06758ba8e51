"""Install and migrate: the Role Profiles of programme/roles.py, written only when they differ.

Not a fixture: Frappe re-imports fixtures on every migrate, and saving a Role Profile queues a job
that holds a lock on it until a worker runs; a second migrate before that failed as "locked and
queued". Here an unchanged profile is left alone.
"""

from __future__ import annotations

import frappe
from hqe_app.programme.roles import ROLE_PROFILES


def sync_role_profiles() -> None:
	for name, roles in ROLE_PROFILES.items():
		if frappe.db.exists("Role Profile", name):
			profile = frappe.get_doc("Role Profile", name)
			if [r.role for r in profile.roles] == list(roles):
				continue
			profile.set("roles", [])
		else:
			profile = frappe.new_doc("Role Profile")
			profile.role_profile = name
		for role in roles:
			profile.append("roles", {"role": role})
		profile.save(ignore_permissions=True)
