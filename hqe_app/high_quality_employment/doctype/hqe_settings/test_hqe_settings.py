# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: settings defaults and the calendar's checks."""

import datetime

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.programme.calendar import deadline


class TestHQESettings(FrappeTestCase):
	def test_defaults_follow_the_notice(self):
		settings = frappe.get_single("HQE Settings")
		self.assertEqual(
			(settings.pass_mark, settings.quota_rate, settings.quota_rounding, settings.city_award_amount),
			(60, 10, "floor", 20000),
		)
		self.assertEqual(
			deadline(settings, "county_certification_deadline", 2024), datetime.date(2024, 8, 31)
		)
		self.assertEqual(deadline(settings, "city_certification_deadline", 2024), datetime.date(2024, 10, 31))

	def test_a_years_calendar_overrides_the_default(self):
		settings = frappe.get_single("HQE Settings")
		settings.append("calendar", {"year": 2031, "county_certification_deadline": "2031-09-05"})
		self.assertEqual(deadline(settings, "county_certification_deadline", 2031), datetime.date(2031, 9, 5))
		self.assertEqual(
			deadline(settings, "county_certification_deadline", 2032), datetime.date(2032, 8, 31)
		)

	def test_bad_deadline_and_duplicate_year_are_refused(self):
		settings = frappe.get_single("HQE Settings")
		settings.county_certification_deadline = "08-32"
		with self.assertRaises(frappe.ValidationError):
			settings.save()
		settings = frappe.get_single("HQE Settings")
		settings.append("calendar", {"year": 2031})
		settings.append("calendar", {"year": 2031})
		with self.assertRaises(frappe.ValidationError):
			settings.save()
