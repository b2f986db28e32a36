"""Who may see and change which company: the one place that decides it.

Companies are not citizens' personal data, but their contact persons are the contacts'
personal data, so contacts and the contact log are shown only to the roles that work with
companies.

* Ambassadors work with all companies: read and change every company.
* Company consultants change their key-account companies and read every company in the job
  bank: the bank exists to be shared, so a consultant can find a free place at a colleague's
  company (and then talks to that colleague). They create companies, and become the key
  account of those they create unless they name another consultant.
* Case workers read the job bank (companies, openings, free capacity, demand, barometer),
  without contact persons and without the contact log.
* Managers see the aggregate pages (demand and barometer), not the companies one by one.
* Teachers, mentors and administrators do not use the job bank.
"""

from django.db.models import QuerySet
from django.http import Http404

from jobbro.accounts.models import Role

from .models import Company

JOB_BANK_ROLES = (Role.AMBASSADOR, Role.COMPANY_CONSULTANT, Role.CASE_WORKER)
CONTACT_ROLES = (Role.AMBASSADOR, Role.COMPANY_CONSULTANT)
CREATE_ROLES = (Role.AMBASSADOR, Role.COMPANY_CONSULTANT)
AGGREGATE_ROLES = (Role.AMBASSADOR, Role.COMPANY_CONSULTANT, Role.CASE_WORKER, Role.MANAGER)


def companies_for(user) -> QuerySet[Company]:
    """The companies this user may see in lists and searches."""
    if not user.is_authenticated or not user.is_active or user.role not in JOB_BANK_ROLES:
        return Company.objects.none()
    return Company.objects.all()


def open_company(user, pk: int) -> Company:
    company = companies_for(user).select_related("key_account").filter(pk=pk).first()
    if company is None:
        raise Http404
    return company


def may_edit(user, company: Company) -> bool:
    if user.role == Role.AMBASSADOR:
        return True
    return user.role == Role.COMPANY_CONSULTANT and company.key_account_id == user.id


def sees_contacts(user) -> bool:
    return user.role in CONTACT_ROLES
