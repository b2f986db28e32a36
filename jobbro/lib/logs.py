"""Logging filters that keep personal data out of server logs."""

import logging
import re

_QUERY = re.compile(r"\?[^\s\"]*")


class DropQueryStrings(logging.Filter):
    """Remove query strings from request lines: a search may carry a name or CPR number."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(
                _QUERY.sub("?…", a) if isinstance(a, str) else a for a in record.args
            )
        if isinstance(record.msg, str):
            record.msg = _QUERY.sub("?…", record.msg)
        return True
