import datetime

from library.catalogue.availability import set_absence
from library.models import Availability, ExpertPage
from tests.factories import make_expert, make_home, make_lending_catalogue


def test_absence_holds_through_a_later_publish(db):
    catalogue = make_lending_catalogue(make_home())
    expert = make_expert(catalogue, "Hoop houden")
    until = datetime.date.today() + datetime.timedelta(days=20)
    set_absence(expert, until, note="door de expert via link")
    assert not ExpertPage.objects.borrowable().filter(pk=expert.pk).exists()
    # An editor's next edit starts from the latest revision and keeps the absence.
    editing = ExpertPage.objects.get(pk=expert.pk).get_latest_revision_as_object()
    editing.summary = "Nieuwe samenvatting"
    editing.save_revision().publish()
    expert.refresh_from_db()
    assert expert.availability == Availability.ABSENT and expert.absent_until == until
    assert "door de expert via link" in expert.events.get().subject
    set_absence(expert, None)
    assert ExpertPage.objects.borrowable().filter(pk=expert.pk).exists()
