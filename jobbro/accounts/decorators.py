from functools import wraps

from django.core.exceptions import PermissionDenied


def role_required(*roles: str):
    """Allow a view only for users with one of these roles; others get 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.has_role(*roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
