# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class HQECorrection(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		fieldname: DF.Literal[
			"working_age_capable",
			"labor_force",
			"employed",
			"low_income_households",
			"low_income_households_employed",
			"certified_workers",
			"pension_employee_insured",
			"pension_resident_insured",
			"entrepreneurs",
			"new_market_entities",
			"jobs_created",
			"hard_to_employ_persons",
			"new_public_welfare_jobs",
			"has_service_venue",
			"has_professional_staff",
			"has_stable_funding",
			"has_published_services",
			"uses_information_system",
			"hr_survey_conducted",
			"hr_survey_data_complete",
			"hr_survey_updated_regularly",
			"visits_recorded",
			"publishes_job_info",
			"job_referral_level",
			"policy_materials_on_site",
			"policy_multichannel_promotion",
			"has_public_welfare_jobs",
			"graduate_survey_assistance",
			"employment_registration",
			"skills_training",
			"unemployed_training_referral",
			"entrepreneurship_training",
			"incubation_services",
			"startup_loan_assistance",
			"subsidy_flexible_employment",
			"subsidy_public_welfare_jobs",
			"subsidy_graduates",
			"subsidy_startup_loan_interest",
			"subsidy_startup",
			"other_services_level",
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reason: DF.SmallText
		reported_value: DF.Data | None
		verified_value: DF.Data
	# end: auto-generated types
	pass
