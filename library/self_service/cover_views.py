"""\"Mijn boekenkaft\": the expert's own page behind a personal link."""

urlpatterns = []
