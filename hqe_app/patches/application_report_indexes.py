"""The indexes the reports read through (on_doctype_update of HQE Application and HQE Community): a
site whose DocTypes did not change in this release gets them here; an index that exists is left alone."""

from hqe_app.high_quality_employment.doctype.hqe_application import hqe_application
from hqe_app.high_quality_employment.doctype.hqe_community import hqe_community


def execute() -> None:
	hqe_application.on_doctype_update()
	hqe_community.on_doctype_update()
