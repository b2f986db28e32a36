from django.db import models

from jobbro.lib import crypto


class EncryptedTextField(models.TextField):
    """A text field stored as a Fernet token; the plaintext never reaches the database.

    It cannot be filtered on: look values up through a keyed hash stored beside it.
    """

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value)
