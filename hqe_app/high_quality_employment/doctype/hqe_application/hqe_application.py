# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from hqe_app.high_quality_employment.application.authority import check_field_authority
from hqe_app.high_quality_employment.application.input_checks import convert_inputs
from hqe_app.high_quality_employment.application.scoring import apply_scores
from hqe_app.high_quality_employment.documents.rows import check_achievements
from hqe_app.high_quality_employment.publicity.decisions import check_objections
from hqe_app.high_quality_employment.reporting import score_tally
from hqe_app.high_quality_employment.workflow.effects import apply_effects
from hqe_app.high_quality_employment.workflow.guards import (
	QUOTA_INDEX,
	check_save,
	guard_cancel,
	guard_delete,
	guard_province_recommendation,
)
from hqe_app.programme.lifecycle import DRAFT


class HQEApplication(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF
		from hqe_app.high_quality_employment.doctype.hqe_applied_correction.hqe_applied_correction import (
			HQEAppliedCorrection,
		)
		from hqe_app.high_quality_employment.doctype.hqe_checklist_answer.hqe_checklist_answer import (
			HQEChecklistAnswer,
		)
		from hqe_app.high_quality_employment.doctype.hqe_evidence.hqe_evidence import HQEEvidence
		from hqe_app.high_quality_employment.doctype.hqe_indicator_result.hqe_indicator_result import (
			HQEIndicatorResult,
		)
		from hqe_app.high_quality_employment.doctype.hqe_media_report.hqe_media_report import HQEMediaReport
		from hqe_app.high_quality_employment.doctype.hqe_objection.hqe_objection import HQEObjection

		achievements: DF.SmallText | None
		action_reason: DF.SmallText | None
		amended_from: DF.Link | None
		base_score: DF.Float
		bonus_score: DF.Float
		certified_workers: DF.Int
		checklist_answers: DF.Table[HQEChecklistAnswer]
		city_certification_document: DF.Link | None
		community: DF.Link
		community_name: DF.Data | None
		corrections: DF.Table[HQEAppliedCorrection]
		county: DF.Link | None
		county_certification_document: DF.Link | None
		data_flags: DF.JSON | None
		eligible: DF.Check
		employed: DF.Int
		employment_registration: DF.Check
		entrepreneurs: DF.Int
		entrepreneurship_training: DF.Check
		evidence: DF.Table[HQEEvidence]
		graduate_survey_assistance: DF.Check
		hard_to_employ_persons: DF.Int
		has_professional_staff: DF.Check
		has_public_welfare_jobs: DF.Check
		has_published_services: DF.Check
		has_service_venue: DF.Check
		has_stable_funding: DF.Check
		hr_survey_conducted: DF.Check
		hr_survey_data_complete: DF.Check
		hr_survey_updated_regularly: DF.Check
		incubation_services: DF.Check
		indicator_results: DF.Table[HQEIndicatorResult]
		innovation_points: DF.Float
		job_referral_level: DF.Literal["none", "success", "hard_to_employ", "outstanding"]
		jobs_created: DF.Int
		labor_force: DF.Int
		low_income_households: DF.Int
		low_income_households_employed: DF.Int
		media_reports: DF.Table[HQEMediaReport]
		media_reports_city: DF.Int
		media_reports_county: DF.Int
		media_reports_province: DF.Int
		new_market_entities: DF.Int
		new_public_welfare_jobs: DF.Int
		objections: DF.Table[HQEObjection]
		other_services_level: DF.Literal["none", "provided", "outstanding"]
		pension_employee_insured: DF.Int
		pension_resident_insured: DF.Int
		policy_materials_on_site: DF.Check
		policy_multichannel_promotion: DF.Check
		publication_end: DF.Date | None
		publication_start: DF.Date | None
		publishes_job_info: DF.Check
		recommended_to_province: DF.Check
		scheme: DF.Data | None
		scheme_version: DF.Int
		score_flags: DF.SmallText | None
		self_reported_total: DF.Float
		skills_training: DF.Check
		startup_loan_assistance: DF.Check
		subsidy_flexible_employment: DF.Check
		subsidy_graduates: DF.Check
		subsidy_public_welfare_jobs: DF.Check
		subsidy_startup: DF.Check
		subsidy_startup_loan_interest: DF.Check
		to_pass_options: DF.JSON | None
		total_score: DF.Float
		township: DF.Link | None
		unemployed_training_referral: DF.Check
		uses_information_system: DF.Check
		visits_recorded: DF.Check
		workflow_reason: DF.SmallText | None
		workflow_state: DF.Link | None
		working_age_capable: DF.Int
		year: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		self.check_input()
		self.validate_community()
		self.validate_one_per_year()
		check_achievements(self.achievements)
		self.score()
		check_save(self)

	def on_update(self) -> None:
		apply_effects(self)
		score_tally.follow(self.get_doc_before_save(), self)

	def before_update_after_submit(self) -> None:
		self.check_input()
		self.score()
		check_save(self)
		guard_province_recommendation(self)

	def on_update_after_submit(self) -> None:
		apply_effects(self)
		score_tally.follow(self.get_doc_before_save(), self)

	def before_cancel(self) -> None:
		guard_cancel(self)

	def on_cancel(self) -> None:
		score_tally.follow(self.get_doc_before_save(), self)

	def on_trash(self) -> None:
		guard_delete(self)

	def after_delete(self) -> None:
		score_tally.follow(self, None)

	def check_input(self) -> None:
		"""Values converted to their types, then held to who may write them in this state."""
		convert_inputs(self)
		check_objections(self)
		before = self.get_doc_before_save()
		check_field_authority(self, (before and before.workflow_state) or DRAFT)

	def validate_community(self) -> None:
		if frappe.db.get_value("HQE Community", self.community, "disabled"):
			frappe.throw(_("Community {0} is disabled").format(self.community_name or self.community))

	def validate_one_per_year(self) -> None:
		"""One application per community per year; the community row is locked so two at once cannot both pass."""
		frappe.db.get_value("HQE Community", self.community, "name", for_update=True)
		existing = frappe.db.get_value(
			"HQE Application",
			{
				"community": self.community,
				"year": self.year,
				"docstatus": ("<", 2),
				"name": ("!=", self.name),
			},
			"name",
		)
		if existing:
			frappe.throw(
				_("{0} already has an application for {1}: {2}").format(
					self.community_name or self.community, self.year, existing
				),
				frappe.DuplicateEntryError,
				title=_("Duplicate Application"),
			)

	def score(self) -> None:
		apply_scores(self)


COVERAGE_INDEX = "county_community_certified"
YEAR_STATE_INDEX = "year_state_county"


def on_doctype_update() -> None:
	"""(county, year, workflow_state): the quota's locking count reads only recommended rows through it,
	so two recommendations in one county never wait on each other's application rows (no deadlock)."""
	frappe.db.add_index("HQE Application", ["county", "year", "workflow_state"], QUOTA_INDEX)
	# 建成率 (reporting/coverage_counts.py) groups each county's communities certified up to a year: this
	# index holds every column it reads (township: a county user's User Permissions) in the order it
	# groups by, so the count reads the index in order, without the application rows or a sort.
	frappe.db.add_index(
		"HQE Application",
		["county", "community", "docstatus", "workflow_state", "year", "township"],
		COVERAGE_INDEX,
	)
	# a year's applications in some states, per county (the quota's counts, the recommended and eligible
	# lists, the number cards): found and counted in this index alone
	frappe.db.add_index(
		"HQE Application", ["year", "workflow_state", "docstatus", "county"], YEAR_STATE_INDEX
	)
