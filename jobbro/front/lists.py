"""One pattern for every list page: a filter form, sortable columns, numbered pages, the
filters folded behind a summary, and an empty state that says why the list is empty.

A list's form derives from `ListForm` and names what it searches, its columns and why it can
be empty; its own filters are ordinary form fields, applied in `filter`:

    class FollowUpListForm(ListForm):
        search_label = _("Søg på borger eller virksomhed")
        search_fields = ("placement__citizen__first_name__icontains", ...)
        columns = {"due": (_("Planlagt"), ("due_on",)), ...}
        default_sort = "due"
        empty = _("Du har ingen opfølgninger; de oprettes fra planen for et forløb.")

The view passes it the query parameters and gets one `Listing` back:

    form = FollowUpListForm(request.GET)
    listing = lists.paginate(request, form.apply(follow_ups), form)

and the template shows `includes/list_filters.html` (the search, the filters through
`includes/field.html`, the sort), `{% column form "due" %}` for each sortable header,
`includes/list_empty.html` when there is nothing, and `includes/pagination.html`. Links to
other pages and sorts are Django's `{% querystring %}`, so they keep the filters.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jobbro.front.fields import SearchField
from jobbro.front.forms import DesignSystemMixin

PAGE_SIZE = 25
# With more filters than this beside the search, the table would start below the fold of a
# 1280 x 900 window: the filters fold behind a summary of the active ones (a <details>).
FOLD_AFTER = 2
# The parameters that are the list's own, not a filter: never counted as an active filter.
OWN = ("q", "sort", "side")


class ListForm(DesignSystemMixin, forms.Form):
    search_label: ClassVar[Promise | str] = _("Søg")
    # Lookups OR-ed for each word of the search, e.g. "name__icontains"; none: no search field.
    search_fields: ClassVar[tuple[str, ...]] = ()
    # key -> (the column's label, the ordering ascending). "-key" sorts descending.
    columns: ClassVar[Mapping[str, tuple[Promise | str, tuple[str, ...]]]] = {}
    default_sort: ClassVar[str] = ""
    # Why the list is empty when nothing is filtered: what makes rows appear here.
    empty: ClassVar[Promise | str] = _("Listen er tom.")
    # Always folded, or never (None: by the number of filters).
    fold: ClassVar[bool | None] = None

    side = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, data=None, *args, **kwargs):
        # Always bound: no parameters is the default list, not an unbound form; the sort
        # select shows the default sort when none was asked.
        data = data.copy() if data is not None else {}
        if self.columns and not data.get("sort"):
            data["sort"] = self.default_sort
        super().__init__(data, *args, **kwargs)
        if self.search_fields and "q" not in self.fields:
            self.fields["q"] = SearchField(
                label=self.search_label,
                widget=forms.TextInput(
                    attrs={"type": "search", "autocomplete": "off", "class": "form-input"}
                ),
            )
        if "q" in self.fields:
            self.order_fields(["q"])
        if self.columns:
            self.fields["sort"] = forms.ChoiceField(
                label=_("Sortér efter"),
                required=False,
                choices=self.sort_choices(),
                widget=forms.Select(attrs={"class": "form-select"}),
            )

    # The label of the list's own order when `default_sort` is "" (the selector's order).
    own_order: ClassVar[Promise | str] = _("Listens egen rækkefølge")

    @classmethod
    def sort_choices(cls) -> list[tuple[str, str]]:
        choices = [] if cls.default_sort else [("", str(cls.own_order))]
        for key, (label, _ordering) in cls.columns.items():
            choices.append((key, str(_("%(column)s, stigende")) % {"column": label}))
            choices.append((f"-{key}", str(_("%(column)s, faldende")) % {"column": label}))
        return choices

    # What was asked --------------------------------------------------------------------

    @property
    def data_cleaned(self) -> dict[str, Any]:
        """The valid parameters: an invalid one is left out (and shown at its field)."""
        self.is_valid()
        return self.cleaned_data

    @property
    def sort_key(self) -> str:
        key = self.data_cleaned.get("sort") or self.default_sort
        return key if key.lstrip("-") in self.columns else self.default_sort

    @property
    def query(self) -> str:
        return str(self.data_cleaned.get("q") or "")

    def filter_fields(self) -> list[forms.BoundField]:
        """The filters shown: a hidden field is a tab's choice (`vis`), kept by the form."""
        return [
            self[name]
            for name, field in self.fields.items()
            if name not in OWN and not field.widget.is_hidden
        ]

    def kept_fields(self) -> list[forms.BoundField]:
        """The hidden fields a search keeps (the tab it was made on); not the page."""
        return [
            self[name] for name, f in self.fields.items() if f.widget.is_hidden and name != "side"
        ]

    @property
    def folded(self) -> bool:
        if self.fold is not None:
            return self.fold
        return len(self.filter_fields()) > FOLD_AFTER

    def active(self) -> list[tuple[str, str]]:
        """The filters in force, as (label, value) for the summary of folded filters."""
        out = []
        data = self.data_cleaned
        for bound in self.filter_fields():
            value, field = data.get(bound.name), bound.field
            if value in (None, "", False, [], ()) or value == getattr(field, "empty_value", None):
                continue  # not given, or the default a blank gives
            if isinstance(field, forms.BooleanField):
                shown = str(_("ja"))
            elif isinstance(field, forms.ChoiceField):
                choices = cast(Iterable[tuple[Any, Any]], field.choices)
                shown = str({str(k): v for k, v in choices}.get(str(value), value))
            elif hasattr(value, "strftime"):
                shown = value.strftime("%d.%m.%Y")
            else:
                shown = str(value)
            out.append((str(bound.label), shown))
        return out

    @property
    def filtered(self) -> bool:
        """Something narrows the list: a search or a filter (the empty state then says so)."""
        return bool(self.query or self.active())

    # Applying it -----------------------------------------------------------------------

    def filter(self, items: QuerySet, data: dict[str, Any]) -> QuerySet:
        """The list's own filters; the form of a list with filters overrides this."""
        return items

    def search(self, items: QuerySet) -> QuerySet:
        for term in self.query.split():
            q = Q()
            for lookup in self.search_fields:
                q |= Q(**{lookup: term})
            items = items.filter(q)
        return items

    def ordering(self) -> tuple[str, ...]:
        key = self.sort_key
        if not key:
            return ()
        descending = key.startswith("-")
        fields = self.columns[key.lstrip("-")][1]
        if "pk" not in fields and "id" not in fields:
            fields = (*fields, "id")  # a stable order, so no row is on two pages
        if not descending:
            return fields
        return tuple(f[1:] if f.startswith("-") else f"-{f}" for f in fields)

    def order(self, items):
        """A queryset ordered in the database; rows built in Python by `sort_rows`."""
        if not isinstance(items, QuerySet):
            return sort_rows(items, self)
        ordering = self.ordering()
        return items.order_by(*ordering) if ordering else items

    def apply(self, items: QuerySet) -> QuerySet:
        return self.order(self.search(self.filter(items, self.data_cleaned)))


def sort_rows(rows: Sequence[Any], form: ListForm) -> list[Any]:
    """A list built in Python (rows with computed values) sorted like a queryset would be:
    by the column's attributes ("0__monday": the row's first item's `monday`), None last."""
    ordering = [f for f in form.ordering() if f.lstrip("-") != "id"]
    out = list(rows)
    for name in reversed(ordering):
        reverse = name.startswith("-")
        attr = name.lstrip("-")
        present = [r for r in out if _attr(r, attr) is not None]
        missing = [r for r in out if _attr(r, attr) is None]
        present.sort(key=_by(attr), reverse=reverse)
        out = present + missing
    return out


def _by(path: str):
    return lambda row: _attr(row, path)


def _attr(row: Any, path: str) -> Any:
    for part in path.split("__"):
        if isinstance(row, tuple | list) and part.isascii() and part.isdigit():
            row = row[int(part)]
        else:
            row = row.get(part) if isinstance(row, dict) else getattr(row, part, None)
        if row is None:
            return None
    return row


@dataclass
class Listing:
    form: ListForm
    page: Page

    @property
    def object_list(self):
        return self.page.object_list


def paginate(request, items, form: ListForm, *, per_page: int | None = None) -> Listing:
    """One page of `items` (filtered and sorted by the form already) as the list shows it."""
    paginator = Paginator(items, per_page or PAGE_SIZE)
    return Listing(form, paginator.get_page(request.GET.get("side")))


def page_numbers(page: Page) -> list[int | str]:
    """The numbered links of the pagination: first, last and the pages around the current
    one, with "…" between (Paginator.ELLIPSIS)."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))
