"""Factories for the integration tests (real site): regions, communities, applications and users.

Everything is created idempotently under fixed Taizhou names, so tests can commit (the REST tests
need committed rows: the request runs on its own connection) and run again.
"""

from __future__ import annotations

import random

import frappe
from hqe_app.demo_data import indicator_values
from hqe_app.high_quality_employment.reporting import score_tally
from hqe_app.programme.roles import MODULE_PROFILE
from hqe_app.programme.workflow import CITY as CITY_ROLE
from hqe_app.programme.workflow import COMMUNITY, COUNTY, TOWNSHIP
from hqe_app.scoring import get_scheme

CITY = "台州市"
TREE = {
	"椒江区": ("海门街道", "白云街道"),
	"黄岩区": ("东城街道", "澄江街道"),
}
LEVEL_ROLES = {"community": COMMUNITY, "township": TOWNSHIP, "county": COUNTY, "city": CITY_ROLE}


def ensure_region(name: str, level: str, parent: str | None = None) -> str:
	if not frappe.db.exists("HQE Region", name):
		frappe.get_doc(
			{"doctype": "HQE Region", "region_name": name, "region_level": level, "parent_hqe_region": parent}
		).insert(ignore_permissions=True)
	return name


def ensure_tree() -> None:
	ensure_region(CITY, "City")
	for county, townships in TREE.items():
		ensure_region(county, "County", CITY)
		for township in townships:
			ensure_region(township, "Township", county)


def ensure_community(township: str, name: str) -> str:
	ensure_tree()
	existing = frappe.db.get_value("HQE Community", {"township": township, "community_name": name})
	if existing:
		return existing
	doc = frappe.get_doc(
		{
			"doctype": "HQE Community",
			"community_name": name,
			"community_type": "Community" if name.endswith("社区") else "Village",
			"township": township,
			"contact_person": "张三",
			"phone": "0576-88000000",
			"address": f"{township}{name}",
		}
	).insert(ignore_permissions=True)
	return doc.name


def indicator_fields(seed: int | None = None, **overrides) -> dict[str, object]:
	"""Indicator values as the form stores them (checks as 0/1), realistic unless overridden."""
	values = indicator_values(random.Random(seed), get_scheme())
	values = {k: int(v) if isinstance(v, bool) else v for k, v in values.items()}
	for name in ("media_reports_county", "media_reports_city", "media_reports_province", "innovation_points"):
		values.pop(name, None)
	values.update(overrides)
	return values


def make_application(community: str, year: int = 2024, seed: int | None = 1, media=(), **overrides):
	doc = frappe.get_doc(
		{
			"doctype": "HQE Application",
			"community": community,
			"year": year,
			"media_reports": [
				{"outlet": f"台州日报{i}", "level": level, "report_date": f"{year}-05-0{i % 9 + 1}"}
				for i, level in enumerate(media)
			],
			**indicator_fields(seed, **overrides),
		}
	)
	return doc.insert()


def delete_applications(community: str) -> None:
	"""Remove a community's applications (test cleanup only)."""
	purge_applications(frappe.get_all("HQE Application", filters={"community": community}, pluck="name"))


def purge_applications(names: list[str]) -> None:
	"""Remove applications with their child rows, reviews, awards and Frappe's records about them.

	Deleted by SQL on purpose (tests and benchmarks only): the app refuses to delete a submitted
	application, which is the point.
	"""
	if not names:
		return
	places = frappe.get_all(
		"HQE Application", filters={"name": ("in", names)}, fields=["year", "township"], distinct=True
	)
	reviews = frappe.get_all("HQE Review", filters={"application": ("in", names)}, pluck="name")
	frappe.db.delete("HQE Correction", {"parent": ("in", reviews or [""])})
	frappe.db.delete("HQE Review", {"application": ("in", names)})
	frappe.db.delete("HQE Award", {"application": ("in", names)})
	for child in (
		"HQE Indicator Result",
		"HQE Media Report",
		"HQE Evidence",
		"HQE Applied Correction",
		"HQE Objection",
		"HQE Checklist Answer",
	):
		frappe.db.delete(child, {"parent": ("in", names), "parenttype": "HQE Application"})
	frappe.db.delete("ToDo", {"reference_type": "HQE Application", "reference_name": ("in", names)})
	frappe.db.delete("Version", {"ref_doctype": "HQE Application", "docname": ("in", names)})
	actions = frappe.get_all(
		"Workflow Action",
		filters={"reference_doctype": "HQE Application", "reference_name": ("in", names)},
		pluck="name",
	)
	frappe.db.delete("Workflow Action Permitted Role", {"parent": ("in", actions or [""])})
	frappe.db.delete("Workflow Action", {"name": ("in", actions or [""])})
	frappe.db.delete("HQE Application", {"name": ("in", names)})
	for place in places:  # as the controller's after_delete would
		score_tally.refresh(place.year, place.township)


def ensure_user(email: str, level: str, region: str | None = None, community: str | None = None) -> str:
	"""A user of one level with a User Permission on a region (or a community, for villages)."""
	if not frappe.db.exists("User", email):
		# as Frappe's Data Import creates users: its import flag is the sanctioned way past the hourly
		# creation throttle, which a test run (or another test's scenery of 1,000 users) would hit
		user = frappe.new_doc("User")  # the DocType's defaults (enabled...): an import's insert sets none
		user.update(
			{"email": email, "first_name": email.split("@")[0], "send_welcome_email": 0, "language": "zh"}
		)
		in_import, frappe.flags.in_import = frappe.flags.in_import, True
		try:
			user.insert(ignore_permissions=True)
		finally:
			frappe.flags.in_import = in_import
	user = frappe.get_doc("User", email)
	user.set("roles", [])
	user.append("roles", {"role": LEVEL_ROLES[level]})
	user.module_profile = MODULE_PROFILE  # as the staff import gives it
	user.save(ignore_permissions=True)
	frappe.db.delete("User Permission", {"user": email})
	for allow, value in (("HQE Region", region), ("HQE Community", community)):
		if value:
			frappe.get_doc(
				{
					"doctype": "User Permission",
					"user": email,
					"allow": allow,
					"for_value": value,
					"apply_to_all_doctypes": 1,
				}
			).insert(ignore_permissions=True)
	frappe.clear_cache(user=email)
	return email


def api_credentials(email: str) -> str:
	"""`token key:secret` for the Authorization header of REST calls as this user."""
	from frappe.core.doctype.user.user import generate_keys

	secret = generate_keys(email)["api_secret"]
	return f"token {frappe.db.get_value('User', email, 'api_key')}:{secret}"


def add_scenery_users(count: int, prefix: str, nodes: tuple[str | None, ...]) -> None:
	"""`count` enabled users of every level, each on one of `nodes` (HQE Regions; None: no node).

	Scenery for tests and benchmarks of what must not depend on the number of staff, written with
	multi-row inserts (a User.insert costs most of a second on Frappe v15).
	"""
	now = frappe.utils.now_datetime()
	levels = list(LEVEL_ROLES.values())
	users, roles, permissions = [], [], []
	for i in range(count):
		email = f"{prefix}{i:06d}@example.com"
		users.append(
			(email, email, f"{prefix}{i}", 1, "System User", now, now, "Administrator", "Administrator")
		)
		roles.append((frappe.generate_hash(), email, "User", "roles", levels[i % len(levels)], 1, now, now))
		node = nodes[i % len(nodes)]
		if node:
			permissions.append(
				(frappe.generate_hash(), email, "HQE Region", node, 1, now, now, "Administrator")
			)
	standard = ["creation", "modified"]
	frappe.db.bulk_insert(
		"User",
		["name", "email", "first_name", "enabled", "user_type", *standard, "owner", "modified_by"],
		users,
		chunk_size=5000,
	)
	frappe.db.bulk_insert(
		"Has Role",
		["name", "parent", "parenttype", "parentfield", "role", "idx", *standard],
		roles,
		chunk_size=5000,
	)
	frappe.db.bulk_insert(
		"User Permission",
		["name", "user", "allow", "for_value", "apply_to_all_doctypes", *standard, "owner"],
		permissions,
		chunk_size=5000,
	)


def remove_users_like(prefix: str) -> None:
	"""Remove the users `add_scenery_users` wrote (their roles and User Permissions with them)."""
	emails = frappe.get_all("User", filters={"name": ("like", prefix + "%")}, pluck="name")
	for doctype, field in (("User Permission", "user"), ("Has Role", "parent"), ("User", "name")):
		frappe.db.delete(doctype, {field: ("in", emails or [""])})


def make_staff(email: str, profile: str, node: tuple[str, str] | None = None, **values) -> str:
	"""A user with a Role Profile and at most one node, made as the staff import makes people.

	Under `frappe.flags.in_import`, as Frappe's Data Import: Frappe's creation throttle (60 users an
	hour) is for sign-ups and would refuse a test run's users on a busy site.
	"""
	from hqe_app.high_quality_employment.people.new_people import hold_node

	if not frappe.db.exists("User", email):
		user = frappe.new_doc("User")  # the DocType's defaults: an import's insert does not set them
		user.update(
			{"email": email, "first_name": email.split("@")[0], "send_welcome_email": 0, "language": "zh"}
		)
		user.update({"role_profile_name": profile, **values})
		in_import, frappe.flags.in_import = frappe.flags.in_import, True
		try:
			user.insert(ignore_permissions=True)
		finally:
			frappe.flags.in_import = in_import
	frappe.db.delete("User Permission", {"user": email})
	if node:
		hold_node(email, node)
	frappe.clear_cache(user=email)
	return email


def delete_users(emails: list[str]) -> None:
	"""Remove test users with their nodes (so they never count towards Frappe's creation throttle)."""
	for email in emails:
		if frappe.db.exists("User", email):
			frappe.db.delete("User Permission", {"user": email})
			frappe.delete_doc("User", email, ignore_permissions=True, force=True)


def publish_batch(region: str, year: int, start, end, applications: list[str], contact: str = "") -> str:
	"""A submitted publication batch as the city's submit leaves it, its rows' fetched fields filled
	(scenery for the public page's tests and benchmark; the submit's own moves are tested elsewhere)."""
	fetched = {
		a.name: a
		for a in frappe.get_all(
			"HQE Application",
			filters={"name": ("in", applications or [""])},
			fields=["name", "community_name", "county", "township", "total_score"],
		)
	}
	batch = frappe.get_doc(
		{
			"doctype": "HQE Publication",
			"region": region,
			"year": year,
			"publication_start": start,
			"publication_end": end,
			"contact": contact,
			"applications": [
				{"application": a, **{k: v for k, v in fetched[a].items() if k != "name"}}
				for a in applications
			],
		}
	)
	batch.set_new_name()
	batch.docstatus = 1
	batch.db_insert()
	for row in batch.applications:
		row.parent, row.parenttype, row.parentfield, row.docstatus = (
			batch.name,
			batch.doctype,
			"applications",
			1,
		)
		row.set_new_name()
		row.db_insert()
	return batch.name
