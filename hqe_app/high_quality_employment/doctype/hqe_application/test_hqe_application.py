# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: applications scored on the server by the engine, one per community and year, refusals."""

import random

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.high_quality_employment.testing import ensure_community, indicator_fields, make_application
from hqe_app.scoring import get_scheme, score


def engine_card(doc):
	"""What the engine says for the document's stored self-reported values."""
	scheme = get_scheme()
	values = {}
	for spec in scheme.fields:
		value = doc.get(spec.name)
		values[spec.name] = bool(value) if spec.kind == "check" else value
	return score(values, scheme, pass_mark=60)


class TestHQEApplication(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.community = ensure_community("海门街道", "测试一村")

	def test_stored_points_equal_the_engines_for_a_spread_of_cases(self):
		rng = random.Random(2024)
		totals = set()
		for year in range(2000, 2012):
			doc = make_application(
				self.community,
				year=year,
				seed=rng.randrange(10**6),
				media=rng.choice([(), ("County",), ("City", "Province"), ("Province",) * 3]),
			)
			doc.reload()
			card = engine_card(doc)
			self.assertEqual(doc.total_score, card.total)
			self.assertEqual(doc.base_score, card.base)
			self.assertEqual(doc.bonus_score, card.bonus)
			self.assertEqual(doc.eligible, int(card.total >= 60))
			self.assertEqual(
				[(r.indicator_code, r.points, r.basis) for r in doc.indicator_results],
				[(r.code, r.points, r.basis) for r in card.results],
			)
			totals.add(card.total)
		self.assertGreater(len(totals), 5, "the spread should cover different totals")

	def test_media_reports_are_counted_by_level_for_indicator_9(self):
		doc = make_application(self.community, year=2030, media=("County", "City", "City", "Province"))
		self.assertEqual(
			(doc.media_reports_county, doc.media_reports_city, doc.media_reports_province), (1, 2, 1)
		)
		bonus = next(r for r in doc.indicator_results if r.indicator_code == "9")
		self.assertEqual(bonus.points, 5.0)  # 1 + 2×2 + 3 = 8, capped at 5
		self.assertIn("超过上限按5分计", bonus.basis)

	def test_client_sent_scores_are_overwritten(self):
		doc = frappe.get_doc(
			{
				"doctype": "HQE Application",
				"community": self.community,
				"year": 2031,
				**indicator_fields(7),
				"total_score": 110,
				"base_score": 100,
				"bonus_score": 10,
				"eligible": 1,
				"media_reports_province": 9,
				"innovation_points": 5,
				"indicator_results": [{"indicator_code": "1", "points": 99, "basis": "forged"}],
			}
		).insert()
		card = engine_card(doc)
		self.assertEqual(doc.total_score, card.total)
		self.assertLess(doc.total_score, 110)
		self.assertEqual(doc.media_reports_province, 0)
		self.assertEqual(doc.innovation_points, 0)
		self.assertEqual(len(doc.indicator_results), len(get_scheme().indicators))
		self.assertNotIn("forged", [r.basis for r in doc.indicator_results])

		doc.total_score = 109
		doc.save()
		self.assertEqual(frappe.db.get_value("HQE Application", doc.name, "total_score"), card.total)

	def test_second_application_for_the_same_community_and_year_is_refused(self):
		make_application(self.community, year=2032)
		with self.assertRaises(frappe.DuplicateEntryError) as caught:
			make_application(self.community, year=2032, seed=9)
		self.assertIn("2032", str(caught.exception))
		self.assertEqual(frappe.db.count("HQE Application", {"community": self.community, "year": 2032}), 1)
		make_application(self.community, year=2033)  # another year is fine

	def test_every_refusal_names_the_field_and_writes_nothing(self):
		cases = {
			"negative count": ({"entrepreneurs": -1}, "当前实现创业人数"),
			"labor force above capable": (
				{"working_age_capable": 100, "labor_force": 101},
				"有劳动能力和就业愿望",
			),
			"employed above labor force": ({"labor_force": 100, "employed": 101}, "已就业"),
			"certified above labor force": (
				{"labor_force": 100, "employed": 90, "certified_workers": 101},
				"证书",
			),
			"low income employed above households": (
				{"low_income_households": 2, "low_income_households_employed": 3},
				"低保",
			),
			"labor force zero": (
				{"labor_force": 0, "employed": 0, "certified_workers": 0},
				"有劳动能力和就业愿望",
			),
			"capable zero": (
				{
					"working_age_capable": 0,
					"labor_force": 0,
					"employed": 0,
					"certified_workers": 0,
					"entrepreneurs": 0,
				},
				"有劳动能力的适龄人员",
			),
			"both pensions zero": (
				{"pension_employee_insured": 0, "pension_resident_insured": 0},
				"养老保险",
			),
			"missing field": ({"employed": None}, "已就业"),
			"unknown option": ({"job_referral_level": "excellent"}, "推荐"),
		}
		frappe.local.lang = "zh"
		try:
			for case, (overrides, field_words) in cases.items():
				with self.subTest(case):
					before = frappe.db.count("HQE Application")
					with self.assertRaises(frappe.ValidationError) as caught:
						make_application(self.community, year=2040, **overrides)
					self.assertIn(field_words, str(caught.exception))
					self.assertEqual(frappe.db.count("HQE Application"), before)
		finally:
			frappe.local.lang = "en"

	def test_refusal_in_english_names_the_field(self):
		frappe.local.lang = "en"
		with self.assertRaises(frappe.ValidationError) as caught:
			make_application(self.community, year=2041, labor_force=100, employed=101)
		self.assertIn("cannot be greater than", str(caught.exception))
