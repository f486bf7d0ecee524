"""The public side of recruitment: the blank cover behind a personal link."""

urlpatterns = []
