"""The columns of the data template (SPEC §10): identity columns, then every field of the scheme."""

from __future__ import annotations

from dataclasses import dataclass

from hqe_app.i18n import Translator
from hqe_app.scoring.model import FieldSpec
from hqe_app.scoring.scheme import Scheme

DATA_SHEET = "申报数据"
HELP_SHEET = "填写说明"


@dataclass(frozen=True)
class Column:
	name: str
	label: str
	kind: str
	help: str
	spec: FieldSpec | None = None


IDENTITY = (
	("community", "Community Name", "Name of the community or village, as registered"),
	("township", "Township", "The township or street the community belongs to"),
	("county", "County", "The county, county-level city or district"),
	("year", "Year", "The evaluation year, e.g. 2024"),
)

KIND_HELP = {
	"count": "Whole number, 0 or more",
	"check": "是 or 否 (also 1/0, yes/no)",
	"points": "Number from 0 to 5, in steps of 0.5",
}


def columns(scheme: Scheme, _: Translator) -> list[Column]:
	cols = [Column(name, _(label), "identity", _(help)) for name, label, help in IDENTITY]
	for spec in scheme.fields:
		if spec.kind == "select":
			help = _("One of: {0}").format("、".join(f"{_(o)}（{o}）" for o in spec.options))
		else:
			help = _(KIND_HELP[spec.kind])
		cols.append(Column(spec.name, _(spec.label), spec.kind, help, spec))
	return cols


def option_aliases(scheme: Scheme, _: Translator) -> dict[str, str]:
	"""Other spellings accepted for select options: their translated labels."""
	return {_(option): option for spec in scheme.fields for option in spec.options}
