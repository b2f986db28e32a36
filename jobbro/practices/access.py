"""Who reads the good-practice library: decided here, used by its views and the menu.

Not personal data: every staff role may read it. The mentor (a volunteer who sees a handful
of fields about one person) has no use for it, and least privilege leaves them out."""

from jobbro.accounts.models import Role

READERS = (
    Role.AMBASSADOR,
    Role.CASE_WORKER,
    Role.COMPANY_CONSULTANT,
    Role.TEACHER,
    Role.MANAGER,
    Role.ADMINISTRATOR,
)
