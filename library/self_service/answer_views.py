"""An expert answers an availability question by a personal link."""

urlpatterns = []
