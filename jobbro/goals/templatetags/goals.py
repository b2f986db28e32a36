"""`{% goals_panel %}`: the ambassador project's targets against what was reached, with the
women's share, for the manager's dashboard (`templates/goals/_panel.html`)."""

from django import template
from django.utils import timezone

from jobbro.goals import access, selectors
from jobbro.programmes.models import AMBASSADOR_PROJECT, Programme

register = template.Library()


@register.inclusion_tag("goals/_panel_body.html", takes_context=True)
def goals_panel(context):
    user = context["request"].user
    if user.role not in access.READERS:
        return {"programme": None}
    programme = Programme.objects.filter(code=AMBASSADOR_PROJECT).first()
    if programme is None:
        return {"programme": None}
    today = timezone.localdate()
    scope = access.scope_for(user, programme)
    end = min(today, programme.ends_on or today)
    results = selectors.target_results(
        programme,
        start=programme.starts_on,
        end=end,
        citizens=scope.citizens,
        fold=scope.fold,
    )
    for r in results:
        r.url = access.number_url(user, selectors.target_key(r), programme.starts_on, end)
    return {"programme": programme, "results": results, "scope": scope, "end": end}
