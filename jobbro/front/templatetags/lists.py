"""The list pattern's template side (`front/lists.py`): sortable column headers and the
numbered pages."""

from django import template

from jobbro.front import lists

register = template.Library()


@register.inclusion_tag("includes/list_column.html", takes_context=True)
def column(context, form, key, label=None):
    """A sortable column header: a link that sorts by the column (again: the other way),
    with aria-sort on the column the list is sorted by."""
    sort = form.sort_key
    direction = ""
    if sort == key:
        direction = "ascending"
    elif sort == f"-{key}":
        direction = "descending"
    return {
        "request": context.get("request"),
        "label": label or form.columns[key][0],
        "direction": direction,
        "next": f"-{key}" if direction == "ascending" else key,
    }


@register.simple_tag
def page_numbers(page):
    return lists.page_numbers(page)
