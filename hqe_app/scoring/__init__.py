"""The scoring engine: frappe-free, usable from the desk, the command line and tests alike."""

from hqe_app.scoring.evaluate import ScoreCard, evaluate, score
from hqe_app.scoring.flags import DataFlag
from hqe_app.scoring.gap import Option, ToPass, to_pass
from hqe_app.scoring.model import IndicatorResult
from hqe_app.scoring.quota import fill_quota, rank, recommendation_quota
from hqe_app.scoring.scheme import Scheme
from hqe_app.scoring.scheme_check import check_scheme
from hqe_app.scoring.scheme_io import (
	Problem,
	SchemeError,
	dump_scheme,
	load_scheme_file,
	scheme_from_dict,
	scheme_to_dict,
)
from hqe_app.scoring.schemes import DEFAULT_SCHEME, SCHEMES, get_scheme
from hqe_app.scoring.validate import FieldError, InvalidApplication, normalize

__all__ = [
	"DEFAULT_SCHEME",
	"SCHEMES",
	"DataFlag",
	"FieldError",
	"IndicatorResult",
	"InvalidApplication",
	"Option",
	"Problem",
	"Scheme",
	"SchemeError",
	"ScoreCard",
	"ToPass",
	"check_scheme",
	"dump_scheme",
	"evaluate",
	"fill_quota",
	"get_scheme",
	"load_scheme_file",
	"normalize",
	"rank",
	"recommendation_quota",
	"scheme_from_dict",
	"scheme_to_dict",
	"score",
	"to_pass",
]
