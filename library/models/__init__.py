from .experts import (
    Availability,
    CompetenceArea,
    ConversationForm,
    ExpertIndexPage,
    ExpertKind,
    ExpertPage,
    ExpertTopic,
)

__all__ = [
    "Availability",
    "CompetenceArea",
    "ConversationForm",
    "ExpertIndexPage",
    "ExpertKind",
    "ExpertPage",
    "ExpertTopic",
]

from .emails import EmailKind, EmailTemplate  # noqa: E402
from .loans import LoanEvent, LoanFormSubmission, LoanRequest, LoanStatus, Programme  # noqa: E402

__all__ += [
    "EmailKind",
    "EmailTemplate",
    "LoanEvent",
    "LoanFormSubmission",
    "LoanRequest",
    "LoanStatus",
    "Programme",
]

from .loan_form import LoanFormField, LoanFormPage  # noqa: E402

__all__ += ["LoanFormField", "LoanFormPage"]

from .business_case_settings import BusinessCaseSettings  # noqa: E402

__all__ += ["BusinessCaseSettings"]

from .evaluations import Evaluation  # noqa: E402
from .loans import ReminderSent  # noqa: E402
from .process_settings import LoanProcessSettings  # noqa: E402
from .supervisors import Supervisor  # noqa: E402

__all__ += ["Evaluation", "LoanProcessSettings", "ReminderSent", "Supervisor"]
