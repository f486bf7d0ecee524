"""The expert's own page ("Mijn boekenkaft") behind a personal link."""

urlpatterns = []
