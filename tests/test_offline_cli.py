"""The offline scorer: the template, an Excel round trip, --json to the key, and the exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hqe_app.excel_io.columns import DATA_SHEET, HELP_SHEET
from hqe_app.excel_io.template import FIRST_DATA_ROW
from hqe_app.offline.cli import main
from hqe_app.scoring import score
from tests.factories import SCHEME, application, full_marks

JSON_KEYS = [
	"community",
	"county",
	"year",
	"scores",
	"base",
	"bonus",
	"total",
	"eligible",
	"to_pass",
	"flags",
	"errors",
]


def fill_template(path: Path, rows: list[dict[str, object]]) -> None:
	assert main(["template", "-o", str(path)]) == 0
	wb = load_workbook(path)
	ws = wb[DATA_SHEET]
	names = [cell.value for cell in ws[2]]
	for offset, row in enumerate(rows):
		for column, name in enumerate(names, start=1):
			value = row.get(name)
			if isinstance(value, bool):
				value = "是" if value else "否"
			ws.cell(row=FIRST_DATA_ROW + offset, column=column, value=value)
	wb.save(path)


def identity(community: str, county: str = "椒江区", year: int = 2024) -> dict[str, object]:
	return {"community": community, "township": "海门街道", "county": county, "year": year}


def test_template_has_chinese_header_field_names_help_and_frozen_header(tmp_path: Path) -> None:
	path = tmp_path / "t.xlsx"
	assert main(["template", "-o", str(path)]) == 0
	wb = load_workbook(path)
	ws = wb[DATA_SHEET]
	names = [c.value for c in ws[2]]
	assert names[:4] == ["community", "township", "county", "year"]
	assert names[4:] == [f.name for f in SCHEME.fields]
	labels = [c.value for c in ws[1]]
	assert labels[:4] == ["社区（村）名称", "街道（乡镇）", "县（市、区）", "年度"]
	assert labels[names.index("labor_force")] == "有劳动能力和就业愿望的适龄人员"
	assert ws.freeze_panes == "B3"
	assert all(ws.column_dimensions[letter].width >= 12 for letter in ("A", "E", "Z"))
	help_rows = list(wb[HELP_SHEET].iter_rows(min_row=2, values_only=True))
	assert [r[0] for r in help_rows if r[0]] == names
	assert (
		dict((r[0], r[3]) for r in help_rows if r[0])["has_service_venue"]
		== "填“是”或“否”（也可填 1/0、yes/no）"
	)


def test_excel_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
	rows = [
		identity("东山社区") | full_marks(),
		identity("西湖村") | application(employed=960, visits_recorded=True),
		identity("南塘村") | application(labor_force=2000),  # larger than working_age_capable
		identity("北岸村", county="黄岩区") | full_marks(innovation_points=0),
	]
	source, out = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
	fill_template(source, rows)
	assert main([str(source), "-o", str(out)]) == 1  # one row refused
	printed = capsys.readouterr().out
	assert "共 4 行：已评分 3 行，未通过校验 1 行" in printed
	assert "第 5 行 南塘村" in printed

	wb = load_workbook(out, read_only=True)
	summary = list(wb["排名汇总"].iter_rows(min_row=2, values_only=True))
	expected = {r["community"]: score(r) for r in rows if r["community"] != "南塘村"}
	assert [(r[3], r[7]) for r in summary] == [
		("东山社区", expected["东山社区"].total),
		("西湖村", expected["西湖村"].total),
		("北岸村", 105),
	]
	assert [r[8] for r in summary] == ["是", "否", "是"]
	quota = list(wb["推荐名额"].iter_rows(min_row=2, values_only=True))
	assert quota == [("椒江区", 2024, 1, 0, 0, None), ("黄岩区", 2024, 1, 0, 0, None)]  # empty cells
	refused = list(wb["未通过校验"].iter_rows(min_row=2, values_only=True))
	assert refused == [
		(5, "南塘村", "椒江区", "labor_force", "有劳动能力和就业愿望的适龄人员不能大于有劳动能力的适龄人员")
	]
	sheets = [name for name in wb.sheetnames if name[:5].isdigit()]
	assert sheets == ["00001 东山社区", "00002 西湖村", "00004 北岸村"]
	sheet = list(wb["00002 西湖村"].iter_rows(values_only=True))
	scores = sheet[: [row[1:2] for row in sheet].index(("距离达标",))]
	header = scores.index(("序号", "建设项目", "分值", "评分办法", "得分", "评分依据"))
	card = expected["西湖村"]
	indicators = scores[header + 1 : header + 1 + len(card.results)]
	assert [(row[2], row[4], row[5]) for row in indicators] == [
		(r.max_points, r.points, r.basis) for r in card.results
	]  # the 附件1 layout, as the desk exports it (forms.workbook.scoring_sheet)
	assert indicators[0][:2] == ("1", "总体就业率")
	assert ("总分", None, 110, None, card.total, None) in scores


def test_json_output_follows_spec_to_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
	source = tmp_path / "apps.json"
	good = identity("东山社区") | full_marks()
	bad = identity("南塘村") | application(employed=-1)
	source.write_text(json.dumps([good, bad], ensure_ascii=False), encoding="utf-8")
	assert main([str(source), "--json"]) == 1
	out = json.loads(capsys.readouterr().out)
	assert list(out[0]) == JSON_KEYS
	assert out[0] == {
		"community": "东山社区",
		"county": "椒江区",
		"year": 2024,
		"scores": {
			"1": 5,
			"2": 5,
			"3": 5,
			"4": 5,
			"5": 5,
			"6": 5,
			"7": 15,
			"8A": 30,
			"8B": 15,
			"8C": 5,
			"8D": 5,
			"9": 10,
		},
		"base": 100,
		"bonus": 10,
		"total": 110,
		"eligible": True,
		"to_pass": {"missing": 0, "options": []},
		"flags": [],
		"errors": [],
	}
	assert out[1] == {
		"community": "南塘村",
		"county": "椒江区",
		"year": 2024,
		"errors": [{"field": "employed", "message": "已就业人员不能为负数"}],
	}


def test_exit_zero_when_every_row_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
	source = tmp_path / "apps.json"
	rows = [identity(f"第{i}村") | full_marks() for i in range(10)]
	source.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
	assert main([str(source)]) == 0
	printed = capsys.readouterr().out
	assert "推荐名额 1 个" in printed
	assert printed.count("★") == 1


@pytest.mark.parametrize(
	("name", "content", "message"),
	[
		("missing.xlsx", None, "找不到文件"),
		("broken.json", "[{", "无法读取 broken.json"),
		("object.json", '{"a": 1}', "必须是由对象组成的 JSON 列表"),
		("broken.xlsx", "not a zip", "无法读取 broken.xlsx"),
		("data.csv", "a,b", "不支持的文件类型 .csv"),
	],
)
def test_exit_two_when_the_file_cannot_be_read(
	tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None, message: str
) -> None:
	path = tmp_path / name
	if content is not None:
		path.write_text(content, encoding="utf-8")
	assert main([str(path)]) == 2
	assert message in capsys.readouterr().err


def test_exit_two_for_a_workbook_without_the_header(
	tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
	from openpyxl import Workbook

	path = tmp_path / "other.xlsx"
	wb = Workbook()
	wb.active.append(["随便", "什么"])
	wb.save(path)
	assert main([str(path)]) == 2
	assert "没有数据模板的表头行" in capsys.readouterr().err


def test_console_script_runs_with_the_three_statuses(tmp_path: Path) -> None:
	"""The installed `hqe-score` command, as a user runs it."""
	exe = Path(sys.executable).with_name("hqe-score")
	good, bad = tmp_path / "good.json", tmp_path / "bad.json"
	good.write_text(json.dumps([identity("甲村") | full_marks()]), encoding="utf-8")
	bad.write_text(json.dumps([identity("乙村") | application(labor_force=0)]), encoding="utf-8")
	statuses = [
		subprocess.run([str(exe), str(path)], capture_output=True, text=True).returncode
		for path in (good, bad, tmp_path / "absent.json")
	]
	assert statuses == [0, 1, 2]


def test_sample_workbook_scores_every_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
	"""The README's first command ends with status 0 on the shipped example."""
	sample = Path(__file__).parent.parent / "examples" / "sample-applications.xlsx"
	assert main([str(sample), "--json", "-o", str(tmp_path / "scored.xlsx")]) == 0
	out = json.loads(capsys.readouterr().out)
	assert len(out) == 92 and all(not r["errors"] for r in out)
	assert {r["county"] for r in out} == {
		"椒江区",
		"黄岩区",
		"路桥区",
		"临海市",
		"温岭市",
		"玉环市",
		"天台县",
		"仙居县",
		"三门县",
	}


def test_refused_rows_example_lists_its_three_impossible_rows(capsys: pytest.CaptureFixture[str]) -> None:
	example = Path(__file__).parent.parent / "examples" / "refused-rows.xlsx"
	assert main([str(example), "--json"]) == 1
	out = json.loads(capsys.readouterr().out)
	assert len(out) == 6
	assert [r["errors"][0]["field"] if r["errors"] else None for r in out] == [
		None,
		"labor_force",
		None,
		"employed",
		None,
		"job_referral_level",
	]


@pytest.mark.parametrize(
	("arguments", "status"),
	[
		(["--pass-mark", "59.5"], 2),
		(["--quota-rate", "0.11"], 2),
		(["--quota-rounding", "ceil"], 2),
		(["--pass-mark", "60", "--quota-rate", "0.1"], 0),
		(["--pass-mark", "65", "--quota-rate", "0.05"], 0),
	],
)
def test_the_notices_limits_may_be_made_stricter_never_laxer(
	arguments: list[str], status: int, capsys: pytest.CaptureFixture[str]
) -> None:
	sample = Path(__file__).parent.parent / "examples" / "sample-applications.xlsx"
	assert main([str(sample), "--json", *arguments]) == status
	err = capsys.readouterr().err
	field = arguments[0].lstrip("-").replace("-", "_")
	assert (field in err) == bool(status)
