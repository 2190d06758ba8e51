# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: awards default to the city amount and need date and reference once paid."""

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.high_quality_employment.testing import ensure_community, make_application
from hqe_app.programme.lifecycle import CITY_CERTIFIED


class TestHQEAward(FrappeTestCase):
	def setUp(self):
		community = ensure_community("澄江街道", "奖补测试村")
		frappe.db.delete("HQE Award", {"community_name": "奖补测试村"})
		frappe.db.delete("HQE Application", {"community": community, "year": 2070})
		application = make_application(community, year=2070)
		application.db_set(
			{"workflow_state": CITY_CERTIFIED, "docstatus": 1}
		)  # awards are for certified ones
		self.application = application.name

	def tearDown(self):
		frappe.db.rollback()

	def test_amount_defaults_to_the_city_award(self):
		award = frappe.get_doc({"doctype": "HQE Award", "application": self.application}).insert()
		self.assertEqual(award.amount, 20000)
		self.assertEqual((award.status, award.county), ("Pending", "黄岩区"))

	def test_paid_needs_date_and_reference(self):
		award = frappe.get_doc({"doctype": "HQE Award", "application": self.application, "status": "Paid"})
		with self.assertRaises(frappe.ValidationError):
			award.insert()
		award.payment_date, award.payment_reference = "2070-12-01", "台财社〔2070〕1号"
		award.insert()
		self.assertEqual(frappe.db.get_value("HQE Award", award.name, "status"), "Paid")
