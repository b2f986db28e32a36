from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .decorators import role_required
from .forms import UserForm
from .models import Role, User


@role_required(Role.ADMINISTRATOR)
def user_list(request):
    users = User.objects.select_related("team").order_by("username")
    query = request.GET.get("q", "").strip()
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    role = request.GET.get("rolle", "")
    if role in Role.values:
        users = users.filter(role=role)
    page = Paginator(users, 50).get_page(request.GET.get("side"))
    params = request.GET.copy()
    params.pop("side", None)
    return render(
        request,
        "accounts/users.html",
        {
            "page": page,
            "query": query,
            "role": role,
            "roles": Role.choices,
            "params": params.urlencode(),
        },
    )


@role_required(Role.ADMINISTRATOR)
def user_edit(request, pk=None):
    user = get_object_or_404(User, pk=pk) if pk else None
    form = UserForm(request.POST or None, instance=user, editor=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Brugeren er gemt."))
        return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form, "edited": user})
