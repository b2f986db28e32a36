from django import forms


class DesignSystemMixin:
    """Give every widget the class Det Fælles Designsystem styles it by."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-checkbox"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-input"
            existing = widget.attrs.get("class", "")
            if css not in existing:
                widget.attrs["class"] = f"{css} {existing}".strip()
