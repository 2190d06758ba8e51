"""Write the example workbooks, in the data template:

- examples/sample-applications.xlsx: 92 valid applications over Taizhou's nine counties;
- examples/refused-rows.xlsx: six applications, three of them with impossible data on purpose (a
  part larger than its whole, a negative count, an unknown option), to see the scorer's refusals.

Run: python examples/make_sample.py
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from openpyxl import load_workbook

from hqe_app.demo_data import applications
from hqe_app.excel_io.columns import DATA_SHEET
from hqe_app.excel_io.template import FIRST_DATA_ROW, write_template
from hqe_app.i18n import translator
from hqe_app.scoring.schemes import get_scheme

COUNT = 92
# Uneven, as counties are: 椒江区 has enough eligible communities for a quota of 1 or 2.
WEIGHTS = {
	"椒江区": 24,
	"黄岩区": 14,
	"路桥区": 12,
	"临海市": 10,
	"温岭市": 10,
	"玉环市": 6,
	"天台县": 6,
	"仙居县": 5,
	"三门县": 5,
}
HERE = Path(__file__).parent
REFUSED_COUNT = 6
BROKEN = {
	1: {"labor_force": 999999},
	3: {"employed": -3},
	5: {"job_referral_level": "sometimes"},
}


def make(path: Path, count: int = COUNT, broken: dict[int, dict] | None = None) -> Path:
	scheme = get_scheme()
	_ = translator("zh")
	write_template(path, scheme, _)
	wb = load_workbook(path)
	ws = wb[DATA_SHEET]
	names = [cell.value for cell in ws[2]]
	for offset, row in enumerate(applications(random.Random(2024), scheme, count, weights=WEIGHTS)):
		row.update((broken or {}).get(offset, {}))
		for column, name in enumerate(names, start=1):
			value = row[name]
			if isinstance(value, bool):
				value = "是" if value else "否"
			elif (
				name in ("job_referral_level", "other_services_level")
				and value in scheme.field_map[name].options
			):
				value = _(value)
			ws.cell(row=FIRST_DATA_ROW + offset, column=column, value=value)
	wb.save(path)
	return path


if __name__ == "__main__":
	folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
	print(make(folder / "sample-applications.xlsx"))
	print(make(folder / "refused-rows.xlsx", REFUSED_COUNT, BROKEN))
