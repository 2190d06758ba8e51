app_name = "hqe_app"
app_title = "High Quality Employment"
app_publisher = "hqe_app developers"
app_description = "High-quality employment community (village) programme for HR and social-security bureaus"
app_email = "hqe@example.org"
app_license = "mit"
required_apps = []

export_python_type_annotations = True

# Roles and a Role Profile per level ship as fixtures (SPEC §2); the uninstall hook removes them.
fixtures = [
	{"dt": "Role", "filters": [["role_name", "like", "HQE %"]]},
	{"dt": "Role Profile", "filters": [["role_profile", "like", "HQE %"]]},
]

before_uninstall = "hqe_app.uninstall.before_uninstall"
