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
