"""New people of a staff workbook, written at volume with what Frappe's own `User.insert` leaves behind.

Frappe v15's `User.validate` ends in `ask_pass_update()`, which rewrites a site-wide default and so
clears every cache of the site (`frappe.clear_cache()`) on every User save: every DocType's meta is
then rebuilt from the database, and each new person costs about a second. A province's 30,000 people
would take eight hours, and every other user of the site would feel each of those clears.

So a new person is written here through Frappe's Document API, without that save:

- the User is built by its own controller's methods, the ones `User.validate` calls: the role
  profile's roles, the module profile's blocked modules, the user type, the cleaned and full name, the
  time zone, the Frappe login id; then written with `db_insert`, with its rows;
- beside it, what `User.after_insert` and `User.on_update` write: the Notification Settings (Frappe's
  own `create_notification_settings`), the user's share of their own record, their time-zone default,
  and the Contact (Frappe's own `create_contact`); the welcome e-mail when asked, by the User's own
  method;
- then the User Permission of their node, through `Document.insert`, as before.

The caches these touch are cleared once per chunk. The workbook check has already made `validate`'s
checks for these rows (a new e-mail, a mobile number nobody holds, the programme's roles only), and the
username is chosen when the workbook is planned (`choose_usernames`), so two chunks written at once
never race for one. What is not run: other apps' `doc_events` on User insert, and the gravatar lookup
(which Frappe skips during an import too). People moved, updated or disabled still go through
`User.save`. `test_new_people` compares a person written here with one written by `User.insert`,
record by record, on the running Frappe.
"""

from __future__ import annotations

from collections.abc import Iterable

import frappe
from frappe.core.doctype.user.user import create_contact
from frappe.desk.doctype.notification_settings.notification_settings import (
	create_notification_settings,
)
from hqe_app.high_quality_employment.reporting.aggregates import FRAPPE_MAJOR
from hqe_app.programme.roles import LEVEL_PROFILES, MODULE_PROFILE
from hqe_app.programme.staff import StaffRow

LOGIN_PROVIDER = "frappe"  # User.validate gives every user a Frappe login id (User Social Login)
VIA_INSERT = FRAPPE_MAJOR >= 16  # whose User.save no longer clears the whole cache


def choose_usernames(rows: list[StaffRow]) -> dict[str, str]:
	"""e-mail → username for the new people, in row order, as `User.validate_username` would choose them
	one save after another: the scrubbed first name, or none when someone already has it."""
	wanted = {row.email: frappe.scrub(row.full_name).strip(" @") for row in rows if row.full_name}
	taken = set(
		frappe.get_all(
			"User", filters={"username": ("in", list(set(wanted.values())) or [""])}, pluck="username"
		)
	)
	chosen = {}
	for row in rows:
		username = wanted.get(row.email, "")
		if username and username not in taken:
			taken.add(username)
			chosen[row.email] = username
		else:
			chosen[row.email] = ""
	return chosen


def create_people(
	rows: Iterable[tuple[StaffRow, str, tuple[str, str]]], send_welcome_email: bool
) -> list[str]:
	"""Write each (row, username, node) as a new user holding that node; their names."""
	names = []
	for row, username, node in rows:
		user = build_user(row, username, send_welcome_email)
		if VIA_INSERT:
			user.insert(ignore_permissions=True)
		else:
			write_user(user)
			after_insert(user, send_welcome_email)
		hold_node(user.name, node)
		names.append(user.name)
	if names:
		frappe.cache.delete_key("users_for_mentions")  # as User.after_insert, once for the chunk
		frappe.cache.delete_key("enabled_users")
	return names


def build_user(row: StaffRow, username: str, send_welcome_email: bool):
	"""A new User with every value `User.validate` would give it, set by the User's own methods (only
	the person's own values under VIA_INSERT, where User.insert sets the rest)."""
	user = frappe.new_doc("User")  # with the DocType's defaults
	user.update(
		{
			"email": row.email,
			"first_name": row.full_name,
			"mobile_no": row.mobile_no or None,
			"role_profile_name": LEVEL_PROFILES[row.level],
			"module_profile": MODULE_PROFILE,
			"language": "zh",
			"send_welcome_email": int(send_welcome_email),
			"username": username or None,
		}
	)
	user.flags.no_welcome_mail = not send_welcome_email
	if VIA_INSERT:
		return user
	user.set_new_name()
	user.new_password = ""  # as User.validate leaves it: a new person sets theirs from the welcome link
	user.email = user.name
	user.populate_role_profile_roles()
	user.set_system_user()
	user.clean_name()
	user.set_full_name()
	user.ensure_unique_roles()
	user.remove_disabled_roles()
	user.validate_allowed_modules()
	user.set_time_zone()
	user.set_social_login_userid(LOGIN_PROVIDER, frappe.generate_hash(length=39))
	return user


def write_user(user) -> None:
	user.set_parent_in_children()
	user.db_insert()
	for row in user.get_all_children():
		row.db_insert()


def after_insert(user, send_welcome_email: bool) -> None:
	"""What `User.after_insert` and `User.on_update` write for a new user."""
	create_notification_settings(user.name)
	frappe.get_doc(
		{
			"doctype": "DocShare",
			"user": user.name,
			"share_doctype": "User",
			"share_name": user.name,
			"read": 1,
			"write": 1,
			"share": 1,
			"notify_by_email": 1,
		}
	).db_insert()
	if user.time_zone:
		frappe.get_doc(
			{
				"doctype": "DefaultValue",
				"parent": user.name,
				"parenttype": "__default",
				"parentfield": "system_defaults",
				"defkey": "time_zone",
				"defvalue": user.time_zone,
			}
		).db_insert()
	create_contact(user, ignore_mandatory=True)
	if send_welcome_email:
		user.flags.in_insert = True
		user.send_welcome_mail_to_user()


def hold_node(user: str, node: tuple[str, str]) -> None:
	frappe.get_doc(
		{
			"doctype": "User Permission",
			"user": user,
			"allow": node[0],
			"for_value": node[1],
			"apply_to_all_doctypes": 1,
		}
	).insert(ignore_permissions=True)
