from django.contrib import messages
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from jobbro.lib.cpr import contains_cpr

from .access import ReasonRequired


class CprOutOfUrlsMiddleware:
    """A CPR number never stays in an address (browser history, server logs, `next`).

    A GET whose query holds anything shaped like a CPR number is not served: it is sent on
    to the same page without those values, e.g. ``/borgere/?q=<CPR>`` to ``/borgere/``, where
    the search is POSTed, and ``/login/?next=/borgere/%3Fq%3D<CPR>`` to ``/login/``. It runs
    before the login check, so a `next` is never made from such an address either.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.GET:
            kept, dropped = QueryDict(mutable=True), False
            for key, values in request.GET.lists():
                clean = [v for v in values if not contains_cpr(v)]
                dropped = dropped or len(clean) < len(values) or contains_cpr(key)
                if clean and not contains_cpr(key):
                    kept.setlist(key, clean)
            if dropped:
                messages.info(
                    request,
                    _(
                        "Et CPR-nummer må ikke stå i en webadresse. Skriv det i søgefeltet, "
                        "så søgningen ikke gemmes i browserens historik."
                    ),
                )
                query = kept.urlencode()
                return HttpResponseRedirect(f"{request.path}?{query}" if query else request.path)
        return self.get_response(request)


class ReasonRequiredMiddleware:
    """The one place where "state a reason first" becomes a redirect to the reason page.

    Views open citizens, placements and assessments through the `open_*` functions and let
    `ReasonRequired` propagate; this sends the user to state a reason for that citizen.
    ATOMIC_REQUESTS has already rolled the view's transaction back: nothing was shown, so
    nothing is logged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ReasonRequired):
            return redirect("citizens:reason", pk=exception.citizen.pk)
        return None
