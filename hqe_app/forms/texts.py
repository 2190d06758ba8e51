"""The wording of the official forms (台人社发〔2019〕52号 附件1 and 附件2), as data.

The forms are printed in Chinese exactly as the notice has them, whatever the user's language, so
their texts are kept here rather than in the translation catalogue. What belongs to a scheme (附件1's
title and subtitle, each indicator's 序号, 建设项目 and 评分办法) is the scheme's `wording`.
Frappe-free: the print formats (through print_helpers) and the Excel export both read them.
"""

from __future__ import annotations

from collections.abc import Mapping

from hqe_app.scoring.scheme import DEFAULT_WORDING, IndicatorText, Scheme, Wording
from hqe_app.scoring.schemes import DEFAULT_SCHEME, SCHEMES

#: 附件2
RECOMMENDATION_TITLE = "市级高质量就业社区（村）推荐表"
RECOMMENDATION_ANNEX = "附件2"
COMMUNITY_NAME = "社区（村）名称"
CONTACT_PERSON = "联系人"
ADDRESS = "地　址"
CONTACT_PHONE = "联系电话"
ACHIEVEMENTS_LIMIT = 300  # 附件2: 建设成效（300字以内）
ACHIEVEMENTS_LINES = ("建设成效", f"（{ACHIEVEMENTS_LIMIT}字以内）")
SEAL = "(盖章)"
#: The three opinion blocks, left to right, keyed by review level; the lines as the printed form breaks them.
OPINION_HEADING_LINES = {
	"Township": ("街道（乡镇）意见",),
	"County": ("县（市、区）人力社保", "部门意见"),
	"City": ("市人力社保部门意见",),
}
OPINION_HEADINGS = {level: "".join(lines) for level, lines in OPINION_HEADING_LINES.items()}

#: 附件1. Its title and subtitle are the scheme's (`Scheme.wording`); these are the built-in scheme's.
SCORING_TITLE = SCHEMES[DEFAULT_SCHEME].wording.form_title
SCORING_SUBTITLE = SCHEMES[DEFAULT_SCHEME].wording.form_subtitle
SCORING_ANNEX = "附件1"
SCORING_HEADER = ("序号", "建设项目", "分值", "评分办法", "得分", "评分依据")
TOWNSHIP = "乡镇（街道）"
COUNTY = "县（市、区）"
YEAR = "年度"
BASE_SCORE = "基础分"
BONUS_SCORE = "附加分"
TOTAL_SCORE = "总分"
PASS_MARK = "达标分数线"
ELIGIBLE = "达标"
NOT_ELIGIBLE = "未达标"


#: Scheme code → indicator code → text, of the built-in schemes (each scheme carries its own in `wording`).
INDICATOR_TEXTS: dict[str, Mapping[str, IndicatorText]] = {
	code: scheme.wording.indicators for code, scheme in SCHEMES.items()
}


def wording_of(scheme: Scheme | str | None) -> Wording:
	"""The printed wording of a scheme, or of a built-in scheme's code; an unknown code prints the defaults
	(the programme's title, no subtitle, each indicator's own name and no method)."""
	if isinstance(scheme, Scheme):
		return scheme.wording
	known = SCHEMES.get(scheme or DEFAULT_SCHEME)
	return known.wording if known is not None else DEFAULT_WORDING


def indicator_text(scheme: Scheme | str | None, code: str, name: str = "") -> IndicatorText:
	"""The notice's 序号, 建设项目 and 评分办法 for one indicator of a scheme."""
	return wording_of(scheme).indicator(code, name)
