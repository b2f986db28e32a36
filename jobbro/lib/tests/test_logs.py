import logging

from jobbro.lib.logs import DropQueryStrings


def _record(msg, args):
    return logging.LogRecord("django.server", logging.INFO, __file__, 1, msg, args, None)


def test_it_drops_the_query_string_from_request_lines():
    record = _record('"%s" %s %s', ("GET /borgere/?q=010190-1236 HTTP/1.1", "200", "512"))
    DropQueryStrings().filter(record)
    assert "0101901236" not in record.getMessage().replace("-", "")
    assert record.getMessage() == '"GET /borgere/?… HTTP/1.1" 200 512'


def test_it_keeps_paths_without_query():
    record = _record('"%s" %s %s', ("GET /borgere/12/ HTTP/1.1", "200", "10"))
    DropQueryStrings().filter(record)
    assert record.getMessage() == '"GET /borgere/12/ HTTP/1.1" 200 10'


def test_it_drops_query_strings_in_plain_messages():
    record = _record("Not Found: /borgere/?q=Haddad", None)
    DropQueryStrings().filter(record)
    assert "Haddad" not in record.getMessage()
