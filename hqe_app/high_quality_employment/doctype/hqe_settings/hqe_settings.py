# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from hqe_app.programme.calendar import DEADLINE_FIELDS, month_day
from hqe_app.programme.limits import NOTICE, breaches
from hqe_app.scoring import get_scheme


class HQESettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from hqe_app.high_quality_employment.doctype.hqe_county_award.hqe_county_award import HQECountyAward
		from hqe_app.high_quality_employment.doctype.hqe_deadline_extension.hqe_deadline_extension import (
			HQEDeadlineExtension,
		)
		from hqe_app.high_quality_employment.doctype.hqe_year_calendar.hqe_year_calendar import (
			HQEYearCalendar,
		)

		calendar: DF.Table[HQEYearCalendar]
		city_award_amount: DF.Currency
		city_certification_deadline: DF.Data | None
		city_review_deadline: DF.Data | None
		county_awards: DF.Table[HQECountyAward]
		county_certification_deadline: DF.Data | None
		county_recommendation_deadline: DF.Data | None
		extensions: DF.Table[HQEDeadlineExtension]
		pass_mark: DF.Float
		publication_working_days: DF.Int
		quota_rate: DF.Percent
		quota_rounding: DF.Literal["floor", "round", "ceil"]
		quota_scope: DF.Literal["Current Year", "All Years"]
		target_share: DF.Percent
	# end: auto-generated types

	def validate(self) -> None:
		self.validate_quota_rate()
		self.validate_limits()
		self.validate_default_deadlines()
		self.validate_calendar()

	def validate_quota_rate(self) -> None:
		if not 0 <= (self.quota_rate or 0) <= 100:
			frappe.throw(_("{0} must be between {1} and {2}").format(_("Recommendation Quota Rate"), 0, 100))

	def validate_limits(self) -> None:
		"""Stricter than the notice is allowed, laxer is refused (SPEC §6), each with the notice's words."""
		found = breaches(self.pass_mark, self.quota_rate, self.quota_rounding, get_scheme())
		if not found:
			return
		messages = {
			"pass_mark": _("The pass mark may not be below {0} points"),
			"quota_rate": _("The recommendation quota rate may not exceed {0}%"),
			"quota_rounding": _("The recommendation quota is always rounded down ({0})"),
		}
		frappe.throw(
			"<br>".join(
				_("{0}: the notice {1} says “{2}”").format(
					messages[b.field].format(_(str(b.limit)) if b.field == "quota_rounding" else b.limit),
					NOTICE,
					b.notice_text,
				)
				for b in found
			),
			title=_("Limits of the Notice"),
		)

	def validate_default_deadlines(self) -> None:
		for fieldname in DEADLINE_FIELDS:
			value = self.get(fieldname)
			if value and not month_day(value):
				frappe.throw(
					_("{0} must be a month and day like 08-31").format(_(self.meta.get_label(fieldname))),
					title=_("Calendar"),
				)

	def validate_calendar(self) -> None:
		years = [row.year for row in self.calendar]
		duplicates = sorted({y for y in years if years.count(y) > 1})
		if duplicates:
			frappe.throw(
				_("The calendar lists {0} more than once").format(duplicates[0]), title=_("Calendar")
			)
