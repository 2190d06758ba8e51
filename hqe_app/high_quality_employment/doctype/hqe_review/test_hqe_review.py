# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: a review's verified corrections and innovation points re-score the application,
and both the self-reported and the verified values stay visible."""

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.high_quality_employment.testing import ensure_community, make_application


def review(application: str, level: str, corrections=(), innovation_points=None):
	return frappe.get_doc(
		{
			"doctype": "HQE Review",
			"application": application,
			"review_level": level,
			"decision": "Approve",
			"opinion": "同意",
			"innovation_points": innovation_points,
			"corrections": [
				{"fieldname": field, "verified_value": value, "reason": reason}
				for field, value, reason in corrections
			],
		}
	).insert()


class TestHQEReview(FrappeTestCase):
	year = 2060

	def setUp(self):
		frappe.set_user("Administrator")
		self.community = ensure_community("白云街道", "评审测试村")
		TestHQEReview.year += 1  # a fresh application (one per community-year) for every test
		# 980/1000 employed = 98 % → 5 points on indicator 1
		self.app = make_application(
			self.community,
			year=TestHQEReview.year,
			working_age_capable=1200,
			labor_force=1000,
			employed=980,
			certified_workers=150,
		)

	def indicator(self, doc, code):
		return next(r for r in doc.indicator_results if r.indicator_code == code)

	def test_correction_rescores_and_keeps_both_values(self):
		self.assertEqual(self.indicator(self.app, "1").points, 5)
		before_total = self.app.total_score
		review(self.app.name, "County", [("employed", "960", "入户核实，20人已离职")])
		app = frappe.get_doc("HQE Application", self.app.name)
		self.assertEqual(app.employed, 980, "the self-reported value is not overwritten")
		self.assertEqual(self.indicator(app, "1").points, 3)  # 96 % → 3
		self.assertIn("96.0%", self.indicator(app, "1").basis)
		self.assertEqual(app.total_score, before_total - 2)
		self.assertEqual(app.self_reported_total, before_total)
		[correction] = app.corrections
		self.assertEqual(
			(correction.fieldname, correction.reported_value, correction.verified_value, correction.reason),
			("employed", "980", "960", "入户核实，20人已离职"),
		)

	def test_city_correction_overrides_the_countys(self):
		review(self.app.name, "County", [("employed", "960", "县级核实")])
		review(self.app.name, "City", [("employed", "950", "市级抽查")])
		app = frappe.get_doc("HQE Application", self.app.name)
		self.assertEqual(self.indicator(app, "1").points, 3)  # 95 %
		self.assertEqual([c.verified_value for c in app.corrections], ["960", "950"])

	def test_innovation_points_from_the_county_review(self):
		before = self.app.bonus_score
		review(self.app.name, "County", innovation_points=2.5)
		app = frappe.get_doc("HQE Application", self.app.name)
		self.assertEqual(app.innovation_points, 2.5)
		self.assertEqual(app.bonus_score, min(before + 2.5, 10))

	def test_impossible_correction_is_refused_and_nothing_changes(self):
		total = self.app.total_score
		for corrections, innovation, words in (
			([("employed", "1001", "x")], None, "cannot be greater than"),
			([("employed", "-1", "x")], None, "cannot be negative"),
			([("job_referral_level", "best", "x")], None, "unknown option"),
			([], 5.5, "between 0 and 5"),
		):
			with self.subTest(words):
				with self.assertRaises(frappe.ValidationError) as caught:
					review(self.app.name, "County", corrections, innovation)
				self.assertIn(words, str(caught.exception))
				self.assertFalse(frappe.db.exists("HQE Review", {"application": self.app.name}))
				self.assertEqual(frappe.db.get_value("HQE Application", self.app.name, "total_score"), total)

	def test_one_review_per_level(self):
		review(self.app.name, "Township")
		with self.assertRaises(frappe.DuplicateEntryError):
			review(self.app.name, "Township")

	def test_township_makes_no_corrections(self):
		with self.assertRaises(frappe.ValidationError):
			review(self.app.name, "Township", [("employed", "960", "x")])
