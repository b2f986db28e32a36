import datetime as dt

from django.shortcuts import render
from django.utils import timezone

from jobbro.accounts.decorators import role_required
from jobbro.accounts.models import Role
from jobbro.front.lists import paginate

from .forms import AccessLogSearchForm
from .models import AccessLogEntry


@role_required(Role.ADMINISTRATOR)
def search(request):
    """Administrators search the log by user, citizen id, action, purpose and period.

    Entries name citizens by id only: administrators see configuration, not case files.
    """
    form = AccessLogSearchForm(request.GET)
    entries = AccessLogEntry.objects.select_related("user")
    if form.is_valid():
        data = form.cleaned_data
        if data["user"]:
            entries = entries.filter(user__username__iexact=data["user"].strip())
        if data["citizen_id"]:
            entries = entries.filter(citizen_id=data["citizen_id"])
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["purpose"]:
            entries = entries.filter(purpose=data["purpose"])
        tz = timezone.get_current_timezone()
        if data["date_from"]:
            start = dt.datetime.combine(data["date_from"], dt.time.min, tzinfo=tz)
            entries = entries.filter(at__gte=start)
        if data["date_to"]:
            end = dt.datetime.combine(
                data["date_to"] + dt.timedelta(days=1), dt.time.min, tzinfo=tz
            )
            entries = entries.filter(at__lt=end)
    else:  # a filter that cannot be read must not widen the search to the whole log
        entries = entries.none()
    page = paginate(request, form.order(entries), form, per_page=50).page
    return render(request, "audit/search.html", {"form": form, "page": page})
