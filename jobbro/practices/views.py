"""The good-practice library: the Integrationskit's 19 practices, searchable in Danish."""

from django.shortcuts import get_object_or_404, render

from jobbro.accounts.decorators import role_required
from jobbro.front.lists import paginate
from jobbro.programmes import access as programme_access

from .access import READERS
from .forms import PracticeListForm
from .models import Practice

PAGE_SIZE = 10


@role_required(*READERS)
def practice_list(request):
    form = PracticeListForm(request.GET)
    page = paginate(request, form.apply(), form, per_page=PAGE_SIZE).page
    return render(request, "practices/list.html", {"form": form, "page": page})


@role_required(*READERS)
def practice_detail(request, pk: int):
    practice = get_object_or_404(Practice, pk=pk)
    # The programmes that build on it, as far as this user reads programmes.
    readers = programme_access.READ_ROLES
    programmes = programme_access.programmes_for(request.user).filter(practices=practice)
    ctx = {
        "practice": practice,
        "programmes": programmes.order_by("name", "pk"),
        "reads_programmes": request.user.role in readers,
    }
    return render(request, "practices/detail.html", ctx)
