# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQESettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from hqe_app.high_quality_employment.doctype.hqe_county_award.hqe_county_award import HQECountyAward
		from hqe_app.high_quality_employment.doctype.hqe_year_calendar.hqe_year_calendar import HQEYearCalendar

		calendar: DF.Table[HQEYearCalendar]
		city_award_amount: DF.Currency
		city_certification_deadline: DF.Data | None
		city_review_deadline: DF.Data | None
		county_awards: DF.Table[HQECountyAward]
		county_certification_deadline: DF.Data | None
		county_recommendation_deadline: DF.Data | None
		pass_mark: DF.Float
		publication_working_days: DF.Int
		quota_rate: DF.Percent
		quota_rounding: DF.Literal["floor", "round", "ceil"]
		quota_scope: DF.Literal["Current Year", "All Years"]
		target_share: DF.Percent
	# end: auto-generated types
	pass
