app_name = "hqe_app"
app_title = "High Quality Employment"
app_publisher = "hqe_app developers"
app_description = "High-quality employment community (village) programme for HR and social-security bureaus"
app_email = "hqe@example.org"
app_license = "mit"
required_apps = []

export_python_type_annotations = True

# The app's tile on the apps screen (v15 and v16), opening the 高质量就业 workspace.
add_to_apps_screen = [
	{
		"name": "hqe_app",
		"logo": "/assets/hqe_app/images/hqe-logo.svg",
		"title": "High Quality Employment",
		"route": "/app/高质量就业",
		"has_permission": "hqe_app.high_quality_employment.people.apps_screen.can_open",
	}
]

from hqe_app.programme.roles import programme_doctypes as _programme_doctypes
from hqe_app.programme.workflow import OWN_ACTIONS, STATE_NAMES, WORKFLOW_NAME

# Roles and the application workflow ship as fixtures (SPEC §2, §3); the Role Profiles, one per
# level, are written at install and migrate (high_quality_employment/people/role_profiles.py). Uninstall removes all.
fixtures = [
	{"dt": "Role", "filters": [["role_name", "like", "HQE %"]]},
	{"dt": "Workflow State", "filters": [["name", "in", list(STATE_NAMES)]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", list(OWN_ACTIONS)]]},
	{"dt": "Workflow", "filters": [["name", "=", WORKFLOW_NAME]]},
]

after_install = [
	"hqe_app.high_quality_employment.people.role_profiles.sync_role_profiles",
	"hqe_app.high_quality_employment.people.role_profiles.sync_module_profile",
	"hqe_app.high_quality_employment.schemes.registry.sync_builtin_schemes",
	"hqe_app.high_quality_employment.people.staff_indexes.add_indexes",
]
after_migrate = [
	"hqe_app.high_quality_employment.people.role_profiles.sync_role_profiles",
	"hqe_app.high_quality_employment.people.role_profiles.sync_module_profile",
	"hqe_app.high_quality_employment.schemes.registry.sync_builtin_schemes",
	"hqe_app.high_quality_employment.people.staff_indexes.add_indexes",
]
before_uninstall = "hqe_app.uninstall.before_uninstall"

# No node, no access: a programme role without a User Permission on the region tree reads nothing.
permission_query_conditions = {
	doctype: "hqe_app.high_quality_employment.people.permissions.query_conditions"
	for doctype in _programme_doctypes()
}
has_permission = {
	doctype: "hqe_app.high_quality_employment.people.permissions.has_permission"
	for doctype in _programme_doctypes()
}
# A user's write of any programme DocType links only inside the user's subtree.
doc_events = {
	doctype: {"validate": "hqe_app.high_quality_employment.application.authority.check_links_in_subtree"}
	for doctype in _programme_doctypes()
}
boot_session = "hqe_app.high_quality_employment.people.permissions.boot_session"

scheduler_events = {
	"daily": ["hqe_app.high_quality_employment.workflow.reminders.send_daily_reminders"],
}

# Import from / export to the data template on the HQE Application list; the reports' shared filters.
app_include_js = [
	"/assets/hqe_app/js/hqe_application_import.js",
	"/assets/hqe_app/js/hqe_reports.js",
	"/assets/hqe_app/js/hqe_staff.js",
]

# The print formats 附件1 评分表 and 附件2 推荐表 read their contents through these.
jinja = {
	"methods": [
		"hqe_app.high_quality_employment.documents.print_helpers.hqe_scoring_form",
		"hqe_app.high_quality_employment.documents.print_helpers.hqe_recommendation_form",
		"hqe_app.high_quality_employment.documents.export.hqe_document_list",
	],
}

# Link search on the programme's DocTypes stays in the user's subtree, whatever flags the client sends.
standard_queries = {
	doctype: "hqe_app.high_quality_employment.people.search.subtree_search"
	for doctype in ("HQE Community", "HQE Application", "HQE Review", "HQE Award", "HQE Region")
}

# The public 公示 page of each city, /gongshi/<city>, drawn by the app's own page renderer.
page_renderer = ["hqe_app.high_quality_employment.publicity.page.PublicityPage"]
