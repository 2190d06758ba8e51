"""HQE Score Tally is new: count every township's year of applications for the existing ones."""

from hqe_app.high_quality_employment.reporting import score_tally


def execute() -> None:
	score_tally.rebuild()
