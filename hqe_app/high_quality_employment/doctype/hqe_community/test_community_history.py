# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: the community form's 历年申报 — every year's totals and indicator points side by side,
and a count flagged when it moved by more than half from the year before (|new − old| > old / 2,
old > 0), on and off at the edge; read in the officer's desk session, refused to another county."""

from urllib.parse import quote

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import update_password
from hqe_app.high_quality_employment.application.community_history import changed_by_more_than_half
from hqe_app.high_quality_employment.application.test_gap_section import login, near_values
from hqe_app.high_quality_employment.testing import (
	delete_applications,
	ensure_community,
	ensure_user,
	make_application,
)

PASSWORD = "Community-history-13!"
METHOD = "/api/method/hqe_app.high_quality_employment.application.community_history.community_history"
# 2081 → 2082: 工作年龄 +1000 of 2000 and 就业 −850 of 1700 are exactly half (not flagged);
# 劳动力 +901 of 1800 and 持证 −301 of 600 are more than half (flagged); 困难人员 0 → 7 has no half.
YEARS = {
	2078: {"working_age_capable": 200, "labor_force": 100, "employed": 90, "certified_workers": 10},
	2081: {"working_age_capable": 2000, "labor_force": 1800, "employed": 1700, "certified_workers": 600},
	2082: {
		"working_age_capable": 3000,
		"labor_force": 2701,
		"employed": 850,
		"certified_workers": 299,
		"hard_to_employ_persons": 7,
	},
}


class TestCommunityHistory(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.community = ensure_community("白云街道", "历年申报测试村")
		delete_applications(cls.community)
		cls.apps = {}
		for year, counts in YEARS.items():
			values = near_values(
				**{"hard_to_employ_persons": 0, "new_public_welfare_jobs": 0, "entrepreneurs": 10, **counts}
			)
			media = [m["level"] for m in values.pop("media_reports")]
			cls.apps[year] = make_application(cls.community, year=year, seed=None, media=media, **values)
		cls.officer = ensure_user("hqe-history-officer@example.com", "community", community=cls.community)
		cls.other_county = ensure_user("hqe-history-county-hy@example.com", "county", "黄岩区")
		for user in (cls.officer, cls.other_county):
			update_password(user, PASSWORD)
		frappe.db.commit()
		cls.clients = {user: login(user, PASSWORD) for user in (cls.officer, cls.other_county)}

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		delete_applications(cls.community)
		frappe.db.commit()
		super().tearDownClass()

	def history(self, user):
		return make_request(
			target=self.clients[user].get, args=(f"{METHOD}?community={quote(self.community)}",)
		)

	def test_more_than_half_is_exact(self):
		self.assertFalse(changed_by_more_than_half(100, 150))
		self.assertTrue(changed_by_more_than_half(100, 151))
		self.assertFalse(changed_by_more_than_half(100, 50))
		self.assertTrue(changed_by_more_than_half(100, 49))
		self.assertFalse(changed_by_more_than_half(3, 4))  # 1 is not more than 1.5
		self.assertTrue(changed_by_more_than_half(3, 5))  # 2 is
		self.assertFalse(changed_by_more_than_half(0, 7))  # nothing to halve

	def test_officer_sees_the_years_side_by_side_and_the_flagged_counts(self):
		response = self.history(self.officer)
		self.assertEqual(response.status_code, 200, response.json)
		data = response.json["message"]
		self.assertEqual(data["years"], [2078, 2081, 2082])
		stored = {year: frappe.get_doc("HQE Application", doc.name) for year, doc in self.apps.items()}
		self.assertEqual(data["total"], [stored[y].total_score for y in (2078, 2081, 2082)])
		self.assertEqual(data["base"], [stored[y].base_score for y in (2078, 2081, 2082)])
		self.assertEqual(
			[row["code"] for row in data["indicators"]],
			[r.indicator_code for r in stored[2082].indicator_results],
		)
		for row in data["indicators"]:
			expected = [
				next(r.points for r in stored[y].indicator_results if r.indicator_code == row["code"])
				for y in (2078, 2081, 2082)
			]
			self.assertEqual(row["points"], expected, row["code"])
		# only the year after a year with an application is compared: 2078 → 2081 is not "the previous year"
		self.assertEqual(
			[(c["year"], c["field"], c["old"], c["new"]) for c in data["changes"]],
			[(2082, "labor_force", 1800, 2701), (2082, "certified_workers", 600, 299)],
		)
		html = data["html"]
		self.assertIn(
			"<td>2082</td><td>有劳动能力和就业愿望的适龄人员</td><td>1800</td><td>2701</td><td>+50.1%</td>",
			html,
		)
		self.assertIn("<td>-50.2%</td>", html)
		self.assertIn("与上年相比变化超过一半的数据", html)

	def test_no_flag_at_the_edge(self):
		self.resave(2082, labor_force=2700, certified_workers=300)  # +900 of 1800, −300 of 600: exactly half
		try:
			data = self.history(self.officer).json["message"]
			self.assertEqual(data["changes"], [])
			self.assertIn("与上年相比没有变化超过一半的数据", data["html"])
		finally:
			self.resave(2082, labor_force=2701, certified_workers=299)

	def resave(self, year, **counts):
		doc = frappe.get_doc("HQE Application", self.apps[year].name)
		doc.update(counts)
		doc.save()
		frappe.db.commit()

	def test_another_county_may_not_read_it(self):
		self.assertEqual(self.history(self.other_county).status_code, 403)
