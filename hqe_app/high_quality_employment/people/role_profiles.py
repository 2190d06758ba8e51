"""Install and migrate: the Role Profiles and the Module Profile of programme/roles.py, written only
when they differ.

Not a fixture: Frappe re-imports fixtures on every migrate, and saving a Role Profile queues a job
that holds a lock on it until a worker runs; a second migrate before that failed as "locked and
queued". Here an unchanged profile is left alone.
"""

from __future__ import annotations

import frappe
from hqe_app.programme.roles import MODULE, MODULE_PROFILE, ROLE_PROFILES


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


def sync_module_profile() -> None:
	"""The programme's Module Profile blocks every module of the site but the programme's, so the
	desk's sidebar shows a programme user the programme's workspace only. Another app installed
	later adds modules: the profile and the users holding it follow on the next migrate."""
	blocked = sorted(set(frappe.get_all("Module Def", pluck="name")) - {MODULE})
	if frappe.db.exists("Module Profile", MODULE_PROFILE):
		profile = frappe.get_doc("Module Profile", MODULE_PROFILE)
		if sorted(b.module for b in profile.block_modules) == blocked:
			return
		profile.set("block_modules", [])
	else:
		profile = frappe.new_doc("Module Profile")
		profile.module_profile_name = MODULE_PROFILE
	for module in blocked:
		profile.append("block_modules", {"module": module})
	profile.save(ignore_permissions=True)
	for user in frappe.get_all("User", filters={"module_profile": MODULE_PROFILE}, pluck="name"):
		doc = frappe.get_doc("User", user)
		doc.save(ignore_permissions=True)  # User.validate copies the profile's blocked modules
