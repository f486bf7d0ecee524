"""The resident's personal link to "Mijn aanvraag" (in the receipt and on request by e-mail).

Kept apart from the page's services because every request e-mail may carry it
(library.process.mail fills `{link_aanvraag}`) and those services call the loan process.
"""

from __future__ import annotations

import datetime

from cms.signed_links import SignedLink
from library.models.loans import LoanRequest

# A request runs for weeks, the reflection comes after the conversation: two months, and a
# resident who needs it later asks for a new link with their e-mail address.
LINK = SignedLink(
    salt="library.my_request",
    url_name="library_my_request",
    max_age=datetime.timedelta(days=60),
    expired_message="Een link naar ‘Mijn aanvraag’ werkt twee maanden. Vraag een nieuwe aan "
    "met je e-mailadres op /mijn-aanvraag/.",
)


def token_for(loan: LoanRequest) -> str:
    return LINK.token({"r": loan.pk})


def link_for(loan: LoanRequest) -> str:
    return LINK.url({"r": loan.pk}, site=loan.site)
