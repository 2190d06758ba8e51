"""Registry of scoring schemes. Add a scheme by adding a data module and one line here."""

from hqe_app.scoring.scheme import Scheme
from hqe_app.scoring.schemes.taizhou_2019 import SCHEME as TAIZHOU_2019

SCHEMES: dict[str, Scheme] = {TAIZHOU_2019.code: TAIZHOU_2019}
DEFAULT_SCHEME = TAIZHOU_2019.code


def get_scheme(code: str | None = None) -> Scheme:
	try:
		return SCHEMES[code or DEFAULT_SCHEME]
	except KeyError:
		raise KeyError(f"unknown scoring scheme {code!r}; known: {', '.join(SCHEMES)}") from None
