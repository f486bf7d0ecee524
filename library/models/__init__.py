from .business_case_settings import BusinessCaseSettings
from .emails import EmailKind, EmailTemplate
from .evaluations import Evaluation
from .experts import (
    Availability,
    CompetenceArea,
    ConversationForm,
    ExpertIndexPage,
    ExpertKind,
    ExpertPage,
    ExpertTopic,
)
from .loan_form import LoanFormField, LoanFormPage
from .loans import (
    LoanEvent,
    LoanFormSubmission,
    LoanRequest,
    LoanStatus,
    Programme,
    ReminderSent,
)
from .process_settings import LoanProcessSettings
from .recruitment import Candidate, CandidateStatus, ExpertEvent, FoundVia
from .reflections import Reflection
from .supervisors import Supervisor

__all__ = [
    "Availability",
    "BusinessCaseSettings",
    "Candidate",
    "CandidateStatus",
    "CompetenceArea",
    "ConversationForm",
    "EmailKind",
    "EmailTemplate",
    "Evaluation",
    "ExpertIndexPage",
    "ExpertKind",
    "ExpertEvent",
    "ExpertPage",
    "ExpertTopic",
    "FoundVia",
    "LoanEvent",
    "LoanFormField",
    "LoanFormPage",
    "LoanFormSubmission",
    "LoanProcessSettings",
    "LoanRequest",
    "LoanStatus",
    "Programme",
    "Reflection",
    "ReminderSent",
    "Supervisor",
]
