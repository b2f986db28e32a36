"""Password rules beyond Django's own: no words of the product or the organisation, and
none of the user's own names (ASVS 5.0 V6.2.11: context-specific words)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Words an attacker guesses first at a Danish job centre running Jobbro.
CONTEXT_WORDS = (
    "jobbro",
    "kommune",
    "jobcenter",
    "jobcentret",
    "borger",
    "integration",
    "flygtning",
    "adgangskode",
    "password",
)
# The common substitutions, so that "J0bbr0" is "jobbro".
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
# Shorter names would refuse too much ("bo" is in "bogstav").
_MIN_NAME = 4


def _plain(text: str) -> str:
    return text.casefold().translate(_LEET)


class ContextWordsValidator:
    """Refuse a password containing a context word or the user's username or names."""

    def __init__(self, words=CONTEXT_WORDS):
        self.words = tuple(w.casefold() for w in words)

    def _user_words(self, user) -> list[str]:
        if user is None:
            return []
        values = [getattr(user, "username", ""), getattr(user, "first_name", "")]
        values += [getattr(user, "last_name", ""), (getattr(user, "email", "") or "").split("@")[0]]
        words = []
        for value in values:
            words += [w for w in str(value or "").replace(".", " ").split() if len(w) >= _MIN_NAME]
        return [w.casefold() for w in words]

    def validate(self, password, user=None):
        plain = {password.casefold(), _plain(password)}
        for word in self.words:
            if any(word in p for p in plain):
                raise ValidationError(
                    _("Adgangskoden må ikke indeholde ordet “%(word)s”.") % {"word": word},
                    code="password_context_word",
                )
        for word in self._user_words(user):
            if any(word in p or _plain(word) in p for p in plain):
                raise ValidationError(
                    _("Adgangskoden må ikke indeholde dit brugernavn eller navn."),
                    code="password_user_word",
                )

    def get_help_text(self):
        return _("Adgangskoden må ikke indeholde Jobbro, kommune, jobcenter eller dit navn.")
