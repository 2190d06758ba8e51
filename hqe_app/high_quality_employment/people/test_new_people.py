"""Integration: a person written by the staff import's volume path has what Frappe's `User.insert` gives.

Two people of the same level and node, one inserted by Frappe's User controller, one by
`new_people.create_people`, both as the city's HQE Administrator: every record Frappe writes for a
new user is compared, value by value, apart from what is each person's own (name, e-mail, mobile,
login id, timestamps). On another Frappe version, a difference shows here first.
"""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.high_quality_employment.people import new_people
from hqe_app.high_quality_employment.testing import CITY, delete_users, make_staff
from hqe_app.programme.roles import LEVEL_PROFILES, MODULE_PROFILE, REGION_NODE
from hqe_app.programme.staff import StaffRow

ADMIN = "hqe-newpeople-admin@example.com"
BY_FRAPPE, BY_IMPORT = "hqe-newpeople-a@example.com", "hqe-newpeople-b@example.com"
BY_INSERT = "hqe-newpeople-g@example.com"  # the Frappe 16 way: User.insert itself
OWN = {"name", "email", "first_name", "full_name", "username", "mobile_no", "creation", "modified"}
OWN |= {"user", "share_name", "parent", "email_id", "phone", "userid", "for_value", "link_name"}
NODE = (REGION_NODE, CITY)


def records(user: str) -> dict[str, list[dict]]:
	"""Every record Frappe keeps for a new user, without what is the person's own."""

	def rows(doctype, filters, fields="*"):
		found = frappe.get_all(doctype, filters=filters, fields=fields, order_by="idx asc, creation asc")
		return sorted(
			({k: v for k, v in row.items() if k not in OWN} for row in found), key=lambda r: sorted(r.items())
		)

	contact = frappe.db.get_value("Contact", {"user": user})
	return {
		"User": rows("User", {"name": user}),
		"Has Role": rows("Has Role", {"parent": user, "parenttype": "User"}, ["role", "parentfield"]),
		"Block Module": rows("Block Module", {"parent": user}, ["module", "parentfield", "idx"]),
		"User Social Login": rows("User Social Login", {"parent": user}, ["provider", "idx"]),
		"Notification Settings": rows("Notification Settings", {"name": user}),
		"DocShare": rows("DocShare", {"user": user}),
		"DefaultValue": rows("DefaultValue", {"parent": user}, ["defkey", "defvalue", "parenttype"]),
		"Contact": rows("Contact", {"name": contact}),
		"Contact Email": rows("Contact Email", {"parent": contact}, ["is_primary", "parentfield"]),
		"Contact Phone": rows(
			"Contact Phone", {"parent": contact}, ["is_primary_mobile_no", "is_primary_phone", "parentfield"]
		),
		"User Permission": rows("User Permission", {"user": user}),
	}


class TestNewPeople(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		delete_users([BY_FRAPPE, BY_IMPORT, BY_INSERT])
		make_staff(ADMIN, "HQE Administration", NODE)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for user in (BY_FRAPPE, BY_IMPORT, BY_INSERT):
			frappe.db.delete("Contact", {"user": user})
		delete_users([BY_FRAPPE, BY_IMPORT, BY_INSERT, ADMIN])
		frappe.db.commit()
		super().tearDownClass()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_a_person_written_at_volume_has_what_user_insert_gives(self):
		frappe.set_user(ADMIN)
		frappe.flags.in_import = True  # both as the staff import writes
		try:
			user = frappe.new_doc("User")
			user.update(
				{
					"email": BY_FRAPPE,
					"first_name": "对照甲",
					"mobile_no": "13900000101",
					"role_profile_name": LEVEL_PROFILES["City"],
					"module_profile": MODULE_PROFILE,
					"language": "zh",
					"send_welcome_email": 0,
				}
			)
			user.flags.no_welcome_mail = True
			user.insert(ignore_permissions=True)
			new_people.hold_node(BY_FRAPPE, NODE)
			row = StaffRow(2, "对照乙", "13900000102", BY_IMPORT, "City", CITY, "", "Active")
			[username] = new_people.choose_usernames([row]).values()
			names = new_people.create_people([(row, username, NODE)], send_welcome_email=False)
			row = StaffRow(3, "对照丙", "13900000103", BY_INSERT, "City", CITY, "", "Active")
			with patch.object(new_people, "VIA_INSERT", True):  # as on Frappe 16
				names += new_people.create_people([(row, "", NODE)], send_welcome_email=False)
		finally:
			frappe.flags.in_import = False
		self.assertEqual(names, [BY_IMPORT, BY_INSERT])

		by_frappe = records(BY_FRAPPE)
		for user in (BY_IMPORT, BY_INSERT):
			theirs = records(user)
			for doctype in by_frappe:
				self.assertTrue(by_frappe[doctype], doctype)  # Frappe wrote it: compare, not two empties
				self.assertEqual(theirs[doctype], by_frappe[doctype], (user, doctype))
		# what is each person's own is theirs
		values = frappe.db.get_value(
			"User", BY_IMPORT, ["first_name", "full_name", "username", "mobile_no", "owner"], as_dict=True
		)
		self.assertEqual(
			dict(values),
			{
				"first_name": "对照乙",
				"full_name": "对照乙",
				"username": "对照乙",
				"mobile_no": "13900000102",
				"owner": ADMIN,
			},
		)
		[userid] = frappe.get_all("User Social Login", filters={"parent": BY_IMPORT}, pluck="userid")
		self.assertEqual(len(userid), 39)
		self.assertEqual(set(frappe.get_roles(BY_IMPORT)), set(frappe.get_roles(BY_FRAPPE)))

	def test_usernames_are_chosen_as_one_save_after_another_would(self):
		rows = [
			StaffRow(2, "王伟", "", "hqe-newpeople-c@example.com", "City", CITY, "", "Active"),
			StaffRow(3, "王伟", "", "hqe-newpeople-d@example.com", "City", CITY, "", "Active"),
			StaffRow(4, "Li Na", "", "hqe-newpeople-e@example.com", "City", CITY, "", "Active"),
			StaffRow(
				5,
				frappe.db.get_value("User", ADMIN, "first_name"),
				"",
				"hqe-newpeople-f@example.com",
				"City",
				CITY,
				"",
				"Active",
			),
		]
		self.assertEqual(
			new_people.choose_usernames(rows),
			{
				"hqe-newpeople-c@example.com": "王伟",
				"hqe-newpeople-d@example.com": "",  # the first 王伟 has it
				"hqe-newpeople-e@example.com": "li_na",
				"hqe-newpeople-f@example.com": "",  # the administrator has it
			},
		)
