"""The wording of the official forms (台人社发〔2019〕52号 附件1 and 附件2), as data.

The forms are printed in Chinese exactly as the notice has them, whatever the user's language, so
their texts are kept here rather than in the translation catalogue. Frappe-free: the print formats
(through print_helpers) and the Excel export both read them.
"""

from __future__ import annotations

from typing import NamedTuple

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

#: 附件1
SCORING_TITLE = "高质量就业社区（村）评分表"
SCORING_SUBTITLE = "（台州市高质量就业社区（村）建设评价指标（试行））"
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


class IndicatorText(NamedTuple):
	number: str  # 序号 as printed; rows sharing it (8A–8D) are merged like the notice's 就业服务
	item: str  # 建设项目
	method: str  # 评分办法, the notice's wording


TAIZHOU_2019 = {
	"1": IndicatorText(
		"1",
		"总体就业率",
		"辖区户籍人口中有劳动能力和就业愿望的适龄人员就业率达95%，得3分，98%以上得5分。",
	),
	"2": IndicatorText(
		"2",
		"低收入家庭就业情况",
		"辖区内有劳动能力和就业愿望适龄人员的低保家庭、低保边缘家庭，实现每户至少1人就业，得5分，"
		"每少一户扣1分，扣完为止。",
	),
	"3": IndicatorText(
		"3",
		"劳动者就业技能水平",
		"辖区户籍人口中有劳动能力和就业愿望的适龄人员，持有国家职业资格证书（专业技术职务证书）人数占比"
		"达10%，得3分，达20%得4分，30%以上得5分。",
	),
	"4": IndicatorText(
		"4",
		"社会保障情况",
		"辖区户籍人口中，参加职工基本养老保险人数占参保总人数（含职工基本养老保险和城乡居民基本养老保险）"
		"比例达50%以上，得3分，达60%得4分，80%以上得5分。",
	),
	"5": IndicatorText(
		"5",
		"创业率",
		"辖区户籍人口中，当前实现创业人数占有劳动能力的适龄人员的比例，达4%以上，得3分，7%以上得4分，"
		"10%以上得5分。",
	),
	"6": IndicatorText(
		"6",
		"创业带动就业比率",
		"新创办的市场主体数与带动就业人数达1:3，得3分，1:4得4分，1:5得5分。",
	),
	"7": IndicatorText(
		"7",
		"基础建设",
		"有专门服务场地（窗口），得3分；有专业工作人员，得3分；有稳定的工作经费和人员经费并明确支出渠道，"
		"得3分；有完整的服务项目、办事流程、工作职责并对外公布，得3分；使用信息系统录入，得3分。"
		"以上五项累计得分不足9分的，本项不得分。",
	),
	"8A": IndicatorText(
		"8",
		"就业服务",
		"开展人力资源调查，得2分，数据完整得2分，定期更新得2分；定期走访失业人员和援助对象并有完整记录，"
		"得4分；定期发布推荐岗位信息，得2分，有成功推荐记录得2分（成功推荐就业困难人员就业得4分，"
		"推荐就业成效显著得7分）；在服务场所提供政策资料和咨询服务，得2分，采用多种渠道开展政策宣传推送"
		"得2分；辖区内有公益性岗位，得3分，新开发公益性岗位1个以上得1分，新开发岗位占同期就业困难人员数"
		"20%以上得3分。",
	),
	"8B": IndicatorText(
		"8",
		"就业服务",
		"开展离校未就业高校毕业生摸底调查和帮扶，得2分；开展或协助开展就业失业登记，得2分；开展或协助开展"
		"职业技能培训，得2分，组织或推荐失业人员参加培训，得3分；开展或协助开展创业培训，得2分，开展创业"
		"孵化等指导服务，得3分；协助办理创业担保贷款业务，得1分。",
	),
	"8C": IndicatorText(
		"8",
		"就业服务",
		"办理或协助办理就业困难人员灵活就业社保补贴，得1分；办理或协助办理公益性岗位社保补贴和岗位补贴，"
		"得1分；办理或协助办理高校毕业生就业补贴、社保补贴，得1分；办理或协助办理创业担保贷款贴息，得1分；"
		"办理或协助办理各类创业补贴，得1分。",
	),
	"8D": IndicatorText(
		"8",
		"就业服务",
		"办理或协助办理当地人力社保部门开展的其他就业创业服务，得3分，开展成效显著，得5分。",
	),
	"9": IndicatorText(
		"9",
		"附加分",
		"辖区内就业创业典型人物或就业创业工作（工作人员）被县级媒体宣传报道，每1篇得1分，市级媒体得2分，"
		"省级以上媒体得3分，最多得5分。就业创业工作有创新举措并取得实效，酌情给分，最多得5分。",
	),
}

#: Scheme code → indicator code → text. A scheme without texts prints its own names and no method.
INDICATOR_TEXTS: dict[str, dict[str, IndicatorText]] = {"taizhou-2019": TAIZHOU_2019}
DEFAULT_SCHEME = "taizhou-2019"


def indicator_text(scheme: str | None, code: str, name: str = "") -> IndicatorText:
	"""The notice's 序号, 建设项目 and 评分办法 for one indicator of a scheme."""
	texts = INDICATOR_TEXTS.get(scheme or DEFAULT_SCHEME, {})
	return texts.get(code) or IndicatorText(code, name, "")
