app_name = "hqe_app"
app_title = "High Quality Employment"
app_publisher = "hqe_app developers"
app_description = "High-quality employment community (village) programme for HR and social-security bureaus"
app_email = "hqe@example.org"
app_license = "mit"
required_apps = []

export_python_type_annotations = True

from hqe_app.programme.workflow import OWN_ACTIONS, STATE_NAMES, WORKFLOW_NAME

# Roles and the application workflow ship as fixtures (SPEC §2, §3); the Role Profiles, one per
# level, are written at install and migrate (high_quality_employment/setup.py). Uninstall removes all.
fixtures = [
	{"dt": "Role", "filters": [["role_name", "like", "HQE %"]]},
	{"dt": "Workflow State", "filters": [["name", "in", list(STATE_NAMES)]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", list(OWN_ACTIONS)]]},
	{"dt": "Workflow", "filters": [["name", "=", WORKFLOW_NAME]]},
]

after_install = "hqe_app.high_quality_employment.setup.sync_role_profiles"
after_migrate = "hqe_app.high_quality_employment.setup.sync_role_profiles"
before_uninstall = "hqe_app.uninstall.before_uninstall"

scheduler_events = {
	"daily": ["hqe_app.high_quality_employment.workflow.reminders.send_daily_reminders"],
}

# Import from / export to the data template on the HQE Application list; the reports' shared filters.
app_include_js = ["/assets/hqe_app/js/hqe_application_import.js", "/assets/hqe_app/js/hqe_reports.js"]

# The print formats 附件1 评分表 and 附件2 推荐表 read their contents through these.
jinja = {
	"methods": [
		"hqe_app.high_quality_employment.print_helpers.hqe_scoring_form",
		"hqe_app.high_quality_employment.print_helpers.hqe_recommendation_form",
	],
}
