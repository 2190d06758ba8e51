# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: HQE Settings may be stricter than the notice, never laxer (SPEC §6), through REST too."""

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from hqe_app.high_quality_employment.testing import CITY, api_credentials, ensure_tree

ADMIN = "hqe-limits-admin@example.com"


def ensure_administrator(email: str) -> str:
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": "limits", "send_welcome_email": 0}
		).insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	user.set("roles", [{"role": "HQE Administrator"}])
	user.save(ignore_permissions=True)
	ensure_tree()
	if not frappe.db.exists("User Permission", {"user": email, "allow": "HQE Region", "for_value": CITY}):
		frappe.get_doc(
			{"doctype": "User Permission", "user": email, "allow": "HQE Region", "for_value": CITY}
		).insert(ignore_permissions=True)  # every programme user has a node (SPEC §2)
	return email


class TestSettingsLimits(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		ensure_administrator(ADMIN)
		cls.token = api_credentials(ADMIN)
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def save_as_admin(self, **values):
		frappe.set_user(ADMIN)
		settings = frappe.get_single("HQE Settings")
		settings.update(values)
		settings.save()
		return settings

	def test_stricter_settings_are_kept(self):
		settings = self.save_as_admin(pass_mark=65, quota_rate=5, quota_rounding="floor")
		self.assertEqual((settings.pass_mark, settings.quota_rate), (65, 5))

	def test_each_laxer_setting_is_refused_with_the_notices_limit(self):
		cases = (
			({"pass_mark": 50}, "不应低于60分"),
			({"quota_rate": 100}, "不超过当地已认定的高质量就业社区(村)总数的10%"),
			({"quota_rate": 10.5}, "10%"),
			({"quota_rounding": "ceil"}, "不超过"),
			({"quota_rounding": "round"}, "不超过"),
		)
		for values, words in cases:
			with self.subTest(values=values):
				with self.assertRaises(frappe.ValidationError) as caught:
					self.save_as_admin(**values)
				self.assertIn(words, str(caught.exception))
				self.assertIn("台人社发〔2019〕52号", str(caught.exception))
				frappe.set_user("Administrator")
				frappe.db.rollback()
				self.assertEqual(
					frappe.db.get_single_value("HQE Settings", next(iter(values))),
					{"pass_mark": 60, "quota_rate": 10, "quota_rounding": "floor"}[next(iter(values))],
				)

	def test_rest_refuses_a_pass_mark_of_50(self):
		response = make_request(
			target=get_test_client().put,
			args=("/api/resource/HQE Settings/HQE Settings",),
			kwargs={"headers": {"Authorization": self.token}, "json": {"pass_mark": 50}},
		)
		frappe.db.rollback()
		self.assertEqual(response.status_code, 417)
		self.assertIn("不应低于60分", response.json["exception"])
		self.assertEqual(frappe.db.get_single_value("HQE Settings", "pass_mark"), 60)
