"""`hqe-score scheme list|export|check` and `hqe-score … --scheme FILE`: a scheme file moves exactly the
rows it should, and a file that cannot be used is refused with its problems named (status 2)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hqe_app.demo_data import applications
from hqe_app.excel_io.columns import DATA_SHEET
from hqe_app.offline.cli import main
from hqe_app.offline.workbook import sheet_title
from hqe_app.scoring.scheme_io import load_scheme_file, scheme_to_dict
from tests.factories import SCHEME, application, full_marks
from tests.test_scheme_items import NEW, with_new_item


def export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
	path = tmp_path / "taizhou-2019.json"
	assert main(["scheme", "export", "taizhou-2019", "-o", str(path)]) == 0
	assert capsys.readouterr().out == f"评分方案 taizhou-2019 已写入 {path}\n"
	return path


def edit(path: Path, change) -> Path:
	data = json.loads(path.read_text(encoding="utf-8"))
	change(data)
	edited = path.with_name("edited.json")
	edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
	return edited


def scored(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
	assert main([*argv, "--json"]) == 0
	return json.loads(capsys.readouterr().out)


def test_scheme_list_names_the_built_in_schemes(capsys: pytest.CaptureFixture[str]) -> None:
	assert main(["scheme", "list"]) == 0
	assert capsys.readouterr().out == "taizhou-2019\tTaizhou 2019 (trial)\t1\n"


def test_scheme_export_writes_the_scheme_or_prints_it(
	tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
	path = export(tmp_path, capsys)
	assert load_scheme_file(path) == SCHEME
	assert main(["scheme", "export", "taizhou-2019"]) == 0
	assert json.loads(capsys.readouterr().out) == scheme_to_dict(SCHEME)


def test_exporting_an_unknown_scheme_says_which_exist(capsys: pytest.CaptureFixture[str]) -> None:
	assert main(["scheme", "--lang", "en", "export", "taizhou-2018"]) == 2
	assert capsys.readouterr().err == (
		"Scheme taizhou-2018 cannot be used:\n"
		"  Unknown scheme taizhou-2018: neither a built-in scheme (taizhou-2019) nor a file\n"
	)


def test_lowering_one_band_moves_exactly_the_rows_between_the_old_and_the_new_edge(
	tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
	"""Indicator 1's top band from 98 % down to 97 %: the rows employed 97 % ≤ r < 98 % gain 2 points
	(3 → 5), every other row scores as before."""
	lowered = edit(export(tmp_path, capsys), lambda d: d["indicators"][0]["tiers"][0].update(at_least="97%"))
	rows = list(applications(random.Random(5), SCHEME, 1500))
	for employed in (969, 970, 971, 979, 980):  # the edges over a labor force of 1,000
		rows.append(application(employed=employed) | {"community": f"边界{employed}"})
	source = tmp_path / "rows.json"
	source.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
	before = scored(capsys, str(source))
	after = scored(capsys, str(source), "--scheme", str(lowered))
	assert len(before) == len(after) == len(rows)
	between = {
		i
		for i, row in enumerate(rows)
		if Fraction(97, 100) <= Fraction(row["employed"], row["labor_force"]) < Fraction(98, 100)
	}
	moved = {
		i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old["scores"] != new["scores"]
	}
	assert moved == between
	assert len(between) > 50
	for i in between:
		old, new = before[i], after[i]
		assert (old["scores"]["1"], new["scores"]["1"]) == (3, 5)
		assert {k: v for k, v in new["scores"].items() if k != "1"} == {
			k: v for k, v in old["scores"].items() if k != "1"
		}
		assert (new["base"], new["total"]) == (old["base"] + 2, old["total"] + 2)
	for i in set(range(len(rows))) - between:
		assert (after[i]["base"], after[i]["total"], after[i]["eligible"]) == (
			before[i]["base"],
			before[i]["total"],
			before[i]["eligible"],
		)
	edges = {row["community"]: new["scores"]["1"] for row, new in zip(rows, after, strict=True)}
	assert [edges[f"边界{e}"] for e in (969, 970, 971, 979, 980)] == [3, 5, 5, 5, 5]  # 96.9 % still 3
	# the gap follows the new band: a row at 96.0 % (3 points) now needs 97 % for 5, not 98 %
	at_96 = tmp_path / "96.json"
	at_96.write_text(json.dumps([application(employed=960)]), encoding="utf-8")
	for argv, to in (((), 980), (("--scheme", str(lowered)), 970)):
		[row] = scored(capsys, str(at_96), *argv)
		employed = [o for o in row["to_pass"]["options"] if o["field"] == "employed"]
		assert employed == [{"field": "employed", "indicator": "1", "from": 960, "to": to, "gain": 2.0}]


def test_a_built_in_code_is_a_scheme_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
	source = tmp_path / "rows.json"
	source.write_text(json.dumps([full_marks()]), encoding="utf-8")
	assert scored(capsys, str(source), "--scheme", "taizhou-2019") == scored(capsys, str(source))


@pytest.mark.parametrize(
	("change", "problem"),
	[
		(
			lambda d: d["indicators"][0].update(kind="formula"),
			"指标1，kind：未知的类型 'formula'；可用：ratio_tiers, shortfall, checklist, bonus",
		),
		(
			lambda d: d["indicators"][0]["tiers"][0].update(at_least="120%"),
			"指标1，tiers[0].at_least：档位120%不在0–100%之间",
		),
		(
			lambda d: d["indicators"][4]["tiers"][2].update(at_least=-0.01),
			"指标5，tiers[2].at_least：档位-1%不在0–100%之间",
		),
		(
			lambda d: d["indicators"][7]["items"][0].update(field="hr_survey"),
			"指标8A，items[0].field：'hr_survey'不是本评分方案的字段",
		),
		(
			lambda d: d.update(pass_mark=55),
			"pass_mark：达标分数线不得低于通知规定的60分：认定的高质量就业社区(村)评价得分不应低于60分",
		),
	],
)
def test_a_scheme_file_that_cannot_be_used_is_refused_with_its_problem_named(
	tmp_path: Path, capsys: pytest.CaptureFixture[str], change, problem: str
) -> None:
	broken = edit(export(tmp_path, capsys), change)
	source = tmp_path / "rows.json"
	source.write_text(json.dumps([full_marks()]), encoding="utf-8")
	expected = f"评分方案 {broken} 无法使用：\n  {problem}\n"
	assert main([str(source), "--json", "--scheme", str(broken)]) == 2
	assert capsys.readouterr() == ("", expected)
	assert main(["template", "-o", str(tmp_path / "t.xlsx"), "--scheme", str(broken)]) == 2
	assert capsys.readouterr().err == expected
	assert main(["scheme", "check", str(broken)]) == 2
	assert capsys.readouterr().err == expected
	assert not (tmp_path / "t.xlsx").exists()


def test_a_scheme_file_that_is_not_json_is_refused(
	tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
	broken = tmp_path / "scheme.json"
	broken.write_text('{"code": "taizhou-2019",\n "indicators": [}', encoding="utf-8")
	source = tmp_path / "rows.json"
	source.write_text(json.dumps([full_marks()]), encoding="utf-8")
	assert main([str(source), "--scheme", str(broken)]) == 2
	err = capsys.readouterr().err
	assert err.startswith(f"评分方案 {broken} 无法使用：\n  scheme.json不是 JSON 文件：")
	assert "line 2 column 17" in err
	assert main([str(source), "--scheme", str(tmp_path / "absent.json")]) == 2
	assert "既不是内置方案（taizhou-2019），也不是文件" in capsys.readouterr().err


def test_scheme_check_passes_a_sound_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
	path = export(tmp_path, capsys)
	assert main(["scheme", "check", str(path)]) == 0
	assert capsys.readouterr().out == "评分方案 taizhou-2019（第1版）通过全部检查\n"
	several = edit(path, lambda d: (d.update(bonus_max=12), d["indicators"][0].update(numerator="jobs")))
	assert main(["scheme", "--lang", "en", "check", str(several)]) == 2
	assert capsys.readouterr().err.splitlines()[1:] == [
		"  bonus_max: The bonus maximum 12 must be between 0 and the bonus indicators' points 10",
		"  Indicator 1, numerator: 'jobs' is not a field of the scheme",
	]


def test_a_scheme_file_with_a_new_item_drives_the_template_scores_and_score_sheets(
	tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
	data = with_new_item()
	data["form_subtitle"] = "（台州市高质量就业社区（村）建设评价指标（2025年修订））"
	scheme_file = tmp_path / "taizhou-2025.json"
	scheme_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
	template = tmp_path / "template.xlsx"
	assert main(["template", "-o", str(template), "--scheme", str(scheme_file)]) == 0
	capsys.readouterr()
	names = [c.value for c in load_workbook(template)[DATA_SHEET][2]]
	assert NEW in names and len(names) == 4 + len(SCHEME.fields) + 1
	source, out = tmp_path / "rows.json", tmp_path / "out.xlsx"
	rows = [{"community": "甲村", "county": "椒江区"} | full_marks(**{NEW: flag}) for flag in (True, False)]
	source.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
	ticked, unticked = scored(capsys, str(source), "--scheme", str(scheme_file))
	assert (ticked["scores"]["8B"], unticked["scores"]["8B"]) == (15, 14)
	assert unticked["to_pass"]["options"] == [
		{"field": NEW, "indicator": "8B", "from": False, "to": True, "gain": 1.0}
	]
	assert main([str(source), "--scheme", str(scheme_file), "-o", str(out)]) == 0
	sheet = load_workbook(out)[sheet_title(1, "甲村")]
	assert sheet["A3"].value == "（台州市高质量就业社区（村）建设评价指标（2025年修订））"
	# without the new item's column the rows are refused (it is a field like any other)
	assert main([str(source), "--json"]) == 0  # the built-in scheme ignores the extra key
	capsys.readouterr()
	plain = tmp_path / "plain.json"
	plain.write_text(json.dumps([full_marks()]), encoding="utf-8")
	assert main([str(plain), "--json", "--scheme", str(scheme_file)]) == 1
	[refused] = json.loads(capsys.readouterr().out)
	assert refused["errors"] == [{"field": NEW, "message": "开展直播带岗为必填项"}]


def test_the_console_script_lists_and_exports(tmp_path: Path) -> None:
	exe = Path(sys.executable).with_name("hqe-score")
	listed = subprocess.run([str(exe), "scheme", "list"], capture_output=True, text=True)
	assert (listed.returncode, listed.stdout) == (0, "taizhou-2019\tTaizhou 2019 (trial)\t1\n")
	path = tmp_path / "s.json"
	exported = subprocess.run(
		[str(exe), "scheme", "export", "taizhou-2019", "-o", str(path)], capture_output=True
	)
	assert exported.returncode == 0 and load_scheme_file(path) == SCHEME
