# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: a county's recommendation respects the quota of SPEC §6 and the 300-character limit."""

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.high_quality_employment.testing import ensure_community, make_application
from hqe_app.programme.lifecycle import COUNTY_CERTIFIED, RECOMMENDED

YEAR = 2080


class TestHQERecommendation(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		frappe.db.delete("HQE Recommendation", {"year": YEAR})
		self.apps = []
		for i in range(23):
			community = ensure_community("海门街道" if i % 2 else "白云街道", f"名额测试{i:02d}村")
			frappe.db.delete("HQE Application", {"community": community, "year": YEAR})
			app = make_application(community, year=YEAR, seed=i)
			# the workflow's job (tested there); here only the states matter
			app.db_set("workflow_state", RECOMMENDED if i < 3 else COUNTY_CERTIFIED)
			self.apps.append(app.name)

	def recommendation(self, apps, achievements="就业服务扎实"):
		return frappe.get_doc(
			{
				"doctype": "HQE Recommendation",
				"county": "椒江区",
				"year": YEAR,
				"items": [{"application": a, "achievements": achievements} for a in apps],
			}
		)

	def test_23_certified_allow_2(self):
		doc = self.recommendation(self.apps[:2]).insert()
		self.assertEqual((doc.certified_count, doc.quota), (23, 2))

	def test_a_third_is_refused(self):
		with self.assertRaises(frappe.ValidationError) as caught:
			self.recommendation(self.apps[:3]).insert()
		self.assertIn("2", str(caught.exception))
		self.assertFalse(frappe.db.exists("HQE Recommendation", {"year": YEAR}))

	def test_achievements_at_most_300_characters(self):
		self.recommendation(self.apps[:1], "字" * 300).insert()
		frappe.db.delete("HQE Recommendation", {"year": YEAR})
		with self.assertRaises(frappe.ValidationError):
			self.recommendation(self.apps[:1], "字" * 301).insert()

	def test_only_recommended_applications(self):
		with self.assertRaises(frappe.ValidationError) as caught:
			self.recommendation(self.apps[3:4]).insert()  # certified, not recommended
		self.assertIn("Recommend", str(caught.exception))
