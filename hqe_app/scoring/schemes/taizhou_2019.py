"""台州市高质量就业社区（村）建设评价指标（试行）— 台人社发〔2019〕52号 附件1, as data."""

from fractions import Fraction as F

from hqe_app.scoring.checklist import CheckItem, Checklist, ChoiceItem, CountAtLeast
from hqe_app.scoring.flags import Exceeds, OffStep, TickedWithout, WithoutBasis
from hqe_app.scoring.model import FieldSpec, Limits, PartOf
from hqe_app.scoring.rules import Bonus, RatioTiers, Shortfall
from hqe_app.scoring.scheme import Scheme
from hqe_app.scoring.schemes.taizhou_2019_wording import WORDING

REFERRAL_LEVELS = ("none", "success", "hard_to_employ", "outstanding")
OTHER_SERVICE_LEVELS = ("none", "provided", "outstanding")

SECTIONS = (
	("quantitative", "Employment Data"),
	("infrastructure", "Infrastructure"),
	("service_a", "Employment Services A"),
	("service_b", "Employment Services B"),
	("service_c", "Employment Services C"),
	("service_d", "Employment Services D"),
	("bonus", "Bonus Points"),
)


def _count(name: str, label: str) -> FieldSpec:
	return FieldSpec(name, label, "count", "quantitative", minimum=0)


def _check(name: str, label: str, section: str) -> FieldSpec:
	return FieldSpec(name, label, "check", section)


FIELDS = (
	_count("working_age_capable", "Working-age Residents Able to Work"),
	_count("labor_force", "Working-age Residents Able and Willing to Work"),
	_count("employed", "Employed"),
	_count("low_income_households", "Low-income Households with Members Able and Willing to Work"),
	_count("low_income_households_employed", "Low-income Households with at Least One Member Employed"),
	_count("certified_workers", "Holders of Vocational Qualification or Professional Title Certificates"),
	_count("pension_employee_insured", "Insured in Employee Basic Pension"),
	_count("pension_resident_insured", "Insured in Urban and Rural Resident Basic Pension"),
	_count("entrepreneurs", "Current Entrepreneurs"),
	_count("new_market_entities", "Newly Founded Market Entities"),
	_count("jobs_created", "Jobs Created by New Entities"),
	_count("hard_to_employ_persons", "Hard-to-employ Persons in the Period"),
	_count("new_public_welfare_jobs", "Newly Developed Public Welfare Jobs"),
	_check("has_service_venue", "Dedicated Service Venue (Window)", "infrastructure"),
	_check("has_professional_staff", "Professional Staff", "infrastructure"),
	_check("has_stable_funding", "Stable Operating and Staff Funding", "infrastructure"),
	_check("has_published_services", "Services, Procedures and Duties Published", "infrastructure"),
	_check("uses_information_system", "Records Kept in the Information System", "infrastructure"),
	_check("hr_survey_conducted", "Human Resources Survey Conducted", "service_a"),
	_check("hr_survey_data_complete", "Survey Data Complete", "service_a"),
	_check("hr_survey_updated_regularly", "Survey Updated Regularly", "service_a"),
	_check("visits_recorded", "Regular Visits to the Unemployed with Complete Records", "service_a"),
	_check("publishes_job_info", "Job Vacancies Published Regularly", "service_a"),
	FieldSpec("job_referral_level", "Job Referral Record", "select", "service_a", options=REFERRAL_LEVELS),
	_check("policy_materials_on_site", "Policy Materials and Advice on Site", "service_a"),
	_check("policy_multichannel_promotion", "Policy Promotion through Several Channels", "service_a"),
	_check("has_public_welfare_jobs", "Public Welfare Jobs in the Area", "service_a"),
	_check("graduate_survey_assistance", "Survey and Help for Unemployed Graduates", "service_b"),
	_check("employment_registration", "Employment and Unemployment Registration", "service_b"),
	_check("skills_training", "Vocational Skills Training", "service_b"),
	_check("unemployed_training_referral", "Unemployed Referred to Training", "service_b"),
	_check("entrepreneurship_training", "Entrepreneurship Training", "service_b"),
	_check("incubation_services", "Business Incubation Services", "service_b"),
	_check("startup_loan_assistance", "Help with Start-up Guaranteed Loans", "service_b"),
	_check("subsidy_flexible_employment", "Social Insurance Subsidy for Flexible Employment", "service_c"),
	_check("subsidy_public_welfare_jobs", "Subsidies for Public Welfare Jobs", "service_c"),
	_check("subsidy_graduates", "Employment Subsidies for Graduates", "service_c"),
	_check("subsidy_startup_loan_interest", "Start-up Loan Interest Subsidy", "service_c"),
	_check("subsidy_startup", "Start-up Subsidies", "service_c"),
	FieldSpec(
		"other_services_level",
		"Other Employment Services",
		"select",
		"service_d",
		options=OTHER_SERVICE_LEVELS,
	),
	FieldSpec("media_reports_county", "Media Reports (County)", "count", "bonus", minimum=0),
	FieldSpec("media_reports_city", "Media Reports (City)", "count", "bonus", minimum=0),
	FieldSpec("media_reports_province", "Media Reports (Province or Higher)", "count", "bonus", minimum=0),
	FieldSpec("innovation_points", "Innovation Points", "points", "bonus", minimum=0, maximum=5),
)

INDICATORS = (
	RatioTiers(
		"1",
		"总体就业率",
		5,
		"就业率",
		"employed",
		("labor_force",),
		tiers=((F(98, 100), 5), (F(95, 100), 3)),
	),
	Shortfall("2", "低收入家庭就业情况", 5, "low_income_households", "low_income_households_employed"),
	RatioTiers(
		"3",
		"劳动者就业技能水平",
		5,
		"持证人员占比",
		"certified_workers",
		("labor_force",),
		tiers=((F(30, 100), 5), (F(20, 100), 4), (F(10, 100), 3)),
	),
	RatioTiers(
		"4",
		"社会保障情况",
		5,
		"职工养老保险参保占比",
		"pension_employee_insured",
		("pension_employee_insured", "pension_resident_insured"),
		tiers=((F(80, 100), 5), (F(60, 100), 4), (F(50, 100), 3)),
	),
	RatioTiers(
		"5",
		"创业率",
		5,
		"创业率",
		"entrepreneurs",
		("working_age_capable",),
		tiers=((F(10, 100), 5), (F(7, 100), 4), (F(4, 100), 3)),
	),
	RatioTiers(
		"6",
		"创业带动就业比率",
		5,
		"市场主体与带动就业人数之比",
		"jobs_created",
		("new_market_entities",),
		tiers=((F(5), 5), (F(4), 4), (F(3), 3)),
		as_percent=False,
		zero_denominator_basis="无新创办的市场主体，得0分",
	),
	Checklist(
		"7",
		"基础建设",
		15,
		items=(
			CheckItem("has_service_venue", 3, "有专门服务场地"),
			CheckItem("has_professional_staff", 3, "有专业工作人员"),
			CheckItem("has_stable_funding", 3, "有稳定经费"),
			CheckItem("has_published_services", 3, "服务项目对外公布"),
			CheckItem("uses_information_system", 3, "使用信息系统录入"),
		),
		gate=9,
	),
	Checklist(
		"8A",
		"就业服务（一）",
		30,
		items=(
			CheckItem("hr_survey_conducted", 2, "开展人力资源调查"),
			CheckItem("hr_survey_data_complete", 2, "数据完整"),
			CheckItem("hr_survey_updated_regularly", 2, "定期更新"),
			CheckItem("visits_recorded", 4, "定期走访并有完整记录"),
			CheckItem("publishes_job_info", 2, "定期发布岗位信息"),
			ChoiceItem(
				"job_referral_level",
				{"success": 2, "hard_to_employ": 4, "outstanding": 7},
				{
					"success": "有成功推荐记录",
					"hard_to_employ": "成功推荐就业困难人员就业",
					"outstanding": "推荐就业成效显著",
				},
			),
			CheckItem("policy_materials_on_site", 2, "提供政策资料和咨询"),
			CheckItem("policy_multichannel_promotion", 2, "多渠道政策宣传"),
			CheckItem("has_public_welfare_jobs", 3, "辖区内有公益性岗位"),
			CountAtLeast("new_public_welfare_jobs", 1, 1, "新开发公益性岗位1个以上"),
			CountAtLeast(
				"new_public_welfare_jobs",
				1,
				3,
				"新开发岗位占就业困难人员20%以上",
				share_of="hard_to_employ_persons",
				share=F(20, 100),
			),
		),
	),
	Checklist(
		"8B",
		"就业服务（二）",
		15,
		items=(
			CheckItem("graduate_survey_assistance", 2, "离校未就业高校毕业生摸底帮扶"),
			CheckItem("employment_registration", 2, "就业失业登记"),
			CheckItem("skills_training", 2, "职业技能培训"),
			CheckItem("unemployed_training_referral", 3, "组织推荐失业人员参加培训"),
			CheckItem("entrepreneurship_training", 2, "创业培训"),
			CheckItem("incubation_services", 3, "创业孵化指导服务"),
			CheckItem("startup_loan_assistance", 1, "协助办理创业担保贷款"),
		),
	),
	Checklist(
		"8C",
		"就业服务（三）",
		5,
		items=(
			CheckItem("subsidy_flexible_employment", 1, "灵活就业社保补贴"),
			CheckItem("subsidy_public_welfare_jobs", 1, "公益性岗位补贴"),
			CheckItem("subsidy_graduates", 1, "高校毕业生补贴"),
			CheckItem("subsidy_startup_loan_interest", 1, "创业担保贷款贴息"),
			CheckItem("subsidy_startup", 1, "创业补贴"),
		),
	),
	Checklist(
		"8D",
		"就业服务（四）",
		5,
		items=(
			ChoiceItem(
				"other_services_level",
				{"provided": 3, "outstanding": 5},
				{"provided": "开展其他就业创业服务", "outstanding": "其他就业创业服务成效显著"},
			),
		),
	),
	Bonus(
		"9",
		"附加分",
		10,
		media=(
			("media_reports_county", 1, "县级"),
			("media_reports_city", 2, "市级"),
			("media_reports_province", 3, "省级以上"),
		),
		media_cap=5,
		innovation="innovation_points",
	),
)

# SPEC §12: odd but valid data, scored as the table says and flagged for the reviewer.
FLAGS = (
	Exceeds(
		"welfare_jobs_exceed_hard_to_employ",
		"new_public_welfare_jobs",
		"hard_to_employ_persons",
		"More new public welfare jobs than hard-to-employ persons",
	),
	WithoutBasis(
		"jobs_without_entities",
		"jobs_created",
		"new_market_entities",
		"Jobs created reported with no new market entities",
	),
	Exceeds(
		"entrepreneurs_exceed_labor_force",
		"entrepreneurs",
		"labor_force",
		"More current entrepreneurs than residents able and willing to work",
	),
	TickedWithout(
		"survey_detail_without_survey",
		("hr_survey_data_complete", "hr_survey_updated_regularly"),
		"hr_survey_conducted",
		"Survey data marked complete or updated although no human resources survey was conducted",
	),
	WithoutBasis(
		"new_welfare_jobs_without_welfare_jobs",
		"new_public_welfare_jobs",
		"has_public_welfare_jobs",
		"New public welfare jobs reported although the area has no public welfare jobs",
	),
	# Not in SPEC §12's table: §4 sets innovation points in steps of 0.5, and §5 refuses only values
	# outside 0–5, so a reviewer's 2.3 is scored and flagged.
	OffStep(
		"innovation_points_off_step",
		"innovation_points",
		F(1, 2),
		"Innovation points are not in steps of 0.5",
	),
)

# SPEC §12: what a community can act on. Denominators are facts; innovation points are the reviewer's.
LEVERS = (
	"employed",
	"low_income_households_employed",
	"certified_workers",
	"pension_employee_insured",
	"entrepreneurs",
	"jobs_created",
	"new_public_welfare_jobs",
	*(f.name for f in FIELDS if f.kind == "check"),
	"job_referral_level",
	"other_services_level",
	"media_reports_county",
	"media_reports_city",
	"media_reports_province",
)

SCHEME = Scheme(
	code="taizhou-2019",
	title="Taizhou 2019 (trial)",
	pass_mark=60,
	base_max=100,
	bonus_max=10,
	fields=FIELDS,
	indicators=INDICATORS,
	bonus_codes=frozenset({"9"}),
	parts=(
		PartOf("labor_force", "working_age_capable"),
		PartOf("employed", "labor_force"),
		PartOf("certified_workers", "labor_force"),
		PartOf("low_income_households_employed", "low_income_households"),
	),
	positive=("working_age_capable", "labor_force"),
	not_all_zero=(("pension_employee_insured", "pension_resident_insured"),),
	flags=FLAGS,
	sections=SECTIONS,
	levers=LEVERS,
	limits=Limits(
		max_quota_rate=F(10, 100),
		rounding="floor",
		pass_mark_text="认定的高质量就业社区(村)评价得分不应低于60分",
		quota_text="推荐数量不超过当地已认定的高质量就业社区(村)总数的10%",
	),
	version=1,
	wording=WORDING,
)
