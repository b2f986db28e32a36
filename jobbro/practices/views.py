"""The good-practice library: the Integrationskit's 19 practices, searchable in Danish."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from jobbro.accounts.decorators import role_required
from jobbro.programmes import access as programme_access

from .access import READERS
from .forms import PracticeFilterForm
from .models import Practice
from .selectors import practice_search

PAGE_SIZE = 10


@role_required(*READERS)
def practice_list(request):
    form = PracticeFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    practices = practice_search(
        q=data.get("q", ""), theme=data.get("theme"), sort=data.get("sort", "")
    )
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("side"))
    params = request.GET.copy()
    params.pop("side", None)
    ctx = {"form": form, "page": page, "params": params.urlencode(), "searching": bool(data)}
    return render(request, "practices/list.html", ctx)


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
